"""From profiles to proposals, end to end on random small cohorts (no database).

Whatever the cohort: no proposed pair breaks a hard rule, capacities and pins hold, the result
is proven optimal and equals brute force, each breakdown adds up to its pair's score, and every
"no possible partner" reason is true and its rule counts are right.
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.engine.types import NO_FEASIBLE_PARTNER
from tandem.matching.pairing.hard_rules import is_feasible, pair_violations
from tandem.matching.pairing.pool import Pool
from tandem.matching.pairing.scoring import score_pair
from tandem.matching.runs.compute import matching_compute
from tandem.matching.tests.profile_strategies import cohorts, topic_priorities, weights


@st.composite
def pools(draw):
    mentees, mentors, rules = draw(cohorts(max_size=5))
    w, prio = draw(weights()), draw(topic_priorities)
    capacity = {m.enrolment_id: draw(st.integers(1, 2)) for m in mentors}
    data = Pool(
        mentees=mentees,
        mentors=mentors,
        mentor_capacity=capacity,
        rules=rules,
        weights=w,
        topic_priority=prio,
        active_ids=frozenset(p.enrolment_id for p in (*mentees, *mentors)),
    )
    feasible = [
        (e.enrolment_id, m.enrolment_id)
        for e in mentees
        for m in mentors
        if is_feasible(e, m, rules)
    ]
    pins = draw(st.lists(st.sampled_from(feasible), max_size=1, unique=True)) if feasible else []
    return data, pins


def _brute_force_best(data, pins):
    """The best total over every assignment that respects capacities and contains the pins."""
    edges = {
        (e.enrolment_id, m.enrolment_id): score_pair(
            e, m, weights=data.weights, topic_priority=data.topic_priority
        ).total
        for e in data.mentees
        for m in data.mentors
        if is_feasible(e, m, data.rules)
    }
    best = None
    options = [
        [None, *(m.enrolment_id for m in data.mentors if (e.enrolment_id, m.enrolment_id) in edges)]
        for e in data.mentees
    ]
    for choice in itertools.product(*options):
        chosen = {
            (e.enrolment_id, m) for e, m in zip(data.mentees, choice, strict=True) if m is not None
        }
        load = Counter(m for _e, m in chosen)
        if any(load[m] > data.mentor_capacity[m] for m in load) or not set(pins) <= chosen:
            continue
        total = sum(edges[pair] for pair in chosen)
        best = total if best is None else max(best, total)
    return best


@settings(max_examples=150)  # brute-force oracle on small pools
@given(pool=pools())
def test_proposals_never_break_a_rule_and_are_optimal(pool):
    data, pins = pool
    outcome = matching_compute(data=data, pins=pins)
    mentees = {p.enrolment_id: p for p in data.mentees}
    mentors = {p.enrolment_id: p for p in data.mentors}
    pairs = {(p.mentee_id, p.mentor_id) for p in outcome.pairs}
    for pair in outcome.pairs:
        assert pair_violations(mentees[pair.mentee_id], mentors[pair.mentor_id], data.rules) == []
        assert sum(pair.breakdown.values()) == pytest.approx(pair.score, abs=1e-5)
    assert max(Counter(e for e, _m in pairs).values(), default=0) <= 1
    for mentor, load in Counter(m for _e, m in pairs).items():
        assert load <= data.mentor_capacity[mentor]
    assert set(pins) <= pairs
    assert {p.mentee_id for p in outcome.pairs if p.pinned} == {e for e, _m in pins}
    assert outcome.result.optimal
    expected = _brute_force_best(data, pins)
    assert outcome.result.total_score == pytest.approx(expected or 0.0, abs=1e-4)


@settings(max_examples=150)  # brute-force oracle on small pools
@given(pool=pools())
def test_no_possible_partner_reasons_are_true_and_count_the_rules(pool):
    data, _pins = pool
    outcome = matching_compute(data=data)
    for enrolment_id, entry in outcome.unmatched.items():
        if entry["code"] != NO_FEASIBLE_PARTNER:
            continue
        side = entry["side"]
        me = next(
            p
            for p in (data.mentees if side == "mentee" else data.mentors)
            if p.enrolment_id == enrolment_id
        )
        others = data.mentors if side == "mentee" else data.mentees
        broken = Counter()
        only = Counter()
        checked = 0
        for other in others:
            if other.person_id == me.person_id:
                continue
            checked += 1
            pair = (me, other) if side == "mentee" else (other, me)
            codes = {v.code for v in pair_violations(*pair, data.rules)}
            assert codes, "a feasible partner existed after all"
            broken.update(codes)
            if len(codes) == 1:
                only.update(codes)
        assert entry["candidates"] == checked
        assert {r: (b, o) for r, b, o in entry["ranked"]} == {
            r: (broken[r], only.get(r, 0)) for r in broken
        }
