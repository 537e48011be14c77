"""Reads of what may be due, in batches with a fixed number of queries each (benchmark:
`benchmarks/daily_nudges.py`). The decisions themselves are pure (`due.py`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q

from tandem.accounts.notifications.selectors import emails_without_reminders
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.models import Enrolment
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.nudges.due import DEFAULT_TIMINGS, Timings
from tandem.nudges.models import CohortNudgeTimings, SentNudge
from tandem.people.models import Person
from tandem.programs.choices import EventKind, Phase, RsvpAnswer
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.emails import cohort_email_language
from tandem.programs.models import Cohort, CohortEvent, EventResponse
from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.agreements.selectors import progress_facts as agreement_facts
from tandem.workspace.meetings.models import Meeting, MeetingStatus
from tandem.workspace.meetings.selectors import progress_facts as meeting_facts
from tandem.workspace.overview.health import cadence_days

BATCH_SIZE = 500
# Phases in which a cohort's people get nudges (a draft has nobody yet; a closed cohort is over).
ACTIVE_PHASES = (Phase.ENROLMENT_OPEN, Phase.MATCHING, Phase.RUNNING, Phase.CLOSING)
REMINDED_EVENT_KINDS = (EventKind.KICKOFF, EventKind.HALFTIME, EventKind.CLOSING)
SentSteps = dict[tuple[str, str], dict[int, datetime]]


@dataclass(frozen=True)
class CohortContext:
    """A cohort as the jobs need it, read once per run: its timings, contact and language."""

    cohort: Cohort
    timings: Timings
    contact: dict[str, str] | None
    language: str

    @property
    def cadence_days(self) -> int:
        return cadence_days(self.cohort.cadence)


def cohort_timings(*, cohort: Cohort) -> Timings:
    row = CohortNudgeTimings.objects.filter(cohort=cohort).first()
    return row.as_timings() if row is not None else DEFAULT_TIMINGS


def cohorts_for_nudges() -> dict[int, CohortContext]:
    """Every cohort whose people may be nudged, with its timings (defaults where it has none)
    and contact: a few queries per cohort, once per run (cohorts are few)."""
    cohorts = list(
        Cohort.objects.filter(phase__in=ACTIVE_PHASES).select_related("program", "coordinator")
    )
    timings = {
        row.cohort_id: row.as_timings()
        for row in CohortNudgeTimings.objects.filter(cohort__in=cohorts)
    }
    return {
        cohort.pk: CohortContext(
            cohort=cohort,
            timings=timings.get(cohort.pk, DEFAULT_TIMINGS),
            contact=cohort_contact(cohort=cohort),
            language=cohort_email_language(cohort=cohort),
        )
        for cohort in cohorts
    }


def emails_opted_out(*, emails: Iterable[str]) -> set[str]:
    """The lower-cased addresses among ``emails`` whose owners want no reminders (one query).

    The one place that asks the personal notification settings (accounts.notifications)."""
    return emails_without_reminders(emails=emails)


def reachable(person: Person, enrolment: Enrolment | None = None) -> bool:
    """A person a nudge may go to: active, with an address, and (for an enrolment) not withdrawn."""
    if not person.is_active or not person.email:
        return False
    return enrolment is None or enrolment.status == EnrolmentStatus.ACTIVE


def email_of(person: Person) -> str:
    return person.email.strip().lower()


def sent_steps(*, rules: Iterable[str], subjects: Iterable[str]) -> SentSteps:
    """For each (rule, subject) the steps already sent and when the first of each went out
    (one query)."""
    found: SentSteps = defaultdict(dict)
    rows = SentNudge.objects.filter(rule__in=list(rules), subject__in=list(subjects)).values_list(
        "rule", "subject", "step", "sent_at"
    )
    for rule, subject, step, sent_at in rows:
        steps = found[(rule, subject)]
        if step not in steps or sent_at < steps[step]:
            steps[step] = sent_at
    return found


def _batches(queryset: Any, batch_size: int) -> Iterator[list[Any]]:
    """Keyset pages of ``queryset`` by primary key: one query a batch, however many rows."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


# What the jobs read of a tandem and its partners: loading whole rows (a person has many fields)
# cost more than all the queries (benchmarks/daily_nudges.py).
_PARTNER_FIELDS = tuple(
    f"{side}__{name}"
    for side in ("mentor", "mentee")
    for name in (
        "status",
        "person__first_name",
        "person__last_name",
        "person__email",
        "person__is_active",
    )
)
_TANDEM_FIELDS = ("cohort_id", "status", "confirmed_at", "formed_key", *_PARTNER_FIELDS)


def formed_tandem_batches(
    *, cohort_ids: Iterable[int], batch_size: int = BATCH_SIZE
) -> Iterator[list[Tandem]]:
    """The running (formed, not ended) tandems of these cohorts with their partners."""
    tandems = (
        Tandem.objects.filter(status=TandemStatus.CONFIRMED, cohort_id__in=list(cohort_ids))
        .select_related("mentor__person", "mentee__person")
        .only(*_TANDEM_FIELDS)
    )
    return _batches(tandems, batch_size)


@dataclass(frozen=True)
class TandemFacts:
    """Dates and counts of one formed tandem, as its health is judged from (never content)."""

    agreement_signed_at: datetime | None = None
    last_meeting_at: datetime | None = None
    next_meeting_at: datetime | None = None


def tandem_facts(*, tandem_ids: list[int]) -> dict[int, TandemFacts]:
    """The agreement's and the meetings' facts of these tandems, read by the workspace features'
    own `progress_facts` (the coordinator's overview reads the same): three queries."""
    agreements = agreement_facts(tandem_ids=tandem_ids)
    meetings = meeting_facts(tandem_ids=tandem_ids)
    return {
        pk: TandemFacts(
            agreement_signed_at=agreements.get(pk, {}).get("agreement_signed_at"),
            last_meeting_at=meetings.get(pk, {}).get("last_meeting_at"),
            next_meeting_at=meetings.get(pk, {}).get("next_meeting_at"),
        )
        for pk in tandem_ids
    }


def published_proposal_batches(
    *, cohort_ids: Iterable[int], batch_size: int = BATCH_SIZE
) -> Iterator[list[Tandem]]:
    """Proposals both partners see, at least one of whom has not answered yet."""
    proposals = (
        Tandem.objects.filter(
            status=TandemStatus.PUBLISHED,
            cohort_id__in=list(cohort_ids),
            published_at__isnull=False,
        )
        .filter(Q(mentor_answer="pending") | Q(mentee_answer="pending"))
        .select_related("mentor__person", "mentee__person")
    )
    return _batches(proposals, batch_size)


def pending_request_batches(
    *, cohort_ids: Iterable[int], batch_size: int = BATCH_SIZE
) -> Iterator[list[MentorRequest]]:
    """Requests still waiting for the mentor's answer."""
    requests = MentorRequest.objects.filter(
        status=RequestStatus.PENDING, cohort_id__in=list(cohort_ids)
    ).select_related("mentor__person", "mentee__person")
    return _batches(requests, batch_size)


def upcoming_meetings(*, now: datetime, within: timedelta) -> list[Meeting]:
    """Scheduled meetings of running tandems starting in the next ``within`` (one query)."""
    return list(
        Meeting.objects.filter(
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=now,
            starts_at__lte=now + within,
            tandem__status=TandemStatus.CONFIRMED,
        )
        .select_related("tandem__mentor__person", "tandem__mentee__person")
        .order_by("starts_at", "pk")
    )


def upcoming_events(
    *, cohort_ids: Iterable[int], now: datetime, within: timedelta
) -> list[CohortEvent]:
    """Kickoff, half-time and closing events starting in the next ``within`` (one query)."""
    return list(
        CohortEvent.objects.filter(
            cohort_id__in=list(cohort_ids),
            kind__in=REMINDED_EVENT_KINDS,
            starts_at__gt=now,
            starts_at__lte=now + within,
        ).order_by("starts_at", "pk")
    )


def event_invitees(*, event: CohortEvent) -> list[Enrolment]:
    """The cohort's members who have not said they cannot come (two queries)."""
    declined = set(
        EventResponse.objects.filter(event=event, answer=RsvpAnswer.NO).values_list(
            "person_id", flat=True
        )
    )
    members = Enrolment.objects.filter(
        cohort_id=event.cohort_id, status=EnrolmentStatus.ACTIVE
    ).select_related("person")
    return [member for member in members if member.person_id not in declined]
