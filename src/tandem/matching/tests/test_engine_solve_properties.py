"""Property tests of the exact solver against exhaustive enumeration on small instances.

No database. The oracle enumerates every feasible assignment (per mentee every subset of its
allowed edges that contains its pins and fits its capacity, with the mentors' remaining seats as
the state), so it shares no code with the solver.
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.engine.problem import problem_from_instance
from tandem.matching.engine.solve import solve_problem
from tandem.matching.engine.types import (
    NO_CAPACITY,
    NO_FEASIBLE_PARTNER,
    PARTNERS_AT_CAPACITY,
    Edge,
    Instance,
    Mode,
    Participant,
)

# More examples than the profile's 100: instances are tiny and the solver has many branches.
SETTINGS = settings(max_examples=250)
SCORES = st.one_of(
    st.sampled_from([0.0, 0, 10, 50, 50.0, 99.5, 100]),
    st.floats(0, 100).map(lambda x: round(x, 2)),
)


ONE_OR_TWO = st.integers(1, 2)


@st.composite
def instances(draw, capacities=ONE_OR_TWO) -> Instance:
    n1, n2 = draw(st.integers(0, 6)), draw(st.integers(0, 6))
    mentees = [Participant(f"e{i}", draw(capacities)) for i in range(n1)]
    mentors = [Participant(f"r{j}", draw(capacities)) for j in range(n2)]
    edges = [
        Edge(f"e{i}", f"r{j}", draw(SCORES))
        for i in range(n1)
        for j in range(n2)
        if draw(st.integers(0, 9)) < 6
    ]
    edges = draw(st.permutations(edges))
    pairs = [(f"e{i}", f"r{j}") for i in range(n1) for j in range(n2)]
    forbidden = [p for p in pairs if draw(st.integers(0, 9)) == 0]
    load: dict[str, int] = {}
    cap = {p.id: p.capacity for p in mentees + mentors}
    pinned = []
    for e in edges:
        pair = (e.mentee, e.mentor)
        if pair in forbidden or draw(st.integers(0, 7)) != 0:
            continue
        if load.get(e.mentee, 0) < cap[e.mentee] and load.get(e.mentor, 0) < cap[e.mentor]:
            load[e.mentee] = load.get(e.mentee, 0) + 1
            load[e.mentor] = load.get(e.mentor, 0) + 1
            pinned.append(pair)
    return Instance(tuple(mentees), tuple(mentors), tuple(edges), tuple(pinned), tuple(forbidden))


def brute_force(instance: Instance) -> tuple[float, int, float]:
    """(best total score, most pairs, best total score among assignments with most pairs)."""
    forbidden, pinned = set(instance.forbidden), set(instance.pinned)
    options = []  # per mentee: the feasible sets of its edges
    for mentee in instance.mentees:
        allowed = [
            e
            for e in instance.edges
            if e.mentee == mentee.id and (e.mentee, e.mentor) not in forbidden
        ]
        must = [e for e in allowed if (e.mentee, e.mentor) in pinned]
        sets = []
        for size in range(mentee.capacity + 1):
            for chosen in combinations(allowed, size):
                if all(p in chosen for p in must):
                    sets.append(chosen)
        options.append(sets)
    start = tuple(m.capacity for m in instance.mentors)
    where = {m.id: j for j, m in enumerate(instance.mentors)}
    states: dict[tuple[int, ...], tuple[float, tuple[int, float]]] = {start: (0.0, (0, 0.0))}
    for sets in options:
        following: dict[tuple[int, ...], tuple[float, tuple[int, float]]] = {}
        for seats, (best, (count, count_score)) in states.items():
            for chosen in sets:
                left = list(seats)
                for e in chosen:
                    left[where[e.mentor]] -= 1
                if min(left, default=0) < 0:
                    continue
                gain = sum(e.score for e in chosen)
                key = tuple(left)
                candidate = (best + gain, (count + len(chosen), count_score + gain))
                if key not in following:
                    following[key] = candidate
                else:
                    old = following[key]
                    following[key] = (max(old[0], candidate[0]), max(old[1], candidate[1]))
        states = following
    if not states:
        return -math.inf, -1, -math.inf
    best_score = max(value[0] for value in states.values())
    best_count = max(value[1] for value in states.values())
    return best_score, best_count[0], best_count[1]


def close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-6)


def check_feasible(instance: Instance, result) -> None:
    scores = {(e.mentee, e.mentor): e.score for e in instance.edges}
    chosen = [(p.mentee, p.mentor) for p in result.pairs]
    assert len(set(chosen)) == len(chosen), "a pair at most once"
    for pair, p in zip(chosen, result.pairs, strict=True):
        assert pair in scores, "only edges"
        assert p.score == scores[pair]
        assert pair not in set(instance.forbidden), "forbids are never in the result"
    assert set(instance.pinned) <= set(chosen), "pins are always in the result"
    for side, people in ((0, instance.mentees), (1, instance.mentors)):
        for person in people:
            assert sum(1 for pair in chosen if pair[side] == person.id) <= person.capacity
    assert result.matched == len(chosen)
    assert close(result.total_score, sum(p.score for p in result.pairs))


@SETTINGS
@given(instances())
def test_score_mode_total_equals_brute_force(instance):
    result = solve_problem(problem_from_instance(instance), mode=Mode.SCORE).result
    check_feasible(instance, result)
    best, _, _ = brute_force(instance)
    assert close(result.total_score, best)


@SETTINGS
@given(instances())
def test_count_mode_matches_most_pairs_then_best_score(instance):
    result = solve_problem(problem_from_instance(instance), mode=Mode.COUNT).result
    check_feasible(instance, result)
    _, most, best_at_most = brute_force(instance)
    assert result.matched == most
    assert close(result.total_score, best_at_most)


def independent_bound(instance: Instance, solution, mode: Mode) -> float:
    """The dual objective recomputed from the reported duals; asserts they are feasible."""
    duals = solution.duals
    u = dict(zip([m.id for m in instance.mentees], duals.mentee.tolist(), strict=True))
    v = dict(zip([m.id for m in instance.mentors], duals.mentor.tolist(), strict=True))
    assert min(u.values(), default=0) >= 0 and min(v.values(), default=0) >= 0
    pinned, forbidden = set(instance.pinned), set(instance.forbidden)
    seats = {p.id: p.capacity for p in instance.mentees + instance.mentors}
    for mentee, mentor in pinned:
        seats[mentee] -= 1
        seats[mentor] -= 1
    lam = duals.lam if mode is Mode.COUNT else 0.0
    bound = sum(e.score for e in instance.edges if (e.mentee, e.mentor) in pinned)
    bound += sum(seats[k] * u[k] for k in u) + sum(seats[k] * v[k] for k in v)
    for e in instance.edges:
        if (e.mentee, e.mentor) in pinned | forbidden:
            continue
        z = max(0.0, e.score + lam - u[e.mentee] - v[e.mentor])
        assert u[e.mentee] + v[e.mentor] + z >= e.score + lam - 1e-9, "dual feasible"
        bound += z
    return bound - lam * (solution.result.matched - len(pinned))


@SETTINGS
@given(instances(), st.sampled_from([Mode.SCORE, Mode.COUNT]))
def test_certificate_bound_equals_total_and_duals_are_feasible(instance, mode):
    solution = solve_problem(problem_from_instance(instance), mode=mode)
    result = solution.result
    assert result.optimal
    assert close(result.bound, result.total_score)
    assert math.isclose(independent_bound(instance, solution, mode), result.bound, abs_tol=1e-5)


@SETTINGS
@given(instances(capacities=st.integers(0, 2)), st.sampled_from([Mode.SCORE, Mode.COUNT]))
def test_unmatched_reasons_are_true(instance, mode) -> None:
    result = solve_problem(problem_from_instance(instance), mode=mode).result
    forbidden = set(instance.forbidden)
    load: dict[str, int] = {}
    for p in result.pairs:
        load[p.mentee] = load.get(p.mentee, 0) + 1
        load[p.mentor] = load.get(p.mentor, 0) + 1
    cap = {p.id: p.capacity for p in instance.mentees + instance.mentors}
    sides = (
        (0, instance.mentees, result.unmatched_mentees),
        (1, instance.mentors, result.unmatched_mentors),
    )
    for side, people, unmatched in sides:
        for person in people:
            partners = [
                (e.mentor, e.mentee)[side]
                for e in instance.edges
                if (e.mentee, e.mentor)[side] == person.id and (e.mentee, e.mentor) not in forbidden
            ]
            if load.get(person.id):
                assert person.id not in unmatched
            elif person.capacity == 0:
                assert unmatched[person.id] == NO_CAPACITY
            elif not partners:
                assert unmatched[person.id] == NO_FEASIBLE_PARTNER
            else:
                assert unmatched[person.id] == PARTNERS_AT_CAPACITY
                assert all(load.get(q, 0) == cap[q] for q in partners)


@SETTINGS
@given(instances())
def test_result_does_not_depend_on_edge_order(instance):
    shuffled = Instance(
        instance.mentees, instance.mentors, tuple(reversed(instance.edges)), instance.pinned
    )
    plain = Instance(instance.mentees, instance.mentors, instance.edges, instance.pinned)
    first = solve_problem(problem_from_instance(plain)).result
    second = solve_problem(problem_from_instance(shuffled)).result
    assert close(first.total_score, second.total_score)
    assert np.isclose(first.bound, second.bound)
