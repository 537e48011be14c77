"""A cohort's matching pool as the pure rules and the solver see it: profiles, seats, rules,
weights and priorities, keyed by enrolment id, with no database object in it.

`runs.selectors.MatchingInput.pool()` builds it from the database; `runs.compute` solves it, and
the property tests build it directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tandem.matching.pairing.hard_rules import CohortRules, Profile
from tandem.matching.pairing.scoring import Weights


@dataclass(frozen=True)
class Pool:
    mentees: Sequence[Profile]
    mentors: Sequence[Profile]
    mentor_capacity: Mapping[int, int]  # enrolment id → seats left
    rules: CohortRules
    weights: Weights
    topic_priority: Mapping[int, int]  # topic id → company priority
    # Every active enrolment of the cohort, whether in the pool or not (a pin's partner may be
    # active but out of the pool, e.g. on the other side).
    active_ids: frozenset[int] = frozenset()
    side_of_either: Mapping[int, str] = field(default_factory=dict)  # enrolment id → side taken
