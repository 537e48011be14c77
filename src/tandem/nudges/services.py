"""The nudge jobs: find what is due from stored state, claim it, send it (see the package
docstring). Each pass reads in batches (`selectors.py`), decides with the pure rules (`due.py`)
and claims and sends with `claims.claim_and_send`: a fixed number of queries per batch.

A nudge to someone who may not get it (withdrawn, inactive, no address, reminders switched off
in their notification settings) is claimed like any other but not mailed: the step counts as
done, so the coordinator's check-in still follows when a pair has switched reminders off, and
nobody gets an old nudge later. Nothing goes to a closed cohort's people or an ended tandem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.core.mail import EmailMessage
from django.utils import timezone

from tandem.core.emails import absolute_url
from tandem.enrolment.models import Enrolment
from tandem.matching.models import MentorRequest
from tandem.matching.requests.services import mentor_request_expire
from tandem.nudges import due
from tandem.nudges.claims import Planned, claim_and_send
from tandem.nudges.emails import nudge_email
from tandem.nudges.models import NudgeRule
from tandem.nudges.selectors import (
    BATCH_SIZE,
    CohortContext,
    cohorts_for_nudges,
    email_of,
    emails_opted_out,
    event_invitees,
    formed_tandem_batches,
    pending_request_batches,
    published_proposal_batches,
    reachable,
    sent_steps,
    tandem_facts,
    upcoming_events,
    upcoming_meetings,
)
from tandem.people.models import Person
from tandem.programs.choices import EventKind
from tandem.tandems.models import PartnerAnswer, Tandem
from tandem.workspace.meetings.models import MeetingFormat


@dataclass
class NudgeRun:
    """What one run of a job claimed, by rule (for the log and the benchmark)."""

    claimed: dict[str, int] = field(default_factory=dict)
    batches: int = 0

    def add(self, rule: str, count: int) -> None:
        self.claimed[rule] = self.claimed.get(rule, 0) + count

    @property
    def total(self) -> int:
        return sum(self.claimed.values())


class _Plan:
    """The nudges of one batch. Recipients are collected first, so that the opt-outs are read
    in one query for the whole batch."""

    def __init__(self) -> None:
        self.items: list[tuple[Planned, Person | None, Enrolment | None]] = []

    def add(
        self,
        *,
        rule: str,
        subject: str,
        step: int,
        cohort: CohortContext,
        to: Person | None,
        enrolment: Enrolment | None = None,
        email: str = "",
        build: Callable[[str], EmailMessage],
        effect: Callable[[], bool] | None = None,
    ) -> None:
        address = email_of(to) if to is not None else email.strip().lower()
        if not address:
            return
        item = Planned(
            rule=rule,
            subject=subject,
            step=step,
            recipient=address,
            cohort_id=cohort.cohort.pk,
            build=lambda: build(address),
            effect=effect,
        )
        self.items.append((item, to, enrolment))

    def claim(self, *, now: datetime) -> int:
        opted_out = emails_opted_out(emails={item.recipient for item, _p, _e in self.items})
        planned = []
        for item, person, enrolment in self.items:
            mailable = item.recipient not in opted_out and (
                person is None or reachable(person, enrolment)
            )
            if not mailable:
                item = replace(item, mail=False)
            planned.append(item)
        return claim_and_send(planned=planned, now=now)


def _partners(tandem: Tandem) -> tuple[tuple[str, Enrolment, Enrolment], ...]:
    """Each side with its enrolment and the partner's."""
    return (("mentor", tandem.mentor, tandem.mentee), ("mentee", tandem.mentee, tandem.mentor))


def _proposals(
    cohorts: dict[int, CohortContext], now: datetime, batch_size: int, run: NudgeRun
) -> None:
    for batch in published_proposal_batches(cohort_ids=cohorts, batch_size=batch_size):
        sent = sent_steps(
            rules=[NudgeRule.PROPOSAL],
            subjects=[f"{t.pk}:{side}" for t in batch for side in ("mentor", "mentee")],
        )
        plan = _Plan()
        for tandem in batch:
            cohort = cohorts[tandem.cohort_id]
            assert tandem.published_at is not None  # selected so
            for side, enrolment, partner in _partners(tandem):
                if getattr(tandem, f"{side}_answer") != PartnerAnswer.PENDING:
                    continue
                subject = f"{tandem.pk}:{side}"
                step = due.proposal_step(
                    now=now,
                    published_at=tandem.published_at,
                    timings=cohort.timings,
                    sent=list(sent.get((NudgeRule.PROPOSAL, subject), {})),
                )
                if step is None:
                    continue
                values = {
                    "person": enrolment.person,
                    "partner": partner.person,
                    "second": step == due.SECOND,
                    "link": absolute_url("tandems:detail", tandem.pk),
                }
                plan.add(
                    rule=NudgeRule.PROPOSAL,
                    subject=subject,
                    step=step,
                    cohort=cohort,
                    to=enrolment.person,
                    enrolment=enrolment,
                    build=_builder("proposal", cohort, values),
                )
        run.add(NudgeRule.PROPOSAL, plan.claim(now=now))
        run.batches += 1


def _builder(
    kind: str, cohort: CohortContext, values: dict[str, Any]
) -> Callable[[str], EmailMessage]:
    return lambda to: nudge_email(kind=kind, cohort=cohort, to=to, values=values)


def _expire(request: MentorRequest) -> Callable[[], bool]:
    return lambda: mentor_request_expire(request=request, actor=None)


def _requests(
    cohorts: dict[int, CohortContext], now: datetime, batch_size: int, run: NudgeRun
) -> None:
    for batch in pending_request_batches(cohort_ids=cohorts, batch_size=batch_size):
        sent = sent_steps(rules=[NudgeRule.REQUEST], subjects=[str(r.pk) for r in batch])
        plan = _Plan()
        for request in batch:
            cohort = cohorts[request.cohort_id]
            step = due.request_step(
                now=now,
                sent_at=request.created_at,
                timings=cohort.timings,
                sent=list(sent.get((NudgeRule.REQUEST, str(request.pk)), {})),
            )
            if step is None:
                continue
            values = {
                "mentor": request.mentor.person,
                "mentee": request.mentee.person,
                "sent_on": request.created_at,
                "close_days": cohort.timings.request_close_days,
            }
            if step == due.FIRST:
                values["link"] = absolute_url("matching:incoming_requests", request.cohort_id)
                plan.add(
                    rule=NudgeRule.REQUEST,
                    subject=str(request.pk),
                    step=step,
                    cohort=cohort,
                    to=request.mentor.person,
                    enrolment=request.mentor,
                    build=_builder("request_reminder", cohort, values),
                )
            else:
                values["link"] = absolute_url("matching:find_mentor", request.cohort_id)
                plan.add(
                    rule=NudgeRule.REQUEST,
                    subject=str(request.pk),
                    step=step,
                    cohort=cohort,
                    to=request.mentee.person,
                    enrolment=request.mentee,
                    build=_builder("request_closed", cohort, values),
                    effect=_expire(request),
                )
        run.add(NudgeRule.REQUEST, plan.claim(now=now))
        run.batches += 1


def _schedule_link(tandem: Tandem, due_at: datetime, now: datetime) -> str:
    """The meeting form with the date filled in: the day the meeting was due, or tomorrow when
    that has passed."""
    day: date = max(timezone.localdate(due_at), timezone.localdate(now) + timedelta(days=1))
    return absolute_url("workspace:meeting_new", tandem.formed_key) + f"?date={day.isoformat()}"


def _tandems(
    cohorts: dict[int, CohortContext], now: datetime, batch_size: int, run: NudgeRun
) -> None:
    """No agreement, no meeting scheduled, and the check-ins that follow them."""
    for batch in formed_tandem_batches(cohort_ids=cohorts, batch_size=batch_size):
        facts = tandem_facts(tandem_ids=[t.pk for t in batch])
        anchors = {
            t.pk: due.meeting_anchor(
                formed_at=_formed(t), last_meeting_at=facts[t.pk].last_meeting_at
            )
            for t in batch
        }
        subjects = {t.pk: str(t.pk) for t in batch}
        gaps = {t.pk: f"{t.pk}:{anchors[t.pk]:%Y%m%d%H%M}" for t in batch}
        sent = sent_steps(
            rules=[NudgeRule.AGREEMENT, NudgeRule.MEETING_DUE],
            subjects=[*subjects.values(), *gaps.values()],
        )
        plan = _Plan()
        for tandem in batch:
            cohort, fact = cohorts[tandem.cohort_id], facts[tandem.pk]
            step = due.agreement_step(
                now=now,
                formed_at=_formed(tandem),
                signed=fact.agreement_signed_at is not None,
                timings=cohort.timings,
                sent=sent.get((NudgeRule.AGREEMENT, subjects[tandem.pk]), {}),
            )
            if step is not None:
                _nudge_or_check_in(
                    plan,
                    NudgeRule.AGREEMENT,
                    subjects[tandem.pk],
                    step,
                    tandem,
                    cohort,
                    {
                        "link": absolute_url("workspace:agreement", tandem.formed_key),
                        "formed_on": _formed(tandem),
                        "reason": "agreement",
                    },
                )
            step = due.meeting_due_step(
                now=now,
                formed_at=_formed(tandem),
                last_meeting_at=fact.last_meeting_at,
                next_meeting_at=fact.next_meeting_at,
                cadence_days=cohort.cadence_days,
                timings=cohort.timings,
                sent=sent.get((NudgeRule.MEETING_DUE, gaps[tandem.pk]), {}),
            )
            if step is not None:
                due_at = anchors[tandem.pk] + timedelta(days=cohort.cadence_days)
                _nudge_or_check_in(
                    plan,
                    NudgeRule.MEETING_DUE,
                    gaps[tandem.pk],
                    step,
                    tandem,
                    cohort,
                    {
                        "link": _schedule_link(tandem, due_at, now),
                        "due_on": due_at,
                        "last_meeting_on": fact.last_meeting_at,
                        "formed_on": _formed(tandem),
                        "reason": "meeting",
                    },
                )
        run.add("tandems", plan.claim(now=now))
        run.batches += 1


def _formed(tandem: Tandem) -> datetime:
    assert tandem.confirmed_at is not None  # a formed tandem has its time (a constraint)
    return tandem.confirmed_at


def _nudge_or_check_in(
    plan: _Plan,
    rule: str,
    subject: str,
    step: int,
    tandem: Tandem,
    cohort: CohortContext,
    values: dict[str, Any],
) -> None:
    """Step 1 to both partners; step 2 to the cohort's contact: "needs a check-in" with the
    partners' names, the dates and the link to the coordinator's view — nothing else."""
    if step == due.FIRST:
        kind = "agreement" if rule == NudgeRule.AGREEMENT else "meeting_due"
        for _side, enrolment, partner in _partners(tandem):
            plan.add(
                rule=rule,
                subject=subject,
                step=step,
                cohort=cohort,
                to=enrolment.person,
                enrolment=enrolment,
                build=_builder(
                    kind, cohort, {**values, "person": enrolment.person, "partner": partner.person}
                ),
            )
        return
    if cohort.contact is None:
        return
    check_in = {
        "mentor": tandem.mentor.person,
        "mentee": tandem.mentee.person,
        "formed_on": values["formed_on"],
        "due_on": values.get("due_on"),
        "last_meeting_on": values.get("last_meeting_on"),
        "reason": values["reason"],
        "link": absolute_url("workspace:coordinator_sees", tandem.formed_key),
    }
    plan.add(
        rule=rule,
        subject=subject,
        step=step,
        cohort=cohort,
        to=None,
        email=cohort.contact["email"],
        build=_builder("check_in", cohort, check_in),
    )


def _events(cohorts: dict[int, CohortContext], now: datetime, run: NudgeRun) -> None:
    """Kickoff, half-time and closing: to every member who has not declined, N days before."""
    longest = max((c.timings.event_reminder_days for c in cohorts.values()), default=0)
    events = upcoming_events(cohort_ids=cohorts, now=now, within=timedelta(days=longest))
    subjects = {e.pk: f"{e.pk}:{e.starts_at:%Y%m%d%H%M}" for e in events}
    # One read of what was reminded already (a moved event has a new subject), not one per event.
    sent = sent_steps(rules=[NudgeRule.EVENT_REMINDER], subjects=subjects.values())
    for event in events:
        cohort = cohorts[event.cohort_id]
        ahead = timedelta(days=cohort.timings.event_reminder_days)
        if not cohort.timings.event_reminders_on or not due.reminder_due(
            now=now, starts_at=event.starts_at, ahead=ahead
        ):
            continue
        subject = subjects[event.pk]
        if (NudgeRule.EVENT_REMINDER, subject) in sent:
            continue
        plan = _Plan()
        for member in event_invitees(event=event):
            plan.add(
                rule=NudgeRule.EVENT_REMINDER,
                subject=subject,
                step=1,
                cohort=cohort,
                to=member.person,
                enrolment=member,
                build=_builder(
                    "event_reminder",
                    cohort,
                    {
                        "person": member.person,
                        "event": event,
                        "kind": EventKind(event.kind).label,  # lazy: in the e-mail's language
                        "link": absolute_url("programs:event_detail", event.pk),
                    },
                ),
            )
        run.add(NudgeRule.EVENT_REMINDER, plan.claim(now=now))
        run.batches += 1


def nudges_run_daily(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> NudgeRun:
    """The daily job: proposals, requests, agreements, meetings due (and their check-ins),
    event reminders. Safe to run twice and after downtime (see `due.py`)."""
    now = now or timezone.now()
    cohorts = cohorts_for_nudges()
    run = NudgeRun()
    _proposals(cohorts, now, batch_size, run)
    _requests(cohorts, now, batch_size, run)
    _tandems(cohorts, now, batch_size, run)
    _events(cohorts, now, run)
    return run


def nudges_run_hourly(*, now: datetime | None = None) -> NudgeRun:
    """The hourly job: a reminder before each scheduled meeting to both partners, with the link
    to the meeting and its agenda. A moved meeting is a new reminder (its start is in the key);
    a cancelled or past one gets none."""
    now = now or timezone.now()
    cohorts = cohorts_for_nudges()
    run = NudgeRun()
    plan = _Plan()
    longest = max(
        (
            c.timings.meeting_reminder_hours
            for c in cohorts.values()
            if c.timings.meeting_reminders_on
        ),
        default=0,
    )
    meetings = upcoming_meetings(now=now, within=timedelta(hours=longest))
    subjects = {m.pk: f"{m.pk}:{m.starts_at:%Y%m%d%H%M}" for m in meetings}
    sent = sent_steps(rules=[NudgeRule.MEETING_REMINDER], subjects=subjects.values())
    for meeting in meetings:
        tandem = meeting.tandem
        cohort = cohorts.get(tandem.cohort_id)
        subject = subjects[meeting.pk]
        if cohort is None or not cohort.timings.meeting_reminders_on:
            continue
        ahead = timedelta(hours=cohort.timings.meeting_reminder_hours)
        if (NudgeRule.MEETING_REMINDER, subject) in sent or not due.reminder_due(
            now=now, starts_at=meeting.starts_at, ahead=ahead
        ):
            continue
        link = absolute_url("workspace:meeting_detail", tandem.formed_key, meeting.pk)
        for _side, enrolment, partner in _partners(tandem):
            plan.add(
                rule=NudgeRule.MEETING_REMINDER,
                subject=subject,
                step=1,
                cohort=cohort,
                to=enrolment.person,
                enrolment=enrolment,
                build=_builder(
                    "meeting_reminder",
                    cohort,
                    {
                        "person": enrolment.person,
                        "partner": partner.person,
                        "meeting": meeting,
                        "format": MeetingFormat(meeting.format).label,
                        "link": link,
                    },
                ),
            )
    run.add(NudgeRule.MEETING_REMINDER, plan.claim(now=now))
    run.batches += 1
    return run
