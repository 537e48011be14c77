"""Stable-matching mode: mentee-proposing deferred acceptance (hospitals/residents), no Django.

For cohorts where participants rank each other. Who is acceptable to whom is decided by the hard
rules alone: a pair is acceptable iff it is an edge and not forbidden (see `stable_market`). The
rankings in `Instance.mentee_rankings` / `mentor_rankings` (best first) order the acceptable
partners; partners a participant did not rank, or all of them if they gave no ranking, follow by
edge score (descending), ties by id — so the result never depends on the order of the input.

Capacities: mentors take up to `capacity` mentees, mentees normally one mentor; a mentee with a
capacity above 1 is supported as many-to-many (responsive preferences), and the result is then
pairwise stable and mentee-optimal as well (Roth 1984).

Pins: pinned pairs are placed first (their seats are taken), deferred acceptance runs on the
remaining seats and pairs. The result is stable RELATIVE TO THE PINS: no pair blocks once the pins
are taken as given (`blocking_pairs(..., relative_to_pins=True)` is empty). A pin can still cause
blocking pairs in the plain sense, e.g. a mentee pinned to her second choice while her first
choice would rather have her than one of his mentees; `Result.blocking_pairs` reports exactly
these, so a coordinator sees what a pin costs. Without pins that list is empty.

`Result.optimal` is about the score, as in the other modes: it is True only in the trivial case
that every acceptable pair with a positive score is used (no matching can score more); `bound` is
None because this mode has no dual bound.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

from .stable_market import (
    Market,
    Preferences,
    preferences,
    prepare,
    result_pairs,
    unmatched_reasons,
)
from .types import Instance, InstanceError, Pair, Result

__all__ = ["blocking_pairs", "deferred_acceptance", "solve_stable"]


def deferred_acceptance(market: Market, prefs: Preferences) -> list[int]:
    """Mentee-proposing deferred acceptance on the seats the pins leave; returns edge indices.

    The pins are included in the returned list. Each mentee proposes down her list (pinned pairs
    skipped) while she has a free seat; a mentor holds the best proposals up to his free seats and
    rejects the worst when a better one arrives. The outcome does not depend on the order in which
    proposals are made. O(E log C) for E acceptable pairs and mentor capacities C.
    """
    mentee_free, mentor_free = market.residual_capacities()
    lists = prefs.mentee_lists
    if market.pinned:
        pinned = set(market.pinned)
        lists = [[e for e in own if e not in pinned] for own in lists]
    edge_mentor, edge_mentee, rank = market.edge_mentor, market.edge_mentee, prefs.mentor_rank
    held: list[list[tuple[int, int]]] = [[] for _ in market.mentor_ids]  # heaps of (-rank, edge)
    next_choice = [0] * len(lists)
    waiting = [m for m in reversed(range(len(lists))) if mentee_free[m] > 0 and lists[m]]
    while waiting:
        m = waiting.pop()
        own = lists[m]
        while mentee_free[m] > 0 and next_choice[m] < len(own):
            e = own[next_choice[m]]
            next_choice[m] += 1
            t = edge_mentor[e]
            heap = held[t]
            if len(heap) < mentor_free[t]:
                heapq.heappush(heap, (-rank[e], e))
                mentee_free[m] -= 1
            elif heap and -heap[0][0] > rank[e]:
                _, out = heapq.heapreplace(heap, (-rank[e], e))
                mentee_free[m] -= 1
                loser = edge_mentee[out]
                mentee_free[loser] += 1
                waiting.append(loser)
    return list(market.pinned) + [e for heap in held for _, e in heap]


def _blocking(
    market: Market,
    prefs: Preferences,
    matched: Iterable[tuple[int, int]],
    *,
    relative_to_pins: bool,
) -> list[tuple[str, str]]:
    matched_codes = {market.code(m, t) for m, t in matched}
    worse_than_all = math.inf  # the rank of a partner who is not acceptable
    mentee_count = [0] * len(market.mentee_ids)
    mentor_count = [0] * len(market.mentor_ids)
    # The worst partner one could give up; -1 (better than any key): nobody to give up.
    mentee_worst: list[float] = [-1] * len(market.mentee_ids)
    mentor_worst: list[float] = [-1] * len(market.mentor_ids)
    pinned = {market.code(market.edge_mentee[e], market.edge_mentor[e]) for e in market.pinned}
    n_mentors = len(market.mentor_ids)
    for code in matched_codes:
        m, t = divmod(code, n_mentors)
        mentee_count[m] += 1
        mentor_count[t] += 1
        if relative_to_pins and code in pinned:
            continue  # a pinned partner cannot be given up
        e = market.edge_at.get(code)
        if e is None or code in market.forbidden:
            mentee_rank = mentor_rank = worse_than_all
        else:
            mentee_rank, mentor_rank = prefs.mentee_rank[e], prefs.mentor_rank[e]
        mentee_worst[m] = max(mentee_worst[m], mentee_rank)
        mentor_worst[t] = max(mentor_worst[t], mentor_rank)
    # Who could take a partner at all: a free seat, or somebody to give up.
    mentee_free = [c < cap for c, cap in zip(mentee_count, market.mentee_capacity, strict=True)]
    mentor_free = [c < cap for c, cap in zip(mentor_count, market.mentor_capacity, strict=True)]
    found: list[tuple[str, str]] = []
    edge_mentee, edge_mentor = market.edge_mentee, market.edge_mentor
    for e in market.acceptable:
        m, t = edge_mentee[e], edge_mentor[e]
        if not (mentee_free[m] or prefs.mentee_rank[e] < mentee_worst[m]):
            continue
        if not (mentor_free[t] or prefs.mentor_rank[e] < mentor_worst[t]):
            continue
        if m * n_mentors + t not in matched_codes:
            found.append((market.mentee_ids[m], market.mentor_ids[t]))
    found.sort()
    return found


def blocking_pairs(
    instance: Instance,
    pairs: Iterable[Pair | tuple[str, str]],
    *,
    relative_to_pins: bool = False,
) -> list[tuple[str, str]]:
    """Acceptable pairs (mentee, mentor), not in `pairs`, that would both rather be together.

    A pair blocks when the mentee has a free seat or prefers this mentor to her worst partner,
    and the mentor has a free seat or prefers this mentee to his worst current mentee.
    Preferences are those of the stable mode (rankings, then edge score, then id); a partner in
    `pairs` who is not acceptable (no edge, or forbidden) counts as worse than any acceptable one.
    With `relative_to_pins`, pinned partners cannot be given up, so only the other partners are
    compared. Sorted by (mentee, mentor).
    """
    market = prepare(instance)
    prefs = preferences(market, instance)
    matched: list[tuple[int, int]] = []
    for i, pair in enumerate(pairs):
        mentee, mentor = (pair.mentee, pair.mentor) if isinstance(pair, Pair) else pair
        if mentee not in market.mentee_index:
            raise InstanceError(f"pairs[{i}].mentee", f"unknown mentee {mentee!r}.")
        if mentor not in market.mentor_index:
            raise InstanceError(f"pairs[{i}].mentor", f"unknown mentor {mentor!r}.")
        matched.append((market.mentee_index[mentee], market.mentor_index[mentor]))
    return _blocking(market, prefs, matched, relative_to_pins=relative_to_pins)


def _trivially_optimal(market: Market, chosen: Sequence[int]) -> bool:
    """Every acceptable pair with a positive score is used, so no matching scores more."""
    used = set(chosen)
    score = market.edge_score
    return all(e in used for e in market.acceptable if score[e] > 0)


def solve_stable(instance: Instance) -> Result:
    """The mentee-optimal stable matching (relative to the pins), with its blocking pairs.

    Raises `InstanceError` naming the field for a malformed instance or contradictory pins.
    """
    market = prepare(instance)
    prefs = preferences(market, instance)
    chosen = deferred_acceptance(market, prefs)
    pairs = result_pairs(market, chosen)
    matched = [(market.edge_mentee[e], market.edge_mentor[e]) for e in chosen]
    unmatched_mentees, unmatched_mentors = unmatched_reasons(market, chosen)
    return Result(
        pairs=pairs,
        total_score=math.fsum(p.score for p in pairs),
        matched=len(pairs),
        optimal=_trivially_optimal(market, chosen),
        bound=None,
        unmatched_mentees=unmatched_mentees,
        unmatched_mentors=unmatched_mentors,
        blocking_pairs=tuple(_blocking(market, prefs, matched, relative_to_pins=False)),
    )
