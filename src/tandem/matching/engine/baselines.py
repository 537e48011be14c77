"""Baselines for the benchmark: what peers do instead of an exact solver. No Django.

- `greedy_by_score`: best-scoring pair first, taken while both still have a seat.
- `gale_shapley_by_score`: mentee-proposing deferred acceptance where both sides rank their
  acceptable partners by edge score (the participants' own rankings are ignored).

Both honour pins (placed first) and forbids, use only edges, respect capacities, break score ties
by id (same input → same output, whatever the order of the input), and report the total score and
the number of pairs. Neither proves anything: `optimal` is False and `bound` None.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from .stable import deferred_acceptance
from .stable_market import (
    Market,
    is_finite_number,
    preferences,
    prepare,
    result_pairs,
    unmatched_reasons,
)
from .types import Edge, Instance, InstanceError, Result

__all__ = ["gale_shapley_by_score", "greedy_by_score"]


def _result(market: Market, chosen: list[int]) -> Result:
    pairs = result_pairs(market, chosen)
    unmatched_mentees, unmatched_mentors = unmatched_reasons(market, chosen)
    return Result(
        pairs=pairs,
        total_score=math.fsum(p.score for p in pairs),
        matched=len(pairs),
        optimal=False,
        bound=None,
        unmatched_mentees=unmatched_mentees,
        unmatched_mentors=unmatched_mentors,
    )


def greedy_by_score(instance: Instance) -> Result:
    """Pins first; then acceptable pairs by score (descending, ties by mentee id, mentor id)."""
    market = prepare(instance)
    mentee_free, mentor_free = market.residual_capacities()
    pinned = set(market.pinned)
    order = [e for e in market.acceptable if e not in pinned] if pinned else list(market.acceptable)
    # One int per edge packs (score descending, mentee id, mentor id).
    mentee_id_rank, mentor_id_rank = market.id_ranks()
    distinct = sorted(set(market.edge_score), reverse=True)
    score_rank = map({value: r for r, value in enumerate(distinct)}.__getitem__, market.edge_score)
    n_mentees, n_mentors = len(market.mentee_ids), len(market.mentor_ids)
    key = [
        (s * n_mentees + m) * n_mentors + t
        for s, m, t in zip(score_rank, mentee_id_rank, mentor_id_rank, strict=True)
    ]
    order.sort(key=key.__getitem__)
    edge_mentee, edge_mentor = market.edge_mentee, market.edge_mentor
    chosen = list(market.pinned)
    seats = min(sum(mentee_free), sum(mentor_free))
    for e in order:
        if seats == 0:
            break
        m, t = edge_mentee[e], edge_mentor[e]
        if mentee_free[m] > 0 and mentor_free[t] > 0:
            mentee_free[m] -= 1
            mentor_free[t] -= 1
            seats -= 1
            chosen.append(e)
    return _result(market, chosen)


def gale_shapley_by_score(
    instance: Instance,
    *,
    mentee_view: Callable[[Edge], float] | None = None,
    mentor_view: Callable[[Edge], float] | None = None,
) -> Result:
    """Mentee-proposing deferred acceptance, both sides ranking by score; pins first.

    By default both sides rank by the edge score. With one common score and no ties the unique
    stable matching IS the greedy one (the best pair left is each other's first choice), so for a
    telling comparison pass each side's own view of a pair, e.g. ``mentee_view=lambda e:
    e.breakdown["learning"]`` — a function of the `Edge` giving what that side ranks by. The
    total score reported is always the sum of the edge scores.
    """
    market = prepare(instance)
    mentee_scores = None if mentee_view is None else _view(instance, mentee_view, "mentee_view")
    mentor_scores = None if mentor_view is None else _view(instance, mentor_view, "mentor_view")
    prefs = preferences(market, mentee_scores=mentee_scores, mentor_scores=mentor_scores)
    return _result(market, deferred_acceptance(market, prefs))


def _view(instance: Instance, view: Callable[[Edge], float], name: str) -> list[float]:
    values: list[float] = []
    for i, edge in enumerate(instance.edges):
        value = view(edge)
        if not is_finite_number(value):
            raise InstanceError(f"edges[{i}]", f"{name} must give a finite number, got {value!r}.")
        values.append(float(value))
    return values
