"""When a nudge is due: pure functions on dates, counts and a cohort's timings (no database).

Every rule is a list of steps, each with the moment it becomes due; `due_step` picks the step to
send now. It is what makes the jobs safe to repeat and to run late:

- nothing is due before its moment;
- a step already sent is never due again, nor one below it (after a week of downtime the
  proposal's second reminder goes out alone, not both at once);
- whatever came due while the job did not run is due now, so nothing is missed.

The meeting and agreement thresholds are those of a tandem's health
(`workspace/overview/health.py`): with the default timings the first nudge goes out the day the
coordinator's overview starts showing "needs a check-in" for the same reason (`GRACE_DAYS` after
a meeting was due by the cohort's cadence; `AGREEMENT_DAYS` after forming). A coordinator may
change them per cohort.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tandem.workspace.overview.health import AGREEMENT_DAYS, GRACE_DAYS

FIRST, SECOND = 1, 2


@dataclass(frozen=True)
class Timings:
    """A cohort's timings (`CohortNudgeTimings`; these defaults when it has none)."""

    proposal_first_days: int = 3
    proposal_second_days: int = 7
    request_reminder_days: int = 7
    request_close_days: int = 14
    agreement_days: int = AGREEMENT_DAYS
    meeting_grace_days: int = GRACE_DAYS
    escalate_after_days: int = 7
    meeting_reminder_hours: int = 24
    event_reminder_days: int = 3
    proposals_on: bool = True
    requests_on: bool = True
    agreement_on: bool = True
    meetings_due_on: bool = True
    escalation_on: bool = True
    meeting_reminders_on: bool = True
    event_reminders_on: bool = True


DEFAULT_TIMINGS = Timings()


def due_step(
    *, now: datetime, moments: Sequence[datetime | None], sent: Sequence[int]
) -> int | None:
    """The step (1-based) to send now: the latest whose moment has come (None: not yet known),
    unless it or a later one was sent already."""
    due = None
    for step, moment in enumerate(moments, start=1):
        if moment is not None and moment <= now:
            due = step
    if due is None or any(step >= due for step in sent):
        return None
    return due


def proposal_step(
    *, now: datetime, published_at: datetime, timings: Timings, sent: Sequence[int]
) -> int | None:
    """A partner has not answered a published proposal: reminded after the first and the second
    number of days."""
    if not timings.proposals_on:
        return None
    moments = (
        published_at + timedelta(days=timings.proposal_first_days),
        published_at + timedelta(days=timings.proposal_second_days),
    )
    return due_step(now=now, moments=moments, sent=sent)


def request_step(
    *, now: datetime, sent_at: datetime, timings: Timings, sent: Sequence[int]
) -> int | None:
    """A mentee's request waits for the mentor: step 1 reminds the mentor, step 2 closes the
    request (and tells the mentee kindly)."""
    if not timings.requests_on:
        return None
    moments = (
        sent_at + timedelta(days=timings.request_reminder_days),
        sent_at + timedelta(days=timings.request_close_days),
    )
    return due_step(now=now, moments=moments, sent=sent)


def _escalating(
    *, now: datetime, first_at: datetime, timings: Timings, sent: Mapping[int, datetime]
) -> int | None:
    """Step 1 to the partners at ``first_at``; step 2, the check-in to the cohort's contact,
    ``escalate_after_days`` after step 1 went out while the condition still holds."""
    first_sent = sent.get(FIRST)
    second_at = (
        first_sent + timedelta(days=timings.escalate_after_days)
        if first_sent is not None and timings.escalation_on
        else None
    )
    return due_step(now=now, moments=(first_at, second_at), sent=list(sent))


def agreement_step(
    *,
    now: datetime,
    formed_at: datetime,
    signed: bool,
    timings: Timings,
    sent: Mapping[int, datetime],
) -> int | None:
    """No agreement signed ``agreement_days`` after forming."""
    if signed or not timings.agreement_on:
        return None
    first_at = formed_at + timedelta(days=timings.agreement_days)
    return _escalating(now=now, first_at=first_at, timings=timings, sent=sent)


def meeting_anchor(*, formed_at: datetime, last_meeting_at: datetime | None) -> datetime:
    """What the next meeting is counted from: the last meeting held, else the forming. A nudge
    is about one anchor: after a new meeting is held, a later gap is a new one."""
    return last_meeting_at if last_meeting_at is not None else formed_at


def meeting_due_step(
    *,
    now: datetime,
    formed_at: datetime,
    last_meeting_at: datetime | None,
    next_meeting_at: datetime | None,
    cadence_days: int,
    timings: Timings,
    sent: Mapping[int, datetime],
) -> int | None:
    """No meeting scheduled although the cadence says one is due: ``meeting_grace_days`` after
    the due date (the anchor plus one cadence) while nothing is in the calendar."""
    if not timings.meetings_due_on:
        return None
    if next_meeting_at is not None and next_meeting_at > now:
        return None
    due_on = meeting_anchor(formed_at=formed_at, last_meeting_at=last_meeting_at) + timedelta(
        days=cadence_days
    )
    first_at = due_on + timedelta(days=timings.meeting_grace_days)
    return _escalating(now=now, first_at=first_at, timings=timings, sent=sent)


def meeting_due_date(
    *, formed_at: datetime, last_meeting_at: datetime | None, cadence_days: int
) -> datetime:
    """When the cadence said the next meeting was due (for the "schedule now" link)."""
    anchor = meeting_anchor(formed_at=formed_at, last_meeting_at=last_meeting_at)
    return anchor + timedelta(days=cadence_days)


def reminder_due(*, now: datetime, starts_at: datetime, ahead: timedelta) -> bool:
    """A reminder before a meeting or an event: from ``ahead`` before it until it starts (a job
    that ran late still reminds, never after the start)."""
    return now < starts_at <= now + ahead
