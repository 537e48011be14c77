"""Hand-made examples of the stable mode with known results, and refusals of bad input."""

from __future__ import annotations

import pytest

from tandem.matching.engine.stable import blocking_pairs, solve_stable
from tandem.matching.engine.types import (
    NO_CAPACITY,
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


def _complete(mentees, mentors, score: float = 50.0) -> tuple[Edge, ...]:
    return tuple(Edge(m.id, t.id, score) for m in mentees for t in mentors)


def _pairs(result) -> list[tuple[str, str]]:
    return [(p.mentee, p.mentor) for p in result.pairs]


def test_classic_example_gives_every_mentee_her_best_stable_partner():
    mentees, mentors = _people("a", "b", "c"), _people("x", "y", "z")
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=_complete(mentees, mentors),
        mentee_rankings={"a": ("x", "y", "z"), "b": ("y", "x", "z"), "c": ("x", "y", "z")},
        mentor_rankings={"x": ("b", "a", "c"), "y": ("a", "b", "c"), "z": ("a", "b", "c")},
    )

    result = solve_stable(instance)

    # Both {a-x, b-y} and {a-y, b-x} are stable; the mentee-proposing one is the first.
    assert _pairs(result) == [("a", "x"), ("b", "y"), ("c", "z")]
    assert result.blocking_pairs == ()
    assert result.total_score == 150.0
    assert result.matched == 3
    assert result.optimal is False
    assert result.bound is None
    assert unmatched_both_sides(result) == {}


def test_mentor_with_two_seats_keeps_the_two_mentees_he_prefers():
    mentees = _people("a", "b", "c")
    mentors = (Participant("x", 2), Participant("y", 1))
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=_complete(mentees, mentors),
        mentee_rankings={m.id: ("x", "y") for m in mentees},
        mentor_rankings={"x": ("c", "a", "b")},
    )

    assert _pairs(solve_stable(instance)) == [("a", "x"), ("b", "y"), ("c", "x")]


def test_without_rankings_both_sides_rank_by_score_and_ties_by_id():
    mentees, mentors = _people("b", "a"), _people("y", "x")
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=(
            Edge("a", "x", 80),
            Edge("b", "x", 90),
            Edge("a", "y", 10),
            Edge("b", "y", 10),
        ),
    )

    result = solve_stable(instance)

    assert result.pairs == (Pair("a", "y", 10.0), Pair("b", "x", 90.0))
    assert result.total_score == 100.0


def test_a_ranking_never_makes_an_infeasible_or_forbidden_pair_acceptable():
    mentees, mentors = _people("a", "b"), _people("x", "y", "z")
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=(Edge("a", "x", 50), Edge("a", "y", 40), Edge("b", "x", 30)),
        forbidden=(("a", "x"),),
        mentee_rankings={"a": ("z", "x", "y")},  # a-z has no edge, a-x is forbidden
    )

    result = solve_stable(instance)

    assert _pairs(result) == [("a", "y"), ("b", "x")]
    assert unmatched_both_sides(result) == {"z": NO_FEASIBLE_PARTNER}


def test_unranked_feasible_partners_follow_the_ranked_ones():
    instance = Instance(
        mentees=_people("a"),
        mentors=(Participant("x", 0), Participant("y"), Participant("z")),
        edges=(Edge("a", "x", 90), Edge("a", "y", 80), Edge("a", "z", 10)),
        mentee_rankings={"a": ("x",)},  # x has no seat; y beats z on score
    )

    result = solve_stable(instance)

    assert _pairs(result) == [("a", "y")]
    assert unmatched_both_sides(result) == {"x": NO_CAPACITY, "z": PARTNERS_AT_CAPACITY}


def test_a_pin_is_kept_and_the_blocking_pair_it_causes_is_reported():
    mentees, mentors = _people("a", "b"), _people("x", "y")
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=_complete(mentees, mentors),
        pinned=(("a", "y"),),
        mentee_rankings={"a": ("x", "y")},
        mentor_rankings={"x": ("a", "b")},
    )

    result = solve_stable(instance)

    assert _pairs(result) == [("a", "y"), ("b", "x")]
    assert result.blocking_pairs == (("a", "x"),)
    assert blocking_pairs(instance, result.pairs, relative_to_pins=True) == []


def test_mentee_with_two_seats_gets_her_two_best_mentors():
    mentees = (Participant("a", 2), Participant("b", 1))
    mentors = _people("x", "y", "z")
    instance = Instance(
        mentees=mentees,
        mentors=mentors,
        edges=_complete(mentees, mentors),
        mentee_rankings={"a": ("x", "y", "z"), "b": ("y", "z", "x")},
        mentor_rankings={"y": ("b", "a")},
    )

    result = solve_stable(instance)

    assert _pairs(result) == [("a", "x"), ("a", "z"), ("b", "y")]
    assert result.blocking_pairs == ()


def test_using_every_positive_pair_counts_as_trivially_optimal():
    instance = Instance(
        mentees=_people("a", "b"),
        mentors=(Participant("x", 2),),
        edges=(Edge("a", "x", 10), Edge("b", "x", 20)),
    )

    assert solve_stable(instance).optimal is True


def test_blocking_pairs_of_an_empty_matching_are_all_acceptable_pairs():
    instance = Instance(
        mentees=_people("a", "b"),
        mentors=_people("x"),
        edges=(Edge("a", "x", 1), Edge("b", "x", 2)),
        forbidden=(("b", "x"),),
    )

    assert blocking_pairs(instance, []) == [("a", "x")]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"mentees": (Participant("a", -1),)}, "mentees[0].capacity"),
        ({"mentors": (Participant("x"), Participant("x"))}, "mentors[1].id"),
        ({"edges": (Edge("a", "q", 1),)}, "edges[0].mentor"),
        ({"edges": (Edge("a", "x", float("nan")),)}, "edges[0].score"),
        ({"edges": (Edge("a", "x", 1), Edge("a", "x", 2))}, "edges[1]"),
        ({"pinned": (("a", "y"),)}, "pinned[0]"),  # no edge
        ({"pinned": (("a", "x"),), "forbidden": (("a", "x"),)}, "pinned[0]"),
        ({"forbidden": (("a", "nobody"),)}, "forbidden[0][1]"),
        ({"pinned": (("nobody", "x"),)}, "pinned[0][0]"),
        ({"mentee_rankings": {"nobody": ("x",)}}, "mentee_rankings"),
        ({"mentee_rankings": {"a": ("x", "x")}}, "mentee_rankings[a]"),
        ({"mentor_rankings": {"x": ("nobody",)}}, "mentor_rankings[x]"),
    ],
)
def test_malformed_instance_is_refused_naming_the_field(change, field):
    base = {
        "mentees": (Participant("a"),),
        "mentors": (Participant("x"), Participant("y")),
        "edges": (Edge("a", "x", 1),),
    }
    with pytest.raises(InstanceError) as caught:
        solve_stable(Instance(**{**base, **change}))

    assert caught.value.field == field


def test_more_pins_than_seats_are_refused():
    instance = Instance(
        mentees=_people("a", "b"),
        mentors=_people("x"),
        edges=(Edge("a", "x", 1), Edge("b", "x", 1)),
        pinned=(("a", "x"), ("b", "x")),
    )

    with pytest.raises(InstanceError, match="more pins than capacity") as caught:
        solve_stable(instance)

    assert caught.value.field == "pinned[1]"


class _Score(float):
    """A float subclass, as numpy's float64 is."""


@pytest.mark.parametrize("score", [True, 10**400, "5", float("inf")])
def test_a_score_that_is_not_a_finite_number_is_refused(score):
    instance = Instance(mentees=_people("a"), mentors=_people("x"), edges=(Edge("a", "x", score),))

    with pytest.raises(InstanceError) as caught:
        solve_stable(instance)

    assert caught.value.field == "edges[0].score"


@pytest.mark.parametrize("score", [7, _Score(7.0)])
def test_int_and_float_subclass_scores_are_taken_as_floats(score):
    instance = Instance(mentees=_people("a"), mentors=_people("x"), edges=(Edge("a", "x", score),))

    result = solve_stable(instance)

    assert result.pairs == (Pair("a", "x", 7.0),)
    assert type(result.pairs[0].score) is float
