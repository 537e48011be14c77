"""A validated matching instance as numpy arrays (indices, not objects), and its validation.

`build_problem` takes plain sequences (ids, capacities, per-edge mentee/mentor/score columns, pins,
forbids) and checks them with vectorised operations, so that half a million edges cost a few tens
of milliseconds. Every error is an `InstanceError` whose field names the place, e.g.
``edges[17].score: must be a number between 0 and 100, got 'high'.``

Both entry points use it: `problem_from_instance` (the `Instance` dataclasses the Django side
builds) and the JSON file reader in `fileformat` (which never creates per-edge objects).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from .types import Instance, InstanceError

SCORE_MIN = 0.0
SCORE_MAX = 100.0
MAX_CAPACITY = 1_000_000


@dataclass(frozen=True, eq=False)
class Problem:
    """Participants by index; edges as parallel arrays in input order."""

    mentee_ids: tuple[str, ...]
    mentor_ids: tuple[str, ...]
    mentee_capacity: np.ndarray  # int64, ≥ 0
    mentor_capacity: np.ndarray  # int64, ≥ 0
    edge_mentee: np.ndarray  # int64 mentee index per edge
    edge_mentor: np.ndarray  # int64 mentor index per edge
    edge_score: np.ndarray  # float64 in [0, 100]
    pinned: np.ndarray  # int64 edge indices, in the order given
    forbidden: np.ndarray  # bool per edge

    @property
    def n_edges(self) -> int:
        return len(self.edge_score)


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _participants(
    side: str, ids: Sequence[object], capacities: Sequence[object]
) -> tuple[tuple[str, ...], dict[str, int], np.ndarray]:
    singular = side[:-1]
    if not set(map(type, ids)) <= {str} or "" in ids:
        i = next(k for k, v in enumerate(ids) if type(v) is not str or not v)
        got = "nothing" if ids[i] is None else repr(ids[i])
        raise InstanceError(f"{side}[{i}].id", f"must be a non-empty string, got {got}.")
    ids = cast("Sequence[str]", ids)  # every id is a str: checked by type just above
    index = dict(zip(ids, range(len(ids)), strict=True))
    if len(index) != len(ids):
        seen: dict[object, int] = {}
        for i, pid in enumerate(ids):
            if pid in seen:
                raise InstanceError(
                    f"{side}[{i}].id",
                    f"duplicate {singular} id {pid!r} (already {side}[{seen[pid]}]); "
                    "give every participant one entry.",
                )
            seen[pid] = i
    if not set(map(type, capacities)) <= {int}:
        i = next(k for k, v in enumerate(capacities) if type(v) is not int)
        raise InstanceError(
            f"{side}[{i}].capacity", f"must be a whole number ≥ 0, got {capacities[i]!r}."
        )
    capacities = cast("Sequence[int]", capacities)  # every one is an int: checked just above
    bad = [k for k, c in enumerate(capacities) if not 0 <= c <= MAX_CAPACITY]
    if bad:
        i = bad[0]
        raise InstanceError(
            f"{side}[{i}].capacity",
            f"must be a whole number between 0 and {MAX_CAPACITY:,}, got {capacities[i]!r}.",
        )
    return tuple(ids), index, np.array(capacities, dtype=np.int64).reshape(-1)


def _edge_ends(column: Sequence[object], index: dict[str, int], side: str) -> np.ndarray:
    try:  # the fast path: one dict look-up per edge in C, no per-edge Python code
        # an id that is not a str fails the look-up (KeyError or TypeError), explained below
        looked_up = map(index.__getitem__, cast("Sequence[str]", column))
        return np.fromiter(looked_up, dtype=np.int64, count=len(column))
    except (KeyError, TypeError):
        pass
    field = side[:-1]
    for k, value in enumerate(column):
        if value is None:
            raise InstanceError(f"edges[{k}].{field}", f"missing; give the {field} id.")
        if type(value) is not str:
            raise InstanceError(
                f"edges[{k}].{field}", f"must be a string (a {field} id), got {value!r}."
            )
        if value not in index:
            raise InstanceError(
                f"edges[{k}].{field}", f"unknown {field} id {value!r}; list it under {side}."
            )
    raise AssertionError("unreachable")  # pragma: no cover


def _scores(column: Sequence[object]) -> np.ndarray:
    message = f"must be a number between {SCORE_MIN:g} and {SCORE_MAX:g}"
    if not set(map(type, column)) <= {int, float}:
        k = next(k for k, v in enumerate(column) if type(v) not in (int, float))
        got = "nothing" if column[k] is None else repr(column[k])
        raise InstanceError(f"edges[{k}].score", f"{message}, got {got}.")
    try:
        scores = np.array(column, dtype=np.float64).reshape(-1)
    except OverflowError:  # an int too large for a float
        scores = np.array([float(v) if abs(v) < 1e300 else np.inf for v in column])  # type: ignore[arg-type]
    bad = ~((scores >= SCORE_MIN) & (scores <= SCORE_MAX))  # NaN is bad too
    if bad.any():
        k = _first(bad)
        raise InstanceError(f"edges[{k}].score", f"{message}, got {column[k]!r}.")
    return scores


def _pairs(
    pairs: Sequence[object],
    name: str,
    mentee_index: dict[str, int],
    mentor_index: dict[str, int],
) -> tuple[np.ndarray, np.ndarray]:
    mentees: list[int] = []
    mentors: list[int] = []
    for k, pair in enumerate(pairs):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InstanceError(f"{name}[{k}]", "must be a pair [mentee id, mentor id].")
        mentee, mentor = pair
        if type(mentee) is not str or mentee not in mentee_index:
            raise InstanceError(
                f"{name}[{k}][0]", f"unknown mentee id {mentee!r}; list it under mentees."
            )
        if type(mentor) is not str or mentor not in mentor_index:
            raise InstanceError(
                f"{name}[{k}][1]", f"unknown mentor id {mentor!r}; list it under mentors."
            )
        mentees.append(mentee_index[mentee])
        mentors.append(mentor_index[mentor])
    return np.array(mentees, dtype=np.int64), np.array(mentors, dtype=np.int64)


def build_problem(
    *,
    mentee_ids: Sequence[object],
    mentee_capacity: Sequence[object],
    mentor_ids: Sequence[object],
    mentor_capacity: Sequence[object],
    edge_mentee: Sequence[object],
    edge_mentor: Sequence[object],
    edge_score: Sequence[object],
    pinned: Sequence[object] = (),
    forbidden: Sequence[object] = (),
) -> Problem:
    """Validate the columns and return the `Problem`; raise `InstanceError` naming the field."""
    mentees, mentee_index, mentee_cap = _participants("mentees", mentee_ids, mentee_capacity)
    mentors, mentor_index, mentor_cap = _participants("mentors", mentor_ids, mentor_capacity)
    a = _edge_ends(edge_mentee, mentee_index, "mentees")
    b = _edge_ends(edge_mentor, mentor_index, "mentors")
    scores = _scores(edge_score)

    # One sort of the pair keys finds duplicates and serves the look-ups of pins and forbids.
    n2 = max(len(mentors), 1)
    keys = a * n2 + b
    order = np.argsort(keys)
    sorted_keys = keys[order]
    same = sorted_keys[1:] == sorted_keys[:-1]
    if same.any():
        order = np.argsort(keys, kind="stable")  # so that the later edge is reported
        sorted_keys = keys[order]
        same = sorted_keys[1:] == sorted_keys[:-1]
        later = order[1:][same]
        k = int(later.min())
        first = int(order[np.searchsorted(sorted_keys, keys[k])])
        raise InstanceError(
            f"edges[{k}]",
            f"duplicate pair {mentees[a[k]]!r}–{mentors[b[k]]!r} (already edges[{first}]); "
            "give each pair once.",
        )

    def lookup(pa: np.ndarray, pb: np.ndarray) -> np.ndarray:
        """Edge index of each (mentee, mentor) pair, -1 where there is no edge."""
        if not len(keys):
            return np.full(len(pa), -1, dtype=np.int64)
        wanted = pa * n2 + pb
        at = np.minimum(np.searchsorted(sorted_keys, wanted), len(keys) - 1)
        return np.where(sorted_keys[at] == wanted, order[at], -1)

    forbidden_mask = np.zeros(len(keys), dtype=bool)
    fa, fb = _pairs(forbidden, "forbidden", mentee_index, mentor_index)
    found = lookup(fa, fb)
    forbidden_mask[found[found >= 0]] = True

    pa, pb = _pairs(pinned, "pinned", mentee_index, mentor_index)
    pins = lookup(pa, pb)
    _check_pins(pins, pa, pb, forbidden_mask, mentees, mentors, mentee_cap, mentor_cap)
    return Problem(
        mentee_ids=mentees,
        mentor_ids=mentors,
        mentee_capacity=mentee_cap,
        mentor_capacity=mentor_cap,
        edge_mentee=a,
        edge_mentor=b,
        edge_score=scores,
        pinned=pins,
        forbidden=forbidden_mask,
    )


def _check_pins(
    pins: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
    forbidden: np.ndarray,
    mentees: tuple[str, ...],
    mentors: tuple[str, ...],
    mentee_cap: np.ndarray,
    mentor_cap: np.ndarray,
) -> None:
    mentee_load: dict[int, int] = {}
    mentor_load: dict[int, int] = {}
    seen: dict[int, int] = {}
    for k, edge in enumerate(pins.tolist()):
        name = f"pinned[{k}]"
        i, j = int(pa[k]), int(pb[k])
        pair = f"{mentees[i]!r}–{mentors[j]!r}"
        if edge < 0:
            raise InstanceError(
                name, f"{pair} is pinned but is not a feasible pair (no edge); unpin it."
            )
        if forbidden[edge]:
            raise InstanceError(name, f"{pair} is both pinned and forbidden; remove one of them.")
        if edge in seen:
            raise InstanceError(name, f"{pair} is pinned twice (already pinned[{seen[edge]}]).")
        seen[edge] = k
        mentee_load[i] = mentee_load.get(i, 0) + 1
        mentor_load[j] = mentor_load.get(j, 0) + 1
        for side, ids, load, cap, who in (
            ("mentee", mentees, mentee_load, mentee_cap, i),
            ("mentor", mentors, mentor_load, mentor_cap, j),
        ):
            if load[who] > cap[who]:
                raise InstanceError(
                    name,
                    f"{side} {ids[who]!r} has more pinned pairs ({load[who]}) than capacity "
                    f"({int(cap[who])}); unpin a pair or raise the capacity.",
                )


def problem_from_instance(instance: Instance) -> Problem:
    """The `Problem` of an `Instance`, validated (see `build_problem`)."""
    edges = instance.edges
    return build_problem(
        mentee_ids=[p.id for p in instance.mentees],
        mentee_capacity=[p.capacity for p in instance.mentees],
        mentor_ids=[p.id for p in instance.mentors],
        mentor_capacity=[p.capacity for p in instance.mentors],
        edge_mentee=[e.mentee for e in edges],
        edge_mentor=[e.mentor for e in edges],
        edge_score=[e.score for e in edges],
        pinned=instance.pinned,
        forbidden=instance.forbidden,
    )
