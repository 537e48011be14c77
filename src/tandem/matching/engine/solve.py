"""The exact solver: maximum total score (or as many pairs as possible, then the best score).

    solve(instance, mode=Mode.SCORE) -> Result

**Library, chosen by measurement** (benchmarks/solve_matching.py → results/solve_matching.md;
this 2-core machine; random instances with 500,000 edges, capacity 1): OR-Tools
`SimpleMinCostFlow` on all edges takes 0.72 s at 10,000 × 10,000 and 0.31 s at 1,000 × 1,000;
SciPy's `min_weight_full_bipartite_matching` (LAPJVsp, with the dummy nodes that let people stay
unmatched) 16.4 s and 0.74 s. OR-Tools is the default; SciPy is kept only as an independent
cross-check (`reference.py`, used by the tests and the benchmark). With the pruning below the
engine needs 0.58 s (10,000²) and 0.15 s (1,000²), certificate included.

**Method.** Scores (floats 0–100) are scaled to integers with resolution 10⁻⁶ (`SCORE_SCALE`):
results are exact for the scores rounded to six decimals. Pins are placed first (their seats are
taken out), forbidden and pinned edges leave the graph. The flow is solved on a *pruned* edge set
— the best `PRICING_PER_SEAT` edges per seat of every participant — and then priced out: the dual
potentials of that solution (`certificate.least_duals`) are checked on every remaining edge; edges
that violate u_i + v_j ≥ w_ij are added and the flow solved again, until none does. The answer is
therefore exact for all edges, and the check is the certificate. In score mode, zero-score pairs
are finally added where both still have a seat (the total does not change), so that everyone left
unmatched really has all candidate partners at capacity.

**Certificate.** `Result.bound` is the dual objective Σ a_i·u_i + Σ b_j·v_j + Σ z_ij (plus the
pinned scores) of dual potentials u, v ≥ 0, z_ij = max(0, w_ij − u_i − v_j), recomputed in floats
from the original scores on every non-forbidden edge; it is an upper bound on every assignment.
`optimal` is True iff the integer dual objective equals the integer total exactly and the float
bound equals the float total within 10⁻⁶ relative (plus half a resolution step per pair).
Count mode certifies with weights M + w (M larger than any total score, so one more pair always
wins): the dual objective then bounds the number of pairs (⌊bound/M⌋ must equal it) and, minus
M·pairs, the score among assignments with that many pairs; that score bound is reported.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from .certificate import cover_zero_capacity, least_duals
from .flow import max_weight_b_matching
from .problem import Problem, problem_from_instance
from .types import (
    NO_CAPACITY,
    NO_FEASIBLE_PARTNER,
    PARTNERS_AT_CAPACITY,
    Instance,
    InstanceError,
    Mode,
    Pair,
    Result,
)

SCORE_SCALE = 1_000_000  # integer weight = round(score × 10⁶): resolution 0.000001
PRICING_PER_SEAT = 12  # edges kept per seat of each participant in the first solve
PRICING_MIN_EDGES = 20_000  # below this many candidate edges, solve on all of them at once
RELATIVE_TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class Duals:
    """The dual solution behind `Result.bound`, in score units (for checking it independently).

    bound = Σ pinned scores + Σ a_i·u_i + Σ b_j·v_j + Σ max(0, s_ij + lam − u_i − v_j) − lam·k
    over the non-forbidden, non-pinned edges, with a, b the seats left after the pins and k the
    number of unpinned pairs; lam = 0 in score mode, M in count mode.
    """

    mentee: np.ndarray  # u ≥ 0 per mentee
    mentor: np.ndarray  # v ≥ 0 per mentor
    lam: float


@dataclass(frozen=True, eq=False)
class Solution:
    """The `Result` plus what the file interface, tests and the benchmark need, by index."""

    result: Result
    chosen: np.ndarray  # edge indices of the pairs, in the order of `result.pairs`
    unmatched_mentees: dict[str, str]
    unmatched_mentors: dict[str, str]
    duals: Duals | None = None
    stats: dict[str, float | int] = field(default_factory=dict)


def solve(instance: Instance, *, mode: Mode = Mode.SCORE) -> Result:
    """Solve `instance` exactly (score or count mode); raise `InstanceError` if it is malformed."""
    return solve_problem(problem_from_instance(instance), mode=mode).result


def _mode(mode: Mode | str) -> Mode:
    try:
        mode = Mode(mode)
    except ValueError:
        raise InstanceError("mode", f"must be 'score' or 'count', got {mode!r}.") from None
    if mode is Mode.STABLE:
        raise InstanceError("mode", "the exact solver does score and count; use solve_stable.")
    return mode


def _initial_keep(
    a: np.ndarray, b: np.ndarray, w: np.ndarray, ra: np.ndarray, rb: np.ndarray
) -> np.ndarray:
    """The best PRICING_PER_SEAT edges per seat of every mentee and every mentor."""
    if len(w) <= PRICING_MIN_EDGES:
        return np.ones(len(w), dtype=bool)
    keep = np.zeros(len(w), dtype=bool)
    top = int(w.max()) + 1
    for group, seats in ((a, ra), (b, rb)):
        order = np.argsort(group * top + (top - 1 - w))
        grouped = group[order]
        starts = np.zeros(len(seats) + 1, dtype=np.int64)
        np.cumsum(np.bincount(grouped, minlength=len(seats)), out=starts[1:])
        rank = np.arange(len(order), dtype=np.int64) - starts[grouped]
        keep[order[rank < PRICING_PER_SEAT * seats[grouped]]] = True
    return keep


def _zero_fill(
    problem: Problem, candidates: np.ndarray, room_a: np.ndarray, room_b: np.ndarray
) -> list[int]:
    """Zero-score pairs where both still have a seat, greedily in input order."""
    a, b = problem.edge_mentee, problem.edge_mentor
    candidates = candidates[(room_a[a[candidates]] > 0) & (room_b[b[candidates]] > 0)]
    free_a, free_b = room_a.tolist(), room_b.tolist()
    taken = []
    ends = zip(a[candidates].tolist(), b[candidates].tolist(), strict=True)
    for e, (i, j) in zip(candidates.tolist(), ends, strict=True):
        if free_a[i] > 0 and free_b[j] > 0:
            free_a[i] -= 1
            free_b[j] -= 1
            taken.append(e)
    return taken


def solve_problem(problem: Problem, *, mode: Mode | str = Mode.SCORE) -> Solution:
    """Solve a validated `Problem`; see the module docstring for method and certificate."""
    mode = _mode(mode)
    count = mode is Mode.COUNT
    stats: dict[str, float | int] = {"edges": problem.n_edges}
    a, b, scores = problem.edge_mentee, problem.edge_mentor, problem.edge_score
    n1, n2 = len(problem.mentee_ids), len(problem.mentor_ids)
    pins = problem.pinned
    pin_mask = np.zeros(problem.n_edges, dtype=bool)
    pin_mask[pins] = True
    ra = problem.mentee_capacity - np.bincount(a[pins], minlength=n1)
    rb = problem.mentor_capacity - np.bincount(b[pins], minlength=n2)
    w = np.rint(scores * SCORE_SCALE).astype(np.int64)

    dual_edges = np.flatnonzero(~problem.forbidden & ~pin_mask)  # the edges the dual must cover
    da, db = a[dual_edges], b[dual_edges]
    usable = (ra[da] > 0) & (rb[db] > 0)
    if not count:
        usable &= w[dual_edges] > 0  # zero-score pairs never raise the total (see _zero_fill)
    cand = dual_edges[usable]
    ca, cb, cw = a[cand], b[cand], w[cand]
    # Count mode: M exceeds any total score, so the certificate's weights M + w rank pairs first.
    pairs_cap = min(
        int(np.minimum(ra, np.bincount(ca, minlength=n1)).sum()),
        int(np.minimum(rb, np.bincount(cb, minlength=n2)).sum()),
    )
    big_m = pairs_cap * int(cw.max(initial=0)) + 1 if count else 0
    cert_w = w[dual_edges] + big_m

    keep = _initial_keep(ca, cb, cw, ra, rb)
    duals = None
    iterations = 0
    timings = {"flow_seconds": 0.0, "duals_seconds": 0.0}
    while True:
        iterations += 1
        sub = np.flatnonzero(keep)
        started = time.perf_counter()
        x = max_weight_b_matching(
            mentee_capacity=ra,
            mentor_capacity=rb,
            tail=ca[sub],
            head=cb[sub],
            weight=cw[sub],
            max_cardinality=count,
        )
        middle = time.perf_counter()
        duals = least_duals(
            mentee_capacity=ra,
            mentor_capacity=rb,
            tail=ca[sub],
            head=cb[sub],
            weight=cw[sub] + big_m,
            chosen=x,
        )
        if duals is not None:
            u, v = duals
            cover_zero_capacity(
                u, v, mentee_capacity=ra, mentor_capacity=rb, tail=da, head=db, weight=cert_w
            )
            violated = ~keep & (cw + big_m > u[ca] + v[cb])
        timings["flow_seconds"] += middle - started
        timings["duals_seconds"] += time.perf_counter() - middle
        if duals is None or not violated.any():
            break
        keep |= violated
    stats.update(timings, iterations=iterations, edges_solved=len(sub))

    chosen_free = cand[sub[x]]
    if not count:
        room_a = ra - np.bincount(a[chosen_free], minlength=n1)
        room_b = rb - np.bincount(b[chosen_free], minlength=n2)
        zero = dual_edges[~usable & (w[dual_edges] == 0)]
        filled = np.array(_zero_fill(problem, zero, room_a, room_b), dtype=np.int64)
        chosen_free = np.concatenate([chosen_free, filled])
    chosen = np.concatenate([pins, chosen_free])

    started = time.perf_counter()
    optimal, bound = _certify(
        problem, dual_edges, cert_w, duals, ra, rb, chosen_free, big_m, pins, len(chosen)
    )
    stats["certificate_seconds"] = time.perf_counter() - started
    scaled = None
    if duals is not None:
        scaled = Duals(
            mentee=duals[0] / SCORE_SCALE, mentor=duals[1] / SCORE_SCALE, lam=big_m / SCORE_SCALE
        )
    return _solution(problem, chosen, optimal, bound, scaled, stats)


def _certify(
    problem: Problem,
    dual_edges: np.ndarray,
    cert_w: np.ndarray,
    duals: tuple[np.ndarray, np.ndarray] | None,
    ra: np.ndarray,
    rb: np.ndarray,
    chosen_free: np.ndarray,
    big_m: int,
    pins: np.ndarray,
    matched: int,
) -> tuple[bool, float | None]:
    """(optimal, bound): check the dual on every edge, in integers and in floats."""
    if duals is None:
        return False, None
    u, v = duals
    da, db = problem.edge_mentee[dual_edges], problem.edge_mentor[dual_edges]
    scores = problem.edge_score
    # Integers (Python ints for the sums: count mode's M·pairs can be large).
    slack = cert_w - u[da] - v[db]
    z = np.maximum(0, slack)
    # Dual feasibility on every edge: u, v, z ≥ 0 and u + v + z ≥ w (+ M).
    feasible = bool((u >= 0).all() and (v >= 0).all() and (u[da] + v[db] + z >= cert_w).all())
    weights = np.rint(scores[chosen_free] * SCORE_SCALE).astype(np.int64)
    ones = np.ones(len(chosen_free), dtype=np.int64)
    primal = _exact_dot(ones, weights) + big_m * len(chosen_free)
    dual = _exact_dot(ra, u) + _exact_dot(rb, v) + _exact_dot(np.ones_like(z), z)
    ok = feasible and dual == primal
    if big_m:  # count mode: the dual also bounds the number of pairs
        ok = ok and dual // big_m == len(chosen_free)
    # Floats, from the original scores: a valid upper bound whatever the rounding. The same dual
    # objective as above, written as its exact integer value plus, per edge, how much the z_ij of
    # the unrounded score differs (so that count mode's large M·pairs cancels in integers).
    # With δ = score − w/scale, the float z is max(0, slack/scale + δ): no cancellation.
    delta = scores[dual_edges] - (cert_w - big_m) / SCORE_SCALE
    zf = np.maximum(0.0, slack / SCORE_SCALE + delta)
    rounding = float((zf - z / SCORE_SCALE).sum())
    bound = (
        math.fsum(scores[pins].tolist())
        + (dual - big_m * len(chosen_free)) / SCORE_SCALE
        + rounding
    )
    total = math.fsum(scores[np.concatenate([pins, chosen_free])].tolist())
    tolerance = RELATIVE_TOLERANCE * max(1.0, abs(total)) + (matched + 1) / SCORE_SCALE
    return ok and abs(bound - total) <= tolerance, bound


def _exact_dot(x: np.ndarray, y: np.ndarray) -> int:
    """Σ x·y of int64 arrays ≥ 0 as a Python int, exact (no int64 overflow)."""
    if not len(x):
        return 0
    if int(x.max()) * int(y.max()) * len(x) < 2**62:
        return int(np.dot(x, y))
    return sum(p * q for p, q in zip(x.tolist(), y.tolist(), strict=True))


def _reasons(problem: Problem, chosen: np.ndarray, side: str) -> dict[str, str]:
    if side == "mentees":
        ids, ends, capacity = problem.mentee_ids, problem.edge_mentee, problem.mentee_capacity
    else:
        ids, ends, capacity = problem.mentor_ids, problem.edge_mentor, problem.mentor_capacity
    n = len(ids)
    alone = np.bincount(ends[chosen], minlength=n) == 0
    has_edge = np.bincount(ends[~problem.forbidden], minlength=n) > 0
    reasons = {}
    for i in np.flatnonzero(alone).tolist():
        if capacity[i] == 0:
            reasons[ids[i]] = NO_CAPACITY
        elif not has_edge[i]:
            reasons[ids[i]] = NO_FEASIBLE_PARTNER
        else:
            reasons[ids[i]] = PARTNERS_AT_CAPACITY
    return reasons


def _solution(
    problem: Problem,
    chosen: np.ndarray,
    optimal: bool,
    bound: float | None,
    duals: Duals | None,
    stats: dict[str, float | int],
) -> Solution:
    mentee_ids, mentor_ids = problem.mentee_ids, problem.mentor_ids
    a, b = problem.edge_mentee[chosen].tolist(), problem.edge_mentor[chosen].tolist()
    order = sorted(range(len(a)), key=lambda k: (mentee_ids[a[k]], mentor_ids[b[k]]))
    chosen = chosen[np.array(order, dtype=np.int64)]
    scores = problem.edge_score[chosen].tolist()
    pairs = tuple(
        Pair(mentee=mentee_ids[i], mentor=mentor_ids[j], score=s)
        for i, j, s in zip(
            problem.edge_mentee[chosen].tolist(),
            problem.edge_mentor[chosen].tolist(),
            scores,
            strict=True,
        )
    )
    unmatched_mentees = _reasons(problem, chosen, "mentees")
    unmatched_mentors = _reasons(problem, chosen, "mentors")
    result = Result(
        pairs=pairs,
        total_score=math.fsum(scores),
        matched=len(pairs),
        optimal=optimal,
        bound=bound,
        unmatched_mentees=unmatched_mentees,
        unmatched_mentors=unmatched_mentors,
    )
    return Solution(
        result=result,
        chosen=chosen,
        unmatched_mentees=unmatched_mentees,
        unmatched_mentors=unmatched_mentors,
        duals=duals,
        stats=stats,
    )
