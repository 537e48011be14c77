"""Plain data of a matching instance and its result (no Django)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Mode(StrEnum):
    SCORE = "score"  # maximum total score
    COUNT = "count"  # as many pairs as possible first, then the best total score
    STABLE = "stable"  # no blocking pair, by the participants' own rankings


# Why a participant has no partner (values of `Result.unmatched`), shared by every mode.
NO_CAPACITY = "no_capacity"  # capacity 0: not looking for a partner
NO_FEASIBLE_PARTNER = "no_feasible_partner"  # no edge at all, or every edge is forbidden
PARTNERS_AT_CAPACITY = "partners_at_capacity"  # has feasible partners, all of them are full


@dataclass(frozen=True)
class Participant:
    id: str
    capacity: int = 1


@dataclass(frozen=True)
class Edge:
    """A feasible pair (no hard rule violated) with its score 0–100 and how it is made up."""

    mentee: str
    mentor: str
    score: float
    breakdown: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Instance:
    mentees: tuple[Participant, ...]
    mentors: tuple[Participant, ...]
    edges: tuple[Edge, ...]
    pinned: tuple[tuple[str, str], ...] = ()  # (mentee, mentor) pairs that must be in the result
    forbidden: tuple[tuple[str, str], ...] = ()  # pairs that must not be
    # Stable mode only: each participant's ranking of the other side, best first.
    mentee_rankings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mentor_rankings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    mentee: str
    mentor: str
    score: float


@dataclass(frozen=True)
class Result:
    pairs: tuple[Pair, ...]
    total_score: float
    matched: int
    optimal: bool  # proven optimal for the mode (bound == total within rounding)
    bound: float | None  # dual bound (score/count modes); None where no bound applies
    # Per side, because a mentee and a mentor may share an id: participant id → reason code.
    unmatched_mentees: Mapping[str, str] = field(default_factory=dict)
    unmatched_mentors: Mapping[str, str] = field(default_factory=dict)
    blocking_pairs: tuple[tuple[str, str], ...] = ()  # stable mode: pairs that would rather switch


class InstanceError(ValueError):
    """The instance is malformed or contradictory; `field` names where, for clear messages."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field = field_name
        super().__init__(f"{field_name}: {message}")
