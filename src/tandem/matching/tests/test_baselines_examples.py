"""Hand-made examples of the baselines with known results."""

from __future__ import annotations

import pytest

from tandem.matching.engine.baselines import gale_shapley_by_score, greedy_by_score
from tandem.matching.engine.types import (
    NO_FEASIBLE_PARTNER,
    PARTNERS_AT_CAPACITY,
    Edge,
    Instance,
    InstanceError,
    Pair,
    Participant,
)
from tandem.matching.tests.stable_oracles import unmatched_both_sides


def _people(*ids: str, capacity: int = 1) -> tuple[Participant, ...]:
    return tuple(Participant(i, capacity) for i in ids)


def test_greedy_takes_the_best_pair_first_even_when_that_costs_a_second_pair():
    instance = Instance(
        mentees=_people("a", "b"),
        mentors=_people("x", "y"),
        edges=(Edge("a", "x", 10), Edge("a", "y", 9), Edge("b", "x", 9)),
    )

    result = greedy_by_score(instance)

    assert result.pairs == (Pair("a", "x", 10.0),)  # the optimum is a-y + b-x = 18
    assert result.total_score == 10.0
    assert result.matched == 1
    assert result.optimal is False
    assert result.bound is None
    assert unmatched_both_sides(result) == {"b": PARTNERS_AT_CAPACITY, "y": PARTNERS_AT_CAPACITY}


def test_greedy_places_pins_first_and_skips_forbidden_pairs():
    instance = Instance(
        mentees=_people("a", "b", "c"),
        mentors=(Participant("x", 2), Participant("y")),
        edges=(
            Edge("a", "x", 90),
            Edge("b", "x", 80),
            Edge("c", "x", 70),
            Edge("c", "y", 5),
        ),
        pinned=(("c", "x"),),
        forbidden=(("a", "x"),),
    )

    result = greedy_by_score(instance)

    assert [(p.mentee, p.mentor) for p in result.pairs] == [("b", "x"), ("c", "x")]
    assert result.total_score == 150.0
    assert unmatched_both_sides(result) == {"a": NO_FEASIBLE_PARTNER, "y": PARTNERS_AT_CAPACITY}


def test_greedy_breaks_score_ties_by_mentee_id_then_mentor_id():
    instance = Instance(
        mentees=_people("b", "a"),
        mentors=_people("y", "x"),
        edges=(Edge("b", "x", 5), Edge("a", "y", 5), Edge("a", "x", 5)),
    )

    result = greedy_by_score(instance)

    assert [(p.mentee, p.mentor) for p in result.pairs] == [("a", "x")]


def test_gale_shapley_by_score_ignores_the_participants_rankings():
    instance = Instance(
        mentees=_people("a", "b"),
        mentors=_people("x", "y"),
        edges=(Edge("a", "x", 10), Edge("a", "y", 20), Edge("b", "x", 20), Edge("b", "y", 10)),
        mentee_rankings={"a": ("x", "y"), "b": ("y", "x")},
    )

    result = gale_shapley_by_score(instance)

    assert [(p.mentee, p.mentor) for p in result.pairs] == [("a", "y"), ("b", "x")]
    assert result.total_score == 40.0


def test_gale_shapley_with_each_sides_own_view_can_fall_below_greedy():
    # Mentees rank by what they learn, mentors by what they get back; the total is the edge score.
    def edge(mentee, mentor, learn, give):
        return Edge(mentee, mentor, learn + give, {"learn": learn, "give": give})

    instance = Instance(
        mentees=_people("a", "b"),
        mentors=_people("x", "y"),
        edges=(
            edge("a", "x", 50, 0),
            edge("a", "y", 40, 40),
            edge("b", "x", 40, 40),
            edge("b", "y", 50, 0),
        ),
    )

    result = gale_shapley_by_score(
        instance,
        mentee_view=lambda e: e.breakdown["learn"],
        mentor_view=lambda e: e.breakdown["give"],
    )

    # Mentee-proposing: each mentee gets her favourite, a-x and b-y (total 100), while greedy
    # by the edge score takes a-y and b-x (total 160).
    assert [(p.mentee, p.mentor) for p in result.pairs] == [("a", "x"), ("b", "y")]
    assert result.total_score == 100.0
    assert greedy_by_score(instance).total_score == 160.0


def test_a_view_that_gives_no_number_is_refused_naming_the_edge():
    instance = Instance(mentees=_people("a"), mentors=_people("x"), edges=(Edge("a", "x", 1),))

    with pytest.raises(InstanceError) as caught:
        gale_shapley_by_score(instance, mentee_view=lambda e: float("inf"))

    assert caught.value.field == "edges[0]"


@pytest.mark.parametrize("solve", [greedy_by_score, gale_shapley_by_score])
def test_baselines_refuse_a_pin_without_an_edge(solve):
    instance = Instance(mentees=_people("a"), mentors=_people("x"), edges=(), pinned=(("a", "x"),))

    with pytest.raises(InstanceError) as caught:
        solve(instance)

    assert caught.value.field == "pinned[0]"
