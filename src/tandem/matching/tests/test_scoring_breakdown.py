"""Pair score 0–100: components, the documented default weights, and the breakdown adding up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from tandem.matching.pairing.hard_rules import Profile
from tandem.matching.pairing.scoring import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    Weights,
    priority_weight,
    score_pair,
    topic_coverage,
)
from tandem.matching.tests.profile_strategies import profiles, topic_priorities, weights

MENTEE_ID, MENTOR_ID = 1, 2
MENTEE = Profile(enrolment_id=MENTEE_ID, person_id=1)
MENTOR = Profile(enrolment_id=MENTOR_ID, person_id=2)


def score(mentee=MENTEE, mentor=MENTOR, priority=None, w=DEFAULT_WEIGHTS):
    return score_pair(mentee, mentor, weights=w, topic_priority=priority or {})


def test_default_weights_add_up_to_100_and_favour_coverage():
    w = DEFAULT_WEIGHTS.as_dict()
    assert sum(w.values()) == 100
    assert list(w) == list(COMPONENTS)
    assert max(w, key=w.get) == "coverage"


def test_weights_that_do_not_add_up_to_100_are_refused():
    with pytest.raises(ValueError, match="add up to 100"):
        Weights(coverage=50)
    with pytest.raises(ValueError, match="negative"):
        Weights(coverage=60, bridging=-10)


@pytest.mark.parametrize(
    ("level", "expected"), [(0, 0.0), (2, 0.0), (3, 0.25), (4, 0.5), (6, 1.0), (8, 1.0)]
)
def test_a_topic_is_covered_fully_at_the_target_and_partly_between_current_and_target(
    level, expected
):
    assert topic_coverage(level, 2, 6) == expected


def test_coverage_is_weighted_by_company_priority():
    mentee = Profile(enrolment_id=MENTEE_ID, person_id=1, needs={"ai": (1, 4), "excel": (1, 4)})
    mentor = Profile(enrolment_id=MENTOR_ID, person_id=2, teaches={"ai": 5})
    b = score(mentee, mentor, priority={"ai": 5, "excel": 0})
    share = priority_weight(5) / (priority_weight(5) + priority_weight(0))
    assert b["coverage"] == pytest.approx(45 * share)
    assert share == pytest.approx(6 / 7)
    # A topic missing from the priority map counts as the neutral priority 2.
    assert score(mentee, mentor, priority={"excel": 2})["coverage"] == pytest.approx(45 / 2)


def test_a_mentee_without_needs_and_a_mentor_without_wishes_get_the_neutral_half():
    b = score()
    assert b["coverage"] == 22.5
    assert b["give_back"] == 10.0


def test_give_back_is_the_share_of_the_mentors_wishes_the_mentee_offers():
    mentee = Profile(enrolment_id=MENTEE_ID, person_id=1, offers_back=frozenset({"lead", "budget"}))
    mentor = Profile(
        enrolment_id=MENTOR_ID,
        person_id=2,
        wishes_back=frozenset({"lead", "network", "politics", "x"}),
    )
    assert score(mentee, mentor)["give_back"] == 5.0


def test_interests_are_the_jaccard_index():
    mentee = Profile(enrolment_id=MENTEE_ID, person_id=1, interests=frozenset({"a", "b", "c"}))
    mentor = Profile(enrolment_id=MENTOR_ID, person_id=2, interests=frozenset({"b", "c", "d"}))
    assert score(mentee, mentor)["interests"] == 5.0
    assert score()["interests"] == 0.0


def test_teaching_profile_bridging_and_preferences_are_all_or_nothing():
    mentee = Profile(enrolment_id=MENTEE_ID, person_id=1, org_unit_id="sales")
    mentor = Profile(
        enrolment_id=MENTOR_ID,
        person_id=2,
        org_unit_id="it",
        has_teaching_profile=True,
        preferred=frozenset({MENTEE_ID}),
    )
    b = score(mentee, mentor)
    assert (b["teaching_profile"], b["bridging"], b["preferences"]) == (10.0, 5.0, 10.0)
    unknown_unit = Profile(enrolment_id=MENTOR_ID, person_id=2, org_unit_id=None)
    assert score(mentee, unknown_unit)["bridging"] == 0.0
    asked = Profile(enrolment_id=MENTEE_ID, person_id=1, preferred=frozenset({MENTOR_ID}))
    assert score(asked, MENTOR)["preferences"] == 10.0


def test_a_perfect_pair_scores_100():
    mentee = Profile(
        enrolment_id=MENTEE_ID,
        person_id=1,
        org_unit_id=1,
        needs={"ai": (1, 5)},
        offers_back=frozenset({"lead"}),
        interests=frozenset({"chess"}),
        preferred=frozenset({MENTOR_ID}),
    )
    mentor = Profile(
        enrolment_id=MENTOR_ID,
        person_id=2,
        org_unit_id=2,
        teaches={"ai": 7},
        wishes_back=frozenset({"lead"}),
        interests=frozenset({"chess"}),
        has_teaching_profile=True,
    )
    assert score(mentee, mentor).total == 100.0


@settings(max_examples=500)  # cheap pure arithmetic: many weight/profile mixes
@given(
    mentee=profiles(MENTEE_ID, [MENTOR_ID]),
    mentor=profiles(MENTOR_ID, [MENTEE_ID]),
    w=weights(),
    prio=topic_priorities,
)
def test_the_breakdown_always_sums_exactly_to_the_total_within_the_weights(mentee, mentor, w, prio):
    b = score_pair(mentee, mentor, weights=w, topic_priority=prio)
    assert list(b) == list(COMPONENTS)
    assert sum(b.values()) == b.total
    assert 0.0 <= b.total <= 100.0
    for name, points in b.items():
        assert 0.0 <= points <= getattr(w, name)
