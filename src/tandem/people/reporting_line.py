"""Reporting-line rules as pure functions over a manager map {person: manager or None}.

The hard matching rule R12 rests on these: a mentor is never in the mentee's reporting line, in
either direction, at any depth. They know nothing of the database; `selectors` feeds them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


class ReportingCycleError(ValueError):
    """The manager links loop back on themselves; `cycle` lists the people in the loop, in order."""

    def __init__(self, cycle: Sequence[Hashable]) -> None:
        self.cycle = cycle
        super().__init__(" → ".join(str(p) for p in [*cycle, cycle[0]]))


def managers_above(person: K, manager_of: Mapping[K, K | None]) -> list[K]:
    """The chain of managers from the direct manager up to the top, O(depth)."""
    chain: list[K] = []
    seen = {person}
    current = manager_of.get(person)
    while current is not None:
        if current in seen:
            loop = [person, *chain] if current == person else chain[chain.index(current) :]
            raise ReportingCycleError(loop)
        seen.add(current)
        chain.append(current)
        current = manager_of.get(current)
    return chain


def in_reporting_line(a: K, b: K, manager_of: Mapping[K, K | None]) -> bool:
    """True when a manages b or b manages a, directly or through any number of levels."""
    if a == b:
        return True
    return b in managers_above(a, manager_of) or a in managers_above(b, manager_of)


def excluded_pairs(people: Iterable[K], manager_of: Mapping[K, K | None]) -> set[frozenset[K]]:
    """All pairs among `people` that are in each other's reporting line, in O(n · depth).

    Walks each person's chain once and keeps the managers who are themselves among `people`,
    instead of testing every pair.
    """
    members = set(people)
    pairs: set[frozenset[K]] = set()
    for person in members:
        for manager in managers_above(person, manager_of):
            if manager in members:
                pairs.add(frozenset((person, manager)))
    return pairs


def find_cycle(manager_of: Mapping[K, K | None]) -> list[K] | None:
    """One manager cycle if there is any (people in order, each managed by the next), else None."""
    cycles = all_cycles(manager_of)
    return cycles[0] if cycles else None


def all_cycles(manager_of: Mapping[K, K | None]) -> list[list[K]]:
    """Every distinct manager cycle (each person belongs to at most one), for error reports.

    Linear time: every person is visited once, remembering the position on the current walk.
    """
    done: set[K] = set()
    cycles: list[list[K]] = []
    for start in manager_of:
        if start in done:
            continue
        path: list[K] = []
        on_path: dict[K, int] = {}
        current: K | None = start
        while current is not None and current not in done:
            if current in on_path:
                cycles.append(path[on_path[current] :])
                break
            on_path[current] = len(path)
            path.append(current)
            current = manager_of.get(current)
        done.update(path)
    return cycles
