"""The needs analysis rule: demand vs supply per topic, with small groups suppressed (R3, R9)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tandem.enrolment.overview.needs import Imbalance, balance_by_topic

pairs = st.lists(st.tuples(st.sampled_from("ABCDE"), st.integers(0, 30)), max_size=80)


def by_topic(balances):
    return {b.topic: b for b in balances}


def test_counts_each_person_once_per_topic_and_flags_missing_mentors():
    demand = [("AI", p) for p in range(6)] + [("AI", 0), ("SEO", 1)]
    supply = [("Excel", p) for p in range(5)]
    result = by_topic(balance_by_topic(demand=demand, supply=supply, min_group=5))
    assert result["AI"].demand == 6
    assert result["AI"].supply == 0
    assert result["AI"].imbalance is Imbalance.DEMAND_WITHOUT_SUPPLY
    assert result["Excel"].imbalance is Imbalance.SUPPLY_WITHOUT_DEMAND
    assert result["SEO"].demand is None  # one person: suppressed, never shown as 1


def test_topics_without_mentors_come_first():
    demand = [("B", p) for p in range(9)] + [("A", p) for p in range(5)]
    supply = [("B", 1)] * 1 + [("B", p) for p in range(5)]
    order = [b.topic for b in balance_by_topic(demand=demand, supply=supply, min_group=5)]
    assert order == ["A", "B"]


@given(pairs, pairs, st.integers(1, 10))
def test_no_shown_count_is_ever_below_the_minimum_group_size(demand, supply, min_group):
    for balance in balance_by_topic(demand=demand, supply=supply, min_group=min_group):
        for count in (balance.demand, balance.supply):
            assert count is None or count == 0 or count >= min_group


@given(pairs, pairs)
def test_every_topic_appears_once_with_the_true_counts_when_nothing_is_suppressed(demand, supply):
    result = balance_by_topic(demand=demand, supply=supply, min_group=1)
    topics = [b.topic for b in result]
    assert sorted(topics) == sorted({t for t, _ in demand} | {t for t, _ in supply})
    for b in result:
        assert b.demand == len({p for t, p in demand if t == b.topic})
        assert b.supply == len({p for t, p in supply if t == b.topic})
        assert (b.imbalance is Imbalance.DEMAND_WITHOUT_SUPPLY) == (b.demand > 0 and b.supply == 0)
