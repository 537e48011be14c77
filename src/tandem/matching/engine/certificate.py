"""Dual certificates for the b-matching LP, computed from a primal solution and checked.

The LP relaxation of "maximise Σ w·x subject to Σ_j x_ij ≤ a_i, Σ_i x_ij ≤ b_j, 0 ≤ x ≤ 1" has
the dual "minimise Σ a_i·u_i + Σ b_j·v_j + Σ z_ij subject to u_i + v_j + z_ij ≥ w_ij, u, v, z ≥ 0"
(z_ij belongs to the bound x_ij ≤ 1: "a pair at most once"; without it a pair of participants with
two seats each could count the same pair twice). Any u, v ≥ 0 give a feasible dual with
z_ij = max(0, w_ij − u_i − v_j), so the dual objective is an upper bound on every assignment, and
the bipartite constraint matrix is totally unimodular, so the bound of an optimal dual equals the
best integral total.

`least_duals` finds node potentials that satisfy complementary slackness with a given assignment:
u_i = 0 and v_j = 0 where seats are left, u_i + v_j ≥ w_ij on unchosen edges, u_i + v_j ≤ w_ij on
chosen ones. These are difference constraints (in u and −v), solved as longest paths by a
vectorised Bellman–Ford that only re-examines the edges of nodes whose potential changed. They have
a solution iff the assignment is optimal: a positive cycle (no convergence) is an improving
alternating cycle, a violated upper bound (u_i > 0 with a seat left, v_j < 0) an improving
alternating path. Then the dual objective equals the total exactly, in integers.
"""

from __future__ import annotations

import numpy as np

NEG = np.iinfo(np.int64).min // 4


def _csr(group: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(group, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(group, minlength=n), out=ptr[1:])
    return order, ptr


def _segments(ptr: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Concatenated positions ptr[k]..ptr[k+1]-1 for each k in nodes (vectorised)."""
    starts, ends = ptr[nodes], ptr[nodes + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64)


def least_duals(
    *,
    mentee_capacity: np.ndarray,
    mentor_capacity: np.ndarray,
    tail: np.ndarray,
    head: np.ndarray,
    weight: np.ndarray,
    chosen: np.ndarray,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Potentials (u, v) as int64 in complementary slackness with `chosen`, or None.

    None means the Bellman–Ford did not settle: there is an improving cycle, the assignment is not
    optimal. Participants without seats get 0 here; `cover_zero_capacity` then raises them.
    """
    n1, n2 = len(mentee_capacity), len(mentor_capacity)
    load_b = np.bincount(head[chosen], minlength=n2)
    u = np.zeros(n1, dtype=np.int64)
    y = np.where(load_b < mentor_capacity, 0, NEG).astype(np.int64)  # y = −v

    # Unchosen edges relax u_i ≥ y_j + w (grouped by mentor); chosen ones y_j ≥ u_i − w (by mentee).
    free = np.flatnonzero(~chosen)
    free_order, free_ptr = _csr(head[free], n2)
    free = free[free_order]
    free_a, free_b, free_w = tail[free], head[free], weight[free]
    used = np.flatnonzero(chosen)
    used_order, used_ptr = _csr(tail[used], n1)
    used = used[used_order]
    used_a, used_b, used_w = tail[used], head[used], weight[used]

    changed_u = np.arange(n1, dtype=np.int64)  # mentees whose u rose in the last round
    pending_y = y > NEG  # mentors whose y rose since their edges were last examined
    rose_u = np.zeros(n1, dtype=bool)
    for _ in range(n1 + n2 + 2):  # a longest path has at most n1 + n2 edges
        at = _segments(used_ptr, changed_u)
        if len(at):
            targets = used_b[at]
            candidate = u[used_a[at]] - used_w[at]
            better = candidate > y[targets]
            np.maximum.at(y, targets[better], candidate[better])
            pending_y[targets[better]] = True
        changed_y = np.flatnonzero(pending_y)
        pending_y[changed_y] = False
        at = _segments(free_ptr, changed_y)
        if not len(at):
            break
        targets = free_a[at]
        candidate = y[free_b[at]] + free_w[at]
        better = candidate > u[targets]
        if not better.any():
            break
        np.maximum.at(u, targets[better], candidate[better])
        rose_u[targets[better]] = True
        changed_u = np.flatnonzero(rose_u)
        rose_u[changed_u] = False
    else:
        return None
    v = np.where(y > NEG, -y, 0)
    load_a = np.bincount(tail[chosen], minlength=n1)
    # The upper bounds: u = 0 where a mentee has seats left, v ≥ 0. The least solution meets them
    # iff there is no improving (augmenting) path either.
    if (u[load_a < mentee_capacity] != 0).any() or (v < 0).any():
        return None
    return u, v


def cover_zero_capacity(
    u: np.ndarray,
    v: np.ndarray,
    *,
    mentee_capacity: np.ndarray,
    mentor_capacity: np.ndarray,
    tail: np.ndarray,
    head: np.ndarray,
    weight: np.ndarray,
) -> None:
    """Raise potentials of participants without seats (cost 0 in the bound) to cover their edges.

    Mentors first, then mentees, so an edge between two seatless participants is covered too.
    """
    zero_b = mentor_capacity[head] == 0
    if zero_b.any():
        np.maximum.at(v, head[zero_b], weight[zero_b] - u[tail[zero_b]])
    zero_a = mentee_capacity[tail] == 0
    if zero_a.any():
        np.maximum.at(u, tail[zero_a], weight[zero_a] - v[head[zero_a]])
