"""The vectorised builder agrees with the scalar rules (exactly) and score (to 1e-6)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.pairing.hard_rules import CohortRules, Profile, is_feasible
from tandem.matching.pairing.scoring import COMPONENTS, DEFAULT_WEIGHTS, score_pair
from tandem.matching.pairing.synthetic import synthetic_population
from tandem.matching.runs.candidates import build_candidates
from tandem.matching.tests.profile_strategies import cohorts, topic_priorities, weights


def _scalar(mentees, mentors, rules, w, prio):
    return {
        (i, j): score_pair(e, m, weights=w, topic_priority=prio).total
        for i, e in enumerate(mentees)
        for j, m in enumerate(mentors)
        if is_feasible(e, m, rules)
    }


def _vector(mentees, mentors, rules, w, prio, block=512):
    cs = build_candidates(mentees, mentors, rules, w, prio, block=block)
    pairs = list(zip(cs.mentee_index.tolist(), cs.mentor_index.tolist(), strict=True))
    assert len(set(pairs)) == len(pairs), "a pair appears twice"
    return dict(zip(pairs, cs.score.tolist(), strict=True))


@settings(max_examples=300)  # pure and fast; the block sizes multiply the cases
@given(cohort=cohorts(), w=weights(), prio=topic_priorities, block=st.integers(1, 4))
def test_builder_finds_exactly_the_feasible_pairs_with_the_scalar_score(cohort, w, prio, block):
    mentees, mentors, rules = cohort
    expected = _scalar(mentees, mentors, rules, w, prio)
    got = _vector(mentees, mentors, rules, w, prio, block=block)
    assert set(got) == set(expected)
    for pair, score in expected.items():
        assert got[pair] == pytest.approx(score, abs=1e-6)


def _check_components(mentees, mentors, rules, w, prio, block=512):
    """`components=True`: same pairs and bit-identical scores as the default build; the points
    add up to the score (1e-9) and agree with `score_pair` per component (1e-6)."""
    plain = build_candidates(mentees, mentors, rules, w, prio, block=block)
    cs = build_candidates(mentees, mentors, rules, w, prio, block=block, components=True)
    assert plain.points is None
    assert cs.points is not None and cs.points.shape == (len(cs), len(COMPONENTS))
    assert cs.points.dtype == np.float64
    np.testing.assert_array_equal(cs.mentee_index, plain.mentee_index)
    np.testing.assert_array_equal(cs.mentor_index, plain.mentor_index)
    np.testing.assert_array_equal(cs.score, plain.score)
    if len(cs):
        assert np.abs(cs.points.sum(axis=1) - cs.score).max() <= 1e-9
    for i, j, row in zip(cs.mentee_index, cs.mentor_index, cs.points.tolist(), strict=True):
        expected = score_pair(mentees[i], mentors[j], weights=w, topic_priority=prio)
        for name, got, want in zip(COMPONENTS, row, expected.points, strict=True):
            assert got == pytest.approx(want, abs=1e-6), (int(i), int(j), name)
    return cs


@settings(max_examples=300)  # pure and fast; the block sizes multiply the cases
@given(cohort=cohorts(), w=weights(), prio=topic_priorities, block=st.integers(1, 4))
def test_builder_components_agree_with_the_scalar_breakdown(cohort, w, prio, block):
    mentees, mentors, rules = cohort
    _check_components(mentees, mentors, rules, w, prio, block=block)


def test_builder_components_agree_on_a_synthetic_organisation():
    pop = synthetic_population(120, 120, seed=3)  # a size where one preferred pair is feasible
    cs = _check_components(
        pop.mentees, pop.mentors, pop.rules, DEFAULT_WEIGHTS, pop.topic_priority, block=37
    )
    assert len(cs), "the synthetic organisation should have feasible pairs"
    # Every component is exercised (non-zero somewhere), so none is silently left unfilled.
    assert (cs.points > 0).any(axis=0).all()


def test_builder_components_of_an_empty_side():
    mentee = Profile(enrolment_id=1, person_id=1)
    cs = build_candidates([mentee], [], CohortRules(), components=True)
    assert cs.points is not None and cs.points.shape == (0, len(COMPONENTS))


def test_builder_agrees_with_the_scalar_rules_on_a_synthetic_organisation():
    pop = synthetic_population(120, 150, seed=3)
    w = DEFAULT_WEIGHTS
    expected = _scalar(pop.mentees, pop.mentors, pop.rules, w, pop.topic_priority)
    got = _vector(pop.mentees, pop.mentors, pop.rules, w, pop.topic_priority, block=37)
    assert expected, "the synthetic organisation should have feasible pairs"
    assert set(got) == set(expected)
    assert max(abs(got[p] - s) for p, s in expected.items()) <= 1e-6


def test_builder_returns_empty_arrays_for_an_empty_side():
    mentee = Profile(enrolment_id=1, person_id=1)
    cs = build_candidates([mentee], [], CohortRules())
    assert len(cs) == 0
    assert cs.mentee_index.dtype.kind == "i" and cs.score.dtype.kind == "f"


def test_builder_handles_more_than_64_slot_codes():
    slots = frozenset(f"slot-{k}" for k in range(100))
    common = dict(languages=frozenset({"en"}), formats=frozenset({"online"}), side="either")
    mentee = Profile(enrolment_id="a", person_id=1, career_level=5, availability=slots, **common)
    far = Profile(
        enrolment_id="b", person_id=2, career_level=1, availability=frozenset({"slot-99"}), **common
    )
    none = Profile(
        enrolment_id="c",
        person_id=3,
        career_level=1,
        availability=frozenset({"slot-100"}),
        **common,
    )
    cs = build_candidates([mentee], [far, none], CohortRules(), topic_priority={})
    assert cs.mentor_index.tolist() == [0]


def test_synthetic_population_is_reproducible():
    a = synthetic_population(50, 60, seed=7)
    b = synthetic_population(50, 60, seed=7)
    c = synthetic_population(50, 60, seed=8)
    assert a == b
    assert a != c
    assert len(a.mentees) == 50 and len(a.mentors) == 60
    assert a.rules.reporting_line_pairs, "the org tree yields reporting lines"
