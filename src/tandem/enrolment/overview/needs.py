"""The needs analysis (R9) as a pure rule: demand and supply per topic, small groups suppressed.

Self-assessments reveal knowledge gaps, which must never be exposed (R3): a count below the
minimum group size is replaced by None ("fewer than N") everywhere it is shown.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import StrEnum


class Imbalance(StrEnum):
    DEMAND_WITHOUT_SUPPLY = "demand_without_supply"
    SUPPLY_WITHOUT_DEMAND = "supply_without_demand"


@dataclass(frozen=True)
class TopicBalance:
    topic: Hashable
    demand: int | None  # people who want to learn it; None when suppressed
    supply: int | None  # people who can teach it; None when suppressed
    imbalance: Imbalance | None

    @property
    def suppressed(self) -> bool:
        return self.demand is None or self.supply is None


def _shown(count: int, min_group: int) -> int | None:
    # Zero is no group of people, so it can be shown; 1..min_group-1 could point at someone.
    return count if count == 0 or count >= min_group else None


def balance_by_topic(
    *,
    demand: Iterable[tuple[Hashable, Hashable]],
    supply: Iterable[tuple[Hashable, Hashable]],
    min_group: int,
) -> list[TopicBalance]:
    """Balance per topic from (topic, person) pairs; each person counts once per topic.

    Ordered by how much help is missing first: demand without supply, then by demand.
    """
    wanted: dict[Hashable, set[Hashable]] = {}
    offered: dict[Hashable, set[Hashable]] = {}
    for topic, person in demand:
        wanted.setdefault(topic, set()).add(person)
    for topic, person in supply:
        offered.setdefault(topic, set()).add(person)
    balances = []
    for topic in wanted.keys() | offered.keys():
        need, can = len(wanted.get(topic, ())), len(offered.get(topic, ()))
        imbalance = None
        if need and not can:
            imbalance = Imbalance.DEMAND_WITHOUT_SUPPLY
        elif can and not need:
            imbalance = Imbalance.SUPPLY_WITHOUT_DEMAND
        balances.append(
            TopicBalance(topic, _shown(need, min_group), _shown(can, min_group), imbalance)
        )
    missing_first = {
        Imbalance.DEMAND_WITHOUT_SUPPLY: 0,
        None: 1,
        Imbalance.SUPPLY_WITHOUT_DEMAND: 2,
    }
    raw_need = {t: len(p) for t, p in wanted.items()}
    return sorted(
        balances,
        key=lambda b: (missing_first[b.imbalance], -raw_need.get(b.topic, 0), str(b.topic)),
    )
