"""Examples of the exact solver: pins, forbids, modes, certificate, SciPy cross-check. No DB."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from tandem.matching.engine import Edge, Instance, InstanceError, Mode, Participant, solve
from tandem.matching.engine.certificate import least_duals
from tandem.matching.engine.problem import build_problem
from tandem.matching.engine.reference import reference_solve
from tandem.matching.engine.solve import PRICING_MIN_EDGES, solve_problem
from tandem.matching.tests.stable_oracles import unmatched_both_sides


def people(prefix: str, *capacities: int) -> tuple[Participant, ...]:
    return tuple(Participant(f"{prefix}{k}", c) for k, c in enumerate(capacities))


def edges(*triples: tuple[str, str, float]) -> tuple[Edge, ...]:
    return tuple(Edge(a, b, s) for a, b, s in triples)


def pairs(result) -> set[tuple[str, str]]:
    return {(p.mentee, p.mentor) for p in result.pairs}


def test_score_mode_prefers_one_great_pair_count_mode_two_good_ones():
    instance = Instance(
        people("e", 1, 1),
        people("r", 1),
        edges(("e0", "r0", 90), ("e1", "r0", 60)),
    )
    assert pairs(solve(instance)) == {("e0", "r0")}
    wide = Instance(
        people("e", 1, 1),
        people("r", 1, 1),
        edges(("e0", "r0", 90), ("e1", "r0", 80), ("e0", "r1", 10)),
    )
    by_score = solve(wide)
    by_count = solve(wide, mode=Mode.COUNT)
    assert pairs(by_score) == {("e0", "r0")} and by_score.total_score == 90
    assert pairs(by_count) == {("e1", "r0"), ("e0", "r1")} and by_count.total_score == 90
    assert by_count.optimal and by_count.bound == pytest.approx(90)


def test_a_pair_is_used_once_even_when_both_have_two_seats():
    instance = Instance(people("e", 2), people("r", 2), edges(("e0", "r0", 10)))
    result = solve(instance)
    assert result.matched == 1 and result.total_score == 10
    # Without the z_ij of "x ≤ 1" a dual bound could not go below 20 here.
    assert result.optimal and result.bound == pytest.approx(10)


def test_pins_are_kept_even_against_the_score():
    instance = Instance(
        people("e", 1, 1),
        people("r", 1),
        edges(("e0", "r0", 90), ("e1", "r0", 5)),
        pinned=(("e1", "r0"),),
    )
    result = solve(instance)
    assert pairs(result) == {("e1", "r0")}
    assert result.optimal and result.bound == pytest.approx(5)
    assert unmatched_both_sides(result) == {"e0": "partners_at_capacity"}


def test_forbidden_edges_are_removed():
    instance = Instance(
        people("e", 1),
        people("r", 1, 1),
        edges(("e0", "r0", 90), ("e0", "r1", 5)),
        forbidden=(("e0", "r0"), ("e0", "r1")),
    )
    result = solve(instance)
    assert result.pairs == () and result.optimal and result.bound == 0
    assert unmatched_both_sides(result) == {
        "e0": "no_feasible_partner",
        "r0": "no_feasible_partner",
        "r1": "no_feasible_partner",
    }


def test_zero_score_pairs_are_made_where_seats_are_free():
    instance = Instance(
        people("e", 1, 1), people("r", 1, 1), edges(("e0", "r0", 0), ("e1", "r1", 0))
    )
    result = solve(instance)
    assert result.matched == 2 and result.total_score == 0 and unmatched_both_sides(result) == {}


def test_capacity_zero_participants_are_reported_as_such():
    instance = Instance(people("e", 0), people("r", 1), edges(("e0", "r0", 50)))
    result = solve(instance)
    assert unmatched_both_sides(result) == {"e0": "no_capacity", "r0": "partners_at_capacity"}


def test_empty_instance_is_solved():
    result = solve(Instance((), (), ()))
    assert result.pairs == () and result.total_score == 0 and result.optimal and result.bound == 0


@pytest.mark.parametrize(
    ("pinned", "forbidden", "field", "text"),
    [
        ((("e0", "r1"),), (), "pinned[0]", "not a feasible pair"),
        ((("e0", "r0"),), (("e0", "r0"),), "pinned[0]", "both pinned and forbidden"),
        ((("e0", "r0"), ("e0", "r0")), (), "pinned[1]", "pinned twice"),
        ((("e0", "r0"), ("e1", "r0")), (), "pinned[1]", "mentor 'r0' has more pinned pairs"),
        ((("x", "r0"),), (), "pinned[0][0]", "unknown mentee id 'x'"),
        (("e0",), (), "pinned[0]", "must be a pair"),
    ],
)
def test_contradictory_pins_are_refused_naming_the_pin(pinned, forbidden, field, text):
    instance = Instance(
        people("e", 1, 1),
        people("r", 1, 1),
        edges(("e0", "r0", 50), ("e1", "r0", 50)),
        pinned=pinned,
        forbidden=forbidden,
    )
    with pytest.raises(InstanceError) as caught:
        solve(instance)
    assert caught.value.field == field
    assert "pinned" in str(caught.value) and text in str(caught.value)


def test_stable_mode_is_not_the_exact_solver():
    with pytest.raises(InstanceError, match="solve_stable"):
        solve(Instance((), (), ()), mode=Mode.STABLE)


def test_scores_with_many_decimals_are_still_certified():
    rng = np.random.default_rng(3)
    problem = random_problem(rng, 30, 30, 400, capacities=(1, 3))
    solution = solve_problem(problem)
    assert solution.result.optimal
    assert solution.result.bound == pytest.approx(solution.result.total_score, rel=1e-6)


def duals_for(weight: list[int], chosen: list[bool]):
    """Two mentees, two mentors (one seat each), edges e0–r0, e0–r1, e1–r0, e1–r1 (in order)."""
    capacity = np.ones(2, dtype=np.int64)
    return least_duals(
        mentee_capacity=capacity,
        mentor_capacity=capacity,
        tail=np.array([0, 0, 1, 1]),
        head=np.array([0, 1, 0, 1]),
        weight=np.array(weight),
        chosen=np.array(chosen),
    )


def test_the_certificate_rejects_a_suboptimal_assignment():
    # An improving path: e0–r1 + e1–r0 (11) beats e0–r0 alone (10).
    assert duals_for([10, 1, 10, 0], [True, False, False, False]) is None
    # An improving cycle: e0–r1 + e1–r0 (20) beats e0–r0 + e1–r1 (2).
    assert duals_for([1, 10, 10, 1], [True, False, False, True]) is None
    # The optimum has potentials, and they certify it.
    u, v = duals_for([1, 10, 10, 1], [False, True, True, False])
    assert u.sum() + v.sum() == 20


def random_problem(rng, n1, n2, n_edges, capacities=(1, 1), scores=None):
    keys = rng.choice(n1 * n2, size=n_edges, replace=False)
    if scores is None:
        scores = rng.uniform(0, 100, size=n_edges)
    return build_problem(
        mentee_ids=[f"e{i}" for i in range(n1)],
        mentee_capacity=rng.integers(capacities[0], capacities[1] + 1, size=n1).tolist(),
        mentor_ids=[f"r{j}" for j in range(n2)],
        mentor_capacity=[1] * n2,
        edge_mentee=[f"e{i}" for i in (keys // n2).tolist()],
        edge_mentor=[f"r{j}" for j in (keys % n2).tolist()],
        edge_score=scores.tolist(),
    )


@pytest.mark.parametrize(
    ("n1", "n2", "n_edges", "capacities"),
    [
        (40, 50, 600, (1, 1)),
        (60, 150, 2_000, (1, 3)),
        (400, 400, PRICING_MIN_EDGES + 20_000, (1, 1)),
    ],
)
def test_total_equals_scipy_reference(n1, n2, n_edges, capacities):
    rng = np.random.default_rng(n_edges)
    scores = np.round(rng.uniform(0, 100, size=n_edges), 1)  # many ties
    problem = random_problem(rng, n1, n2, n_edges, capacities, scores)
    solution = solve_problem(problem)
    _, reference_total = reference_solve(problem)
    assert solution.result.total_score == pytest.approx(reference_total, abs=1e-6)
    assert solution.result.optimal
    if n_edges > PRICING_MIN_EDGES:
        assert solution.stats["edges_solved"] < n_edges  # the pruned path was taken


def test_count_mode_matches_the_maximum_cardinality_on_a_large_sparse_instance():
    rng = np.random.default_rng(11)
    n, n_edges = 3_000, PRICING_MIN_EDGES + 5_000
    problem = random_problem(rng, n, n, n_edges)
    graph = csr_matrix((np.ones(n_edges), (problem.edge_mentee, problem.edge_mentor)), shape=(n, n))
    most = int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())
    result = solve_problem(problem, mode=Mode.COUNT).result
    assert result.matched == most and result.optimal
    by_score = solve_problem(problem).result
    assert by_score.matched <= result.matched
    assert result.total_score <= by_score.total_score + 1e-6


def test_the_engine_does_not_import_django():
    code = (
        "import importlib, pkgutil, sys\n"
        "import tandem.matching.engine as engine\n"
        "for module in pkgutil.iter_modules(engine.__path__):\n"
        "    importlib.import_module(f'tandem.matching.engine.{module.name}')\n"
        "engine.solve(engine.Instance((engine.Participant('a'),), (engine.Participant('b'),),\n"
        "    (engine.Edge('a', 'b', 1.0),)))\n"
        "print(len(list(pkgutil.iter_modules(engine.__path__))), 'django' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, django_loaded = done.stdout.split()
    assert int(count) >= 7 and django_loaded == "False"


def test_a_mentee_and_a_mentor_with_the_same_id_keep_their_own_reasons():
    """Regression: one mapping for both sides let the mentor's reason overwrite the mentee's."""
    instance = Instance(
        mentees=(Participant("x", capacity=0),),
        mentors=(Participant("x"), Participant("y")),
        edges=(Edge("x", "y", 50.0),),
    )
    result = solve(instance)
    assert result.unmatched_mentees == {"x": "no_capacity"}
    # Mentor y's only feasible partner is the mentee x, who has no capacity: y's partners are full.
    assert result.unmatched_mentors == {"x": "no_feasible_partner", "y": "partners_at_capacity"}
