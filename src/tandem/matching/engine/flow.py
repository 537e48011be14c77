"""Maximum-weight b-matching by OR-Tools' `SimpleMinCostFlow` (integer costs).

Network: source → mentee i (capacity = seats left), mentee → mentor (capacity 1, cost −weight),
mentor j → sink (capacity = seats left). Score mode adds a zero-cost source → sink bypass, so the
flow may leave seats empty, and minimises the cost (= maximises the total weight). Count mode calls
`solve_max_flow_with_min_cost`: the largest flow first, the least cost among those.
"""

from __future__ import annotations

import numpy as np


class SolverFailure(RuntimeError):
    """OR-Tools did not report an optimal flow (should not happen for valid input)."""


def max_weight_b_matching(
    *,
    mentee_capacity: np.ndarray,
    mentor_capacity: np.ndarray,
    tail: np.ndarray,
    head: np.ndarray,
    weight: np.ndarray,
    max_cardinality: bool,
) -> np.ndarray:
    """Boolean mask over the given edges: the chosen pairs. Weights are int64 ≥ 0."""
    n1, n2, m = len(mentee_capacity), len(mentor_capacity), len(tail)
    if m == 0:
        return np.zeros(0, dtype=bool)
    source, sink = n1 + n2, n1 + n2 + 1
    total = int(min(mentee_capacity.sum(), mentor_capacity.sum()))
    tails = [np.full(n1, source, dtype=np.int64), tail, n1 + np.arange(n2, dtype=np.int64)]
    heads = [np.arange(n1, dtype=np.int64), n1 + head, np.full(n2, sink, dtype=np.int64)]
    caps = [mentee_capacity, np.ones(m, dtype=np.int64), mentor_capacity]
    costs = [np.zeros(n1, dtype=np.int64), -weight, np.zeros(n2, dtype=np.int64)]
    if not max_cardinality:
        tails.append(np.array([source], dtype=np.int64))
        heads.append(np.array([sink], dtype=np.int64))
        caps.append(np.array([total], dtype=np.int64))
        costs.append(np.zeros(1, dtype=np.int64))
    # Imported only when solving, not for a malformed file. The ignore: OR-Tools marks only some of
    # its packages typed (no py.typed here), and ignore_missing_imports does not cover that case.
    from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped]

    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(caps), np.concatenate(costs)
    )
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int64), np.array([total, -total], dtype=np.int64)
    )
    status = flow.solve_max_flow_with_min_cost() if max_cardinality else flow.solve()
    if status != flow.OPTIMAL:
        raise SolverFailure(f"OR-Tools min-cost flow ended with status {status!r}")
    used: np.ndarray = flow.flows(np.arange(n1, n1 + m, dtype=np.int64)) > 0
    return used
