"""From a cohort's pool to a certified assignment: rules, scores, solver, reasons (no writes, no
database: the pool is a `pairing.pool.Pool`).

`matching_compute` is what both the coordinator's run and `tandem match --dry-run` use: the
vectorised candidate builder applies every hard rule and scores the feasible pairs, the exact
engine solves them (with the pinned pairs), and every unmatched participant gets a reason with
the rules that stand in the way (`unmatched.rule_counts`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tandem.matching.engine.problem import build_problem
from tandem.matching.engine.solve import solve_problem
from tandem.matching.engine.types import NO_FEASIBLE_PARTNER, Mode, Result
from tandem.matching.pairing.hard_rules import Profile, Violation, pair_violations
from tandem.matching.pairing.pool import Pool
from tandem.matching.pairing.scoring import Breakdown, score_pair
from tandem.matching.pairing.unmatched import rule_counts
from tandem.matching.runs.candidates import build_candidates

# Rule counts for unmatched people check each of them against the whole other side in Python;
# above this many checks the reason stays the engine's code (the counts would take too long).
EXPLAIN_BUDGET = 2_000_000


@dataclass(frozen=True)
class ProposedPair:
    mentee_id: int
    mentor_id: int
    breakdown: Breakdown
    pinned: bool = False

    @property
    def score(self) -> float:
        return round(self.breakdown.total, 6)

    def breakdown_dict(self) -> dict[str, float]:
        """Points per component, as stored on the tandem ("why this pair")."""
        return breakdown_points(self.breakdown)


def breakdown_points(breakdown: Breakdown) -> dict[str, float]:
    return {name: round(points, 4) for name, points in breakdown.items()}


@dataclass(frozen=True)
class Outcome:
    pairs: list[ProposedPair]
    result: Result
    feasible_pairs: int
    mentees: int
    mentors: int
    seconds: float
    # enrolment id → {"side", "code", "candidates", "ranked": [[rule, breaking, only], …]}
    unmatched: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Pins that no longer hold: (mentee id, mentor id, the rules they break now).
    released_pins: list[tuple[int, int, list[Violation]]] = field(default_factory=list)


def _unmatched_entry(
    profile: Profile, others: Sequence[Profile], data: Pool, side: str, code: str
) -> dict[str, Any]:
    entry: dict[str, Any] = {"side": side, "code": code, "candidates": len(others)}
    if code == NO_FEASIBLE_PARTNER:
        counts = rule_counts(profile, others, data.rules, side=side)
        entry["candidates"] = counts.candidates
        entry["ranked"] = [list(row) for row in counts.ranked()]
    return entry


# Why a pin is released although the pair breaks no rule (`messages.PIN_RELEASE_TEXTS`).
PIN_NO_SEAT = "capacity"  # the mentor's seats are taken by tandems the partners have seen
PIN_OTHER_SIDE = "one_side"  # an "either" person now takes part on the other side
PIN_NOT_ACTIVE = "not_active"  # one of the two is no longer enrolled


def _pin_gone(data: Pool, mentee_id: int, mentor_id: int, *, mentee_in_pool: bool) -> str:
    """Why a pinned pair has a partner missing from the pool (a `PIN_*` code)."""
    if mentee_id not in data.active_ids or mentor_id not in data.active_ids:
        return PIN_NOT_ACTIVE
    if not mentee_in_pool:
        # An active mentee is out of the pool only on the other side (or in a seen tandem, which
        # the database allows no pinned proposal beside).
        return PIN_OTHER_SIDE
    if data.side_of_either.get(mentor_id) == "mentee":
        return PIN_OTHER_SIDE
    return PIN_NO_SEAT


def matching_compute(
    *, data: Pool, mode: str = Mode.SCORE, pins: Sequence[tuple[int, int]] = ()
) -> Outcome:
    """Solve the pool exactly; `pins` are (mentee id, mentor id) pairs that must stay."""
    started = time.perf_counter()
    mentees, mentors = data.mentees, data.mentors
    by_mentee = {p.enrolment_id: p for p in mentees}
    by_mentor = {p.enrolment_id: p for p in mentors}
    # The engine speaks in string ids; these map them back to the profiles.
    mentee_of = {str(p.enrolment_id): p for p in mentees}
    mentor_of = {str(p.enrolment_id): p for p in mentors}
    kept_pins: list[tuple[int, int]] = []
    released: list[tuple[int, int, list[Violation]]] = []
    seats = dict(data.mentor_capacity)
    for mentee_id, mentor_id in pins:
        mentee, mentor = by_mentee.get(mentee_id), by_mentor.get(mentor_id)
        if mentee is None or mentor is None:
            # Not in the pool on this side: the pin cannot be held, and its proposal must go
            # (kept, it would take a seat the solver gives away, or a second side).
            code = _pin_gone(data, mentee_id, mentor_id, mentee_in_pool=mentee is not None)
            released.append((mentee_id, mentor_id, [Violation(code)]))
            continue
        problems = pair_violations(mentee, mentor, data.rules)
        if problems:
            released.append((mentee_id, mentor_id, problems))
        elif seats.get(mentor_id, 0) < 1:
            released.append((mentee_id, mentor_id, [Violation(PIN_NO_SEAT)]))
        else:
            seats[mentor_id] -= 1
            kept_pins.append((mentee_id, mentor_id))

    cands = build_candidates(mentees, mentors, data.rules, data.weights, data.topic_priority)
    mentee_keys = [str(p.enrolment_id) for p in mentees]
    mentor_keys = [str(p.enrolment_id) for p in mentors]
    problem = build_problem(
        mentee_ids=mentee_keys,
        mentee_capacity=[1] * len(mentees),
        mentor_ids=mentor_keys,
        mentor_capacity=[data.mentor_capacity[p.enrolment_id] for p in mentors],
        edge_mentee=[mentee_keys[i] for i in cands.mentee_index.tolist()],
        edge_mentor=[mentor_keys[j] for j in cands.mentor_index.tolist()],
        edge_score=cands.score.tolist(),
        pinned=[[str(a), str(b)] for a, b in kept_pins],
    )
    result = solve_problem(problem, mode=mode).result
    pinned = set(kept_pins)
    pairs = []
    for pair in result.pairs:
        mentee, mentor = mentee_of[pair.mentee], mentor_of[pair.mentor]
        breakdown = score_pair(
            mentee, mentor, weights=data.weights, topic_priority=data.topic_priority
        )
        key = (mentee.enrolment_id, mentor.enrolment_id)
        pairs.append(ProposedPair(*key, breakdown=breakdown, pinned=key in pinned))

    unmatched: dict[int, dict[str, Any]] = {}
    checks = (len(result.unmatched_mentees) * len(mentors)) + (
        len(result.unmatched_mentors) * len(mentees)
    )
    explain = checks <= EXPLAIN_BUDGET
    for engine_id, code in result.unmatched_mentees.items():
        profile = mentee_of[engine_id]
        unmatched[profile.enrolment_id] = (
            _unmatched_entry(profile, mentors, data, "mentee", code)
            if explain
            else {"side": "mentee", "code": code, "candidates": len(mentors)}
        )
    for engine_id, code in result.unmatched_mentors.items():
        profile = mentor_of[engine_id]
        unmatched[profile.enrolment_id] = (
            _unmatched_entry(profile, mentees, data, "mentor", code)
            if explain
            else {"side": "mentor", "code": code, "candidates": len(mentees)}
        )
    return Outcome(
        pairs=pairs,
        result=result,
        feasible_pairs=len(cands),
        mentees=len(mentees),
        mentors=len(mentors),
        seconds=time.perf_counter() - started,
        unmatched=unmatched,
        released_pins=released,
    )
