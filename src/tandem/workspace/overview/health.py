"""A formed tandem's health, from dates and counts only — never from anything the pair wrote.

`tandem_health(facts)` puts each tandem in one of five states and names the reasons (short codes;
`health_texts.py` turns them into sentences). The facts are exactly those of the coordinator's
row: when the tandem formed (and ended), the cohort's cadence, meetings held, the last meeting
held, the next meeting scheduled, and whether an agreement is signed.

The thresholds, in days, with ``c`` the cohort's cadence (weekly 7, every two weeks 14,
monthly 30):

- **ended** (`ENDED`): the tandem has ended; nothing else is judged.
- **stalled** (`STALLED`): no meeting held for more than ``STALLED_CADENCES × c + GRACE_DAYS``
  (counted from the last meeting held, else from forming) **and** no meeting scheduled at all.
  Two missed meetings plus the grace week: one missed date is life, two with nothing in the
  calendar means the tandem has stopped.
- **needs a check-in** (`CHECK_IN`): the next meeting is overdue — no meeting held for more than
  ``c + GRACE_DAYS`` and none scheduled within the next ``c`` — or no agreement signed
  ``AGREEMENT_DAYS`` after forming (three weeks: the onboarding asks for it in the first
  meeting). A meeting scheduled further away than one cadence does not count as catching up,
  but it does keep the tandem from "stalled": the pair has a plan.
- **too early to tell** (`TOO_EARLY`): formed less than ``c + GRACE_DAYS`` ago, no meeting held
  or scheduled yet and nothing of the above due (a first meeting in the calendar already counts
  as on track).
- **on track** (`ON_TRACK`): everything else.

`GRACE_DAYS` (a week) absorbs a meeting moved by a few days, so a tandem is not flagged for a
holiday. The rule is monotone: while nothing is scheduled, more time passing without a meeting
never makes the state better (`RANK`); a meeting scheduled within one cadence never leaves a
tandem stalled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

GRACE_DAYS = 7
STALLED_CADENCES = 2
AGREEMENT_DAYS = 21

# The cohort's cadence (programs.choices.Cadence values) as days between meetings.
CADENCE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}


class HealthCode(StrEnum):
    ON_TRACK = "on_track"
    CHECK_IN = "check_in"
    STALLED = "stalled"
    TOO_EARLY = "too_early"
    ENDED = "ended"


# How serious a state is (higher: act sooner). "Too early" and "on track" need nothing of a
# coordinator, so they rank alike; the monotone property compares these ranks.
RANK = {
    HealthCode.ENDED: 0,
    HealthCode.TOO_EARLY: 0,
    HealthCode.ON_TRACK: 0,
    HealthCode.CHECK_IN: 1,
    HealthCode.STALLED: 2,
}

# Reason codes (texts in health_texts.py).
ENDED = "ended"
JUST_FORMED = "just_formed"
NEVER_MET = "never_met"
NO_MEETING_FOR_LONG = "no_meeting_for_long"
MEETING_OVERDUE = "meeting_overdue"
NO_AGREEMENT = "no_agreement"
MEETING_SCHEDULED = "meeting_scheduled"
NOTHING_OVERDUE = "nothing_overdue"


@dataclass(frozen=True)
class HealthFacts:
    now: datetime
    formed_at: datetime
    ended_at: datetime | None
    cadence_days: int
    meetings_held: int
    last_meeting_at: datetime | None
    next_meeting_at: datetime | None
    agreement_signed: bool


@dataclass(frozen=True)
class Health:
    code: HealthCode
    reasons: tuple[str, ...]

    @property
    def rank(self) -> int:
        return RANK[self.code]


def cadence_days(cadence: str) -> int:
    """Days between meetings for a cohort's cadence; an unknown value counts as monthly."""
    return CADENCE_DAYS.get(cadence, CADENCE_DAYS["monthly"])


def tandem_health(facts: HealthFacts) -> Health:
    if facts.ended_at is not None:
        return Health(HealthCode.ENDED, (ENDED,))
    cadence = timedelta(days=facts.cadence_days)
    grace = timedelta(days=GRACE_DAYS)
    since = facts.last_meeting_at if facts.last_meeting_at is not None else facts.formed_at
    quiet = facts.now - since
    ahead = facts.next_meeting_at - facts.now if facts.next_meeting_at is not None else None
    upcoming = ahead is not None and ahead > timedelta(0)
    soon = ahead is not None and timedelta(0) < ahead <= cadence
    age = facts.now - facts.formed_at

    stalled: list[str] = []
    check_in: list[str] = []
    if not upcoming and quiet > STALLED_CADENCES * cadence + grace:
        stalled.append(NEVER_MET if facts.meetings_held == 0 else NO_MEETING_FOR_LONG)
    elif not soon and quiet > cadence + grace:
        check_in.append(MEETING_OVERDUE)
    if not facts.agreement_signed and age > timedelta(days=AGREEMENT_DAYS):
        check_in.append(NO_AGREEMENT)

    if stalled:
        return Health(HealthCode.STALLED, tuple(stalled + check_in))
    if check_in:
        return Health(HealthCode.CHECK_IN, tuple(check_in))
    if facts.meetings_held == 0 and age <= cadence + grace and not upcoming:
        return Health(HealthCode.TOO_EARLY, (JUST_FORMED,))
    return Health(HealthCode.ON_TRACK, (MEETING_SCHEDULED if upcoming else NOTHING_OVERDUE,))
