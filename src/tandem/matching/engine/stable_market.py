"""A validated instance with ids mapped to indices, shared by the stable mode and the baselines.

Pure Python, no Django. `prepare` checks the parts of an `Instance` that the stable mode and the
baselines rely on and raises `InstanceError` naming the field (e.g. ``pinned[2]``); `preferences`
turns the participants' rankings (or, where a participant gave none, the edge scores) into strict
preference orders.

Acceptability: a pair is acceptable to both sides iff it is an edge (no hard rule violated) and not
forbidden. Rankings only ORDER the acceptable partners; they never make an infeasible pair
acceptable (ranked ids without an edge are ignored) nor an unranked feasible one unacceptable:
partners a participant did not rank follow the ranked ones, by edge score (descending), ties by id.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from .types import (
    NO_CAPACITY,
    NO_FEASIBLE_PARTNER,
    PARTNERS_AT_CAPACITY,
    Instance,
    InstanceError,
    Pair,
    Participant,
)


def is_finite_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _all_finite_numbers(values: Sequence[object]) -> bool:
    """Fast path for the common case (plain ints and floats), exact check otherwise."""
    if {type(value) for value in values} <= {int, float}:
        try:
            # the set of types above is exactly {int, float}: a narrowing mypy cannot follow
            return all(map(math.isfinite, cast("Sequence[float]", values)))
        except OverflowError:
            return False
    return all(map(is_finite_number, values))


@dataclass(frozen=True)
class Market:
    """Participants and edges by index; per-edge data in parallel lists, in instance order."""

    mentee_ids: tuple[str, ...]
    mentor_ids: tuple[str, ...]
    mentee_index: Mapping[str, int]
    mentor_index: Mapping[str, int]
    mentee_capacity: tuple[int, ...]
    mentor_capacity: tuple[int, ...]
    edge_mentee: Sequence[int]
    edge_mentor: Sequence[int]
    edge_score: Sequence[float]
    edge_at: Mapping[int, int]  # pair code (see `code`) → edge index
    forbidden: frozenset[int]  # pair codes
    acceptable: Sequence[int]  # edge indices that are not forbidden, in instance order
    pinned: tuple[int, ...]  # edge indices of the pins, in instance order

    def code(self, mentee: int, mentor: int) -> int:
        """One int per (mentee index, mentor index) pair."""
        return mentee * len(self.mentor_ids) + mentor

    def residual_capacities(self) -> tuple[list[int], list[int]]:
        """Seats left on each side once the pins are placed."""
        mentee_free = list(self.mentee_capacity)
        mentor_free = list(self.mentor_capacity)
        for e in self.pinned:
            mentee_free[self.edge_mentee[e]] -= 1
            mentor_free[self.edge_mentor[e]] -= 1
        return mentee_free, mentor_free

    def id_ranks(self) -> tuple[list[int], list[int]]:
        """Per edge, the rank of its mentee id and of its mentor id in sorted order (ties)."""
        result = []
        for ids, of_edge in (
            (self.mentee_ids, self.edge_mentee),
            (self.mentor_ids, self.edge_mentor),
        ):
            rank = [0] * len(ids)
            for r, i in enumerate(sorted(range(len(ids)), key=ids.__getitem__)):
                rank[i] = r
            result.append([rank[i] for i in of_edge])
        return result[0], result[1]


@dataclass(frozen=True)
class Preferences:
    """Strict orders over acceptable edges: per mentee a list best first, per edge two keys.

    `mentee_rank[e] < mentee_rank[f]` for two edges of the same mentee means she prefers e's
    mentor; likewise `mentor_rank` for two edges of the same mentor. Keys of edges of different
    owners are not comparable in that sense, and keys of forbidden edges mean nothing.
    """

    mentee_lists: Sequence[Sequence[int]]  # mentee index → acceptable edge indices, best first
    mentee_rank: Sequence[int]  # edge index → preference key for its mentee (smaller = better)
    mentor_rank: Sequence[int]  # edge index → preference key for its mentor (smaller = better)


def _participants(
    people: Sequence[Participant], side: str
) -> tuple[tuple[str, ...], dict[str, int], tuple[int, ...]]:
    ids: list[str] = []
    index: dict[str, int] = {}
    capacity: list[int] = []
    for i, person in enumerate(people):
        if not isinstance(person.id, str) or not person.id:
            raise InstanceError(f"{side}[{i}].id", "must be a non-empty string.")
        if person.id in index:
            raise InstanceError(f"{side}[{i}].id", f"{person.id!r} appears twice; ids are unique.")
        cap = person.capacity
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
            raise InstanceError(
                f"{side}[{i}].capacity", f"must be a whole number ≥ 0, got {cap!r}."
            )
        index[person.id] = len(ids)
        ids.append(person.id)
        capacity.append(cap)
    return tuple(ids), index, tuple(capacity)


def _pair(
    pair: object, name: str, mentee_index: Mapping[str, int], mentor_index: Mapping[str, int]
) -> tuple[int, int]:
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise InstanceError(name, "must be a [mentee, mentor] pair.")
    mentee, mentor = pair
    if not isinstance(mentee, str) or mentee not in mentee_index:
        raise InstanceError(f"{name}[0]", f"unknown mentee {mentee!r}; list them under mentees.")
    if not isinstance(mentor, str) or mentor not in mentor_index:
        raise InstanceError(f"{name}[1]", f"unknown mentor {mentor!r}; list them under mentors.")
    return mentee_index[mentee], mentor_index[mentor]


def prepare(instance: Instance) -> Market:
    """Validate participants, edges, forbids and pins; raise `InstanceError` naming the field."""
    mentee_ids, mentee_index, mentee_capacity = _participants(instance.mentees, "mentees")
    mentor_ids, mentor_index, mentor_capacity = _participants(instance.mentors, "mentors")

    edges = instance.edges
    edge_mentee = [mentee_index.get(edge.mentee, -1) for edge in edges]
    edge_mentor = [mentor_index.get(edge.mentor, -1) for edge in edges]
    if -1 in edge_mentee:
        i = edge_mentee.index(-1)
        raise InstanceError(f"edges[{i}].mentee", f"unknown mentee {edges[i].mentee!r}.")
    if -1 in edge_mentor:
        i = edge_mentor.index(-1)
        raise InstanceError(f"edges[{i}].mentor", f"unknown mentor {edges[i].mentor!r}.")
    edge_score = [edge.score for edge in edges]
    if not _all_finite_numbers(edge_score):
        i = next(i for i, score in enumerate(edge_score) if not is_finite_number(score))
        raise InstanceError(f"edges[{i}].score", f"must be a finite number, got {edge_score[i]!r}.")
    edge_score = list(map(float, edge_score))
    n_mentors = len(mentor_ids)
    codes = [m * n_mentors + t for m, t in zip(edge_mentee, edge_mentor, strict=True)]
    edge_at = dict(zip(codes, range(len(codes)), strict=True))
    if len(edge_at) < len(codes):
        seen: set[int] = set()
        for i, code in enumerate(codes):  # noqa: B007 - `i` is the first repeated edge
            if code in seen:
                break
            seen.add(code)
        raise InstanceError(
            f"edges[{i}]", f"the pair {edges[i].mentee!r}–{edges[i].mentor!r} appears twice."
        )

    forbidden: set[int] = set()
    for i, pair in enumerate(instance.forbidden):
        m, t = _pair(pair, f"forbidden[{i}]", mentee_index, mentor_index)
        forbidden.add(m * n_mentors + t)

    pinned: list[int] = []
    pinned_set: set[int] = set()
    mentee_load = [0] * len(mentee_ids)
    mentor_load = [0] * len(mentor_ids)
    for i, pair in enumerate(instance.pinned):
        name = f"pinned[{i}]"
        key = _pair(pair, name, mentee_index, mentor_index)
        mentee, mentor = mentee_ids[key[0]], mentor_ids[key[1]]
        code = key[0] * n_mentors + key[1]
        if code not in edge_at:
            raise InstanceError(
                name, f"{mentee!r}–{mentor!r} is not a feasible pair (no edge); unpin it."
            )
        if code in forbidden:
            raise InstanceError(name, f"{mentee!r}–{mentor!r} is both pinned and forbidden.")
        if edge_at[code] in pinned_set:
            raise InstanceError(name, f"{mentee!r}–{mentor!r} is pinned twice.")
        mentee_load[key[0]] += 1
        mentor_load[key[1]] += 1
        if mentee_load[key[0]] > mentee_capacity[key[0]]:
            raise InstanceError(
                name, f"mentee {mentee!r} has more pins than capacity; unpin a pair or raise it."
            )
        if mentor_load[key[1]] > mentor_capacity[key[1]]:
            raise InstanceError(
                name, f"mentor {mentor!r} has more pins than capacity; unpin a pair or raise it."
            )
        pinned.append(edge_at[code])
        pinned_set.add(edge_at[code])

    if forbidden:
        acceptable = [e for e, code in enumerate(codes) if code not in forbidden]
    else:
        acceptable = list(range(len(codes)))
    return Market(
        mentee_ids=mentee_ids,
        mentor_ids=mentor_ids,
        mentee_index=mentee_index,
        mentor_index=mentor_index,
        mentee_capacity=mentee_capacity,
        mentor_capacity=mentor_capacity,
        edge_mentee=edge_mentee,
        edge_mentor=edge_mentor,
        edge_score=edge_score,
        edge_at=edge_at,
        forbidden=frozenset(forbidden),
        acceptable=acceptable,
        pinned=tuple(pinned),
    )


def _positions(
    rankings: Mapping[str, Sequence[str]],
    own_index: Mapping[str, int],
    other_index: Mapping[str, int],
    side: str,
    other: str,
) -> dict[int, dict[int, int]]:
    """participant index → {other-side index: position in their ranking}; validates the ids."""
    positions: dict[int, dict[int, int]] = {}
    for owner, ranking in rankings.items():
        if not isinstance(owner, str) or owner not in own_index:
            raise InstanceError(f"{side}_rankings", f"unknown {side} {owner!r}.")
        name = f"{side}_rankings[{owner}]"
        if not isinstance(ranking, (list, tuple)):
            raise InstanceError(name, f"must be a list of {other} ids, best first.")
        own: dict[int, int] = {}
        for pos, other_id in enumerate(ranking):
            if not isinstance(other_id, str) or other_id not in other_index:
                raise InstanceError(name, f"unknown {other} {other_id!r}.")
            if other_index[other_id] in own:
                raise InstanceError(name, f"{other_id!r} is ranked twice.")
            own[other_index[other_id]] = pos
        positions[own_index[owner]] = own
    return positions


def preferences(
    market: Market,
    instance: Instance | None = None,
    *,
    mentee_scores: Sequence[float] | None = None,
    mentor_scores: Sequence[float] | None = None,
) -> Preferences:
    """Strict preference orders over the acceptable edges.

    With `instance`, its `mentee_rankings` / `mentor_rankings` come first (validated); without,
    or for a participant who gave no ranking, partners are ordered by score (descending), ties by
    the partner's id, so the order never depends on the order of the input. The score is the edge
    score unless `mentee_scores` / `mentor_scores` (per edge index) give each side its own view.
    """
    mentee_pos: dict[int, dict[int, int]] = {}
    mentor_pos: dict[int, dict[int, int]] = {}
    if instance is not None:
        mentee_pos = _positions(
            instance.mentee_rankings, market.mentee_index, market.mentor_index, "mentee", "mentor"
        )
        mentor_pos = _positions(
            instance.mentor_rankings, market.mentor_index, market.mentee_index, "mentor", "mentee"
        )
    mentee_id_rank, mentor_id_rank = market.id_ranks()
    mentee_rank = _rank_keys(
        owner=market.edge_mentee,
        partner=market.edge_mentor,
        partner_id_rank=mentor_id_rank,
        scores=market.edge_score if mentee_scores is None else mentee_scores,
        positions=mentee_pos,
    )
    mentor_rank = _rank_keys(
        owner=market.edge_mentor,
        partner=market.edge_mentee,
        partner_id_rank=mentee_id_rank,
        scores=market.edge_score if mentor_scores is None else mentor_scores,
        positions=mentor_pos,
    )
    # The key starts with the owner, so one sort puts each mentee's edges together, best first.
    order = sorted(market.acceptable, key=mentee_rank.__getitem__)
    counts = Counter(map(market.edge_mentee.__getitem__, market.acceptable))
    mentee_lists: list[list[int]] = []
    start = 0
    for m in range(len(market.mentee_ids)):
        end = start + counts.get(m, 0)
        mentee_lists.append(order[start:end])
        start = end
    return Preferences(mentee_lists=mentee_lists, mentee_rank=mentee_rank, mentor_rank=mentor_rank)


def _rank_keys(
    *,
    owner: Sequence[int],
    partner: Sequence[int],
    partner_id_rank: Sequence[int],
    scores: Sequence[float],
    positions: Mapping[int, Mapping[int, int]],
) -> list[int]:
    """Per edge an int that packs (owner, ranking position, score rank, partner id rank).

    Between two edges of the same owner, the smaller key is the preferred partner. Computed
    for every edge, forbidden ones included (they are never offered), to avoid a scatter.
    """
    distinct = sorted(set(scores), reverse=True)
    score_rank = map({value: r for r, value in enumerate(distinct)}.__getitem__, scores)
    n_scores = len(distinct) or 1
    n_partners = max(partner_id_rank, default=0) + 1
    if positions:
        n_places = max(len(pos) for pos in positions.values()) + 1
        unranked: dict[int, int] = {}
        place = []
        for o, p in zip(owner, partner, strict=True):
            pos = positions.get(o, unranked)
            place.append(pos.get(p, len(pos)))
    else:
        n_places, place = 1, [0] * len(owner)
    return [
        ((o * n_places + p) * n_scores + s) * n_partners + i
        for o, p, s, i in zip(owner, place, score_rank, partner_id_rank, strict=True)
    ]


def result_pairs(market: Market, chosen: Sequence[int]) -> tuple[Pair, ...]:
    """The chosen edges as `Pair`s, sorted by (mentee id, mentor id)."""
    pairs = [
        Pair(
            mentee=market.mentee_ids[market.edge_mentee[e]],
            mentor=market.mentor_ids[market.edge_mentor[e]],
            score=market.edge_score[e],
        )
        for e in chosen
    ]
    pairs.sort(key=lambda p: (p.mentee, p.mentor))
    return tuple(pairs)


def unmatched_reasons(
    market: Market, chosen: Sequence[int]
) -> tuple[dict[str, str], dict[str, str]]:
    """Reason codes for every participant without any partner: (mentees, mentors)."""
    mentee_has = set(map(market.edge_mentee.__getitem__, chosen))
    mentor_has = set(map(market.edge_mentor.__getitem__, chosen))
    mentee_feasible = set(map(market.edge_mentee.__getitem__, market.acceptable))
    mentor_feasible = set(map(market.edge_mentor.__getitem__, market.acceptable))
    sides: list[dict[str, str]] = []
    for ids, caps, has, feasible in (
        (market.mentee_ids, market.mentee_capacity, mentee_has, mentee_feasible),
        (market.mentor_ids, market.mentor_capacity, mentor_has, mentor_feasible),
    ):
        reasons: dict[str, str] = {}
        for i, pid in enumerate(ids):
            if i in has:
                continue
            if caps[i] == 0:
                reasons[pid] = NO_CAPACITY
            elif i not in feasible:
                reasons[pid] = NO_FEASIBLE_PARTNER
            else:
                reasons[pid] = PARTNERS_AT_CAPACITY
        sides.append(reasons)
    return sides[0], sides[1]
