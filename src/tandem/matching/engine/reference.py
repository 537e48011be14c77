"""An independent second solver for cross-checks and the benchmark: SciPy's LAPJVsp.

`scipy.sparse.csgraph.min_weight_full_bipartite_matching` needs a perfect matching, so the graph
is extended with one dummy per participant: mentee i — its dummy (weight 1), mentor j's dummy —
mentor j (weight 1), and mentor j's dummy — mentee i's dummy for every edge (i, j) (weight 1, so
that the dummies of a matched pair can pair up). Real edges weigh score + 1. Every perfect matching
has the same number of edges, so the +1 does not change which one is best, and its real edges are
a maximum-score assignment in which people may stay unmatched.

Capacities are expanded into copies of a participant; that is exact only if no edge joins two
participants who both have more than one seat (else the same pair could be chosen twice), so such
instances are refused. Score mode only, no pins. Not used in production (see `solve`).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from .problem import Problem


def _copies(capacity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first copy index per participant, participant of each copy)."""
    first = np.zeros(len(capacity) + 1, dtype=np.int64)
    np.cumsum(capacity, out=first[1:])
    return first, np.repeat(np.arange(len(capacity)), capacity)


def reference_solve(problem: Problem) -> tuple[np.ndarray, float]:
    """(chosen edge indices, total score) of a maximum-score assignment, by SciPy."""
    if len(problem.pinned):
        raise ValueError("the reference solver does not take pins")
    edges = np.flatnonzero(~problem.forbidden)
    a, b = problem.edge_mentee[edges], problem.edge_mentor[edges]
    cap_a, cap_b = problem.mentee_capacity, problem.mentor_capacity
    if ((cap_a[a] > 1) & (cap_b[b] > 1)).any():
        raise ValueError("an edge joins two participants with several seats each")
    first_a, owner_a = _copies(cap_a)
    first_b, owner_b = _copies(cap_b)
    # Expand each edge to every copy of its mentee × every copy of its mentor (one side has 1).
    reps = np.maximum(cap_a[a], cap_b[b])
    keep = (cap_a[a] > 0) & (cap_b[b] > 0)
    edge = np.repeat(edges[keep], reps[keep])
    a_e, b_e = problem.edge_mentee[edge], problem.edge_mentor[edge]
    step = np.arange(len(edge)) - np.repeat(np.cumsum(reps[keep]) - reps[keep], reps[keep])
    row = first_a[a_e] + np.where(cap_a[a_e] > 1, step, 0)
    col = first_b[b_e] + np.where(cap_b[b_e] > 1, step, 0)
    n1, n2 = len(owner_a), len(owner_b)
    if n1 + n2 == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    rows = np.concatenate([row, np.arange(n1), n1 + np.arange(n2), n1 + col])
    cols = np.concatenate([col, n2 + np.arange(n1), np.arange(n2), n2 + row])
    weights = np.concatenate(
        [problem.edge_score[edge] + 1.0, np.ones(n1), np.ones(n2), np.ones(len(edge))]
    )
    graph = sp.csr_matrix((weights, (rows, cols)), shape=(n1 + n2, n2 + n1))
    matched_row, matched_col = min_weight_full_bipartite_matching(graph, maximize=True)
    real = (matched_row < n1) & (matched_col < n2)
    pair_a = owner_a[matched_row[real]]
    pair_b = owner_b[matched_col[real]]
    # Map (mentee, mentor) back to the edge index.
    n_b = max(len(cap_b), 1)
    keys = a * n_b + b
    order = np.argsort(keys)
    chosen = edges[order[np.searchsorted(keys[order], pair_a * n_b + pair_b)]]
    return chosen, float(problem.edge_score[chosen].sum())
