"""Reads for the start page: one selector per role, each a fixed number of queries.

* ``participant_home``: the person's current tandems with their state, the next events of their
  cohorts with their own RSVP, and the open tasks (answer a proposal, confirm a tandem, enrol where
  invited, answer an RSVP or a mentor request, accept a new charter), each with a link.
* ``coordinator_home``: the active programs and their cohorts that are not closed, with what needs
  attention — as dates and counts only, never the content of a tandem (R3).

The sponsor's card and the superuser's admin link need no reads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus
from tandem.enrolment.models import ConsentRecord, Enrolment, Invitation
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.people.models import Person
from tandem.programs.choices import Phase
from tandem.programs.models import Charter, Cohort, CohortEvent, EventResponse, Program
from tandem.programs.phases.guards import phase_due
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.selectors_partner import (
    ANSWER,
    COFFEE,
    FORMED,
    PartnerTandem,
    partner_tandem,
    person_tandems,
)
from tandem.workspace.help.models import HelpRequest, HelpStatus

NEXT_EVENTS = 5

# Task kinds; the template words each one.
TASK_ANSWER_PROPOSAL = "answer_proposal"
TASK_CONFIRM_TANDEM = "confirm_tandem"
TASK_ENROL = "enrol"
TASK_RSVP = "rsvp"
TASK_ANSWER_REQUEST = "answer_request"
TASK_ACCEPT_CHARTER = "accept_charter"


@dataclass(frozen=True)
class Task:
    """Something the participant should do, with the page where they do it."""

    kind: str
    url: str
    cohort: Cohort
    subject: str = ""  # the partner's name or the event's title, where the task has one
    when: datetime.datetime | None = None  # the event's start, for an RSVP


@dataclass(frozen=True)
class EventRow:
    event: CohortEvent
    answer: str | None  # "yes", "maybe", "no", or None while unanswered


@dataclass(frozen=True)
class ParticipantHome:
    tandems: list[PartnerTandem]
    events: list[EventRow]
    tasks: list[Task]

    @property
    def has_any(self) -> bool:
        return bool(self.tandems or self.events or self.tasks)


def _current_tandems(person: Person) -> list[PartnerTandem]:
    views = [partner_tandem(tandem=t, person=person) for t in person_tandems(person=person)]
    return [view for view in views if view.is_open or view.state == FORMED]


def _tandem_tasks(views: list[PartnerTandem]) -> list[Task]:
    kinds = {ANSWER: TASK_ANSWER_PROPOSAL, COFFEE: TASK_CONFIRM_TANDEM}
    return [
        Task(
            kind=kinds[view.state],
            url=reverse("tandems:detail", args=[view.tandem.pk]),
            cohort=view.cohort,
            subject=view.partner_person.full_name,
        )
        for view in views
        if view.state in kinds
    ]


def _open_invitations(person: Person) -> list[Task]:
    """Invitations still unanswered to cohorts open for enrolment that the person hasn't joined."""
    enrolled = Enrolment.objects.filter(person=person, status=EnrolmentStatus.ACTIVE).values(
        "cohort_id"
    )
    invitations = (
        Invitation.objects.filter(
            person=person,
            status=InvitationStatus.SENT,
            cohort__phase=Phase.ENROLMENT_OPEN,
            cohort__program__is_active=True,
        )
        .exclude(cohort_id__in=enrolled)
        .select_related("cohort__program")
        .order_by("cohort__starts_on", "cohort__name")
    )
    return [
        Task(
            kind=TASK_ENROL,
            url=reverse("enrolment:enrol", args=[invitation.cohort_id]),
            cohort=invitation.cohort,
        )
        for invitation in invitations
    ]


def _charter_tasks(person: Person) -> list[Task]:
    """Active enrolments of cohorts not closed whose newest charter the person hasn't accepted."""
    newest = Charter.objects.filter(cohort=OuterRef("cohort")).order_by("-version").values("pk")[:1]
    enrolments = (
        Enrolment.objects.filter(person=person, status=EnrolmentStatus.ACTIVE)
        .exclude(cohort__phase=Phase.CLOSED)
        .annotate(newest_charter=Subquery(newest))
        .annotate(
            accepted=Exists(
                ConsentRecord.objects.filter(person=person, charter=OuterRef("newest_charter"))
            )
        )
        .filter(newest_charter__isnull=False, accepted=False)
        .select_related("cohort__program")
        .order_by("cohort__starts_on", "cohort__name")
    )
    return [
        Task(
            kind=TASK_ACCEPT_CHARTER,
            url=reverse("enrolment:consent", args=[enrolment.pk]),
            cohort=enrolment.cohort,
        )
        for enrolment in enrolments
    ]


def _request_tasks(person: Person) -> list[Task]:
    """Mentor requests waiting for this person's answer, one task per cohort."""
    cohorts = {
        request.cohort_id: request.cohort
        for request in MentorRequest.objects.filter(
            mentor__person=person,
            mentor__status=EnrolmentStatus.ACTIVE,
            status=RequestStatus.PENDING,
        )
        .select_related("cohort__program")
        .order_by("created_at", "id")
    }
    return [
        Task(
            kind=TASK_ANSWER_REQUEST,
            url=reverse("matching:incoming_requests", args=[pk]),
            cohort=cohort,
        )
        for pk, cohort in cohorts.items()
    ]


def _next_events(person: Person, now: datetime.datetime) -> list[EventRow]:
    answers = EventResponse.objects.filter(event=OuterRef("pk"), person=person).values("answer")
    enrolled = Enrolment.objects.filter(person=person, status=EnrolmentStatus.ACTIVE).values(
        "cohort_id"
    )
    events = (
        CohortEvent.objects.filter(cohort_id__in=enrolled, starts_at__gte=now)
        .exclude(cohort__phase=Phase.CLOSED)
        .annotate(my_answer=Subquery(answers[:1]))
        .select_related("cohort__program")
        .order_by("starts_at", "pk")[:NEXT_EVENTS]
    )
    return [EventRow(event=event, answer=event.my_answer) for event in events]


def participant_home(*, person: Person, now: datetime.datetime | None = None) -> ParticipantHome:
    """What a participant's start page shows (five queries)."""
    now = now or timezone.now()
    tandems = _current_tandems(person)
    events = _next_events(person, now)
    rsvp = [
        Task(
            kind=TASK_RSVP,
            url=reverse("programs:event_detail", args=[row.event.pk]),
            cohort=row.event.cohort,
            subject=row.event.title,
            when=row.event.starts_at,
        )
        for row in events
        if row.answer is None
    ]
    tasks = [
        *_tandem_tasks(tandems),
        *_request_tasks(person),
        *_open_invitations(person),
        *_charter_tasks(person),
        *rsvp,
    ]
    return ParticipantHome(tandems=tandems, events=events, tasks=tasks)


# The coordinator's home --------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortAttention:
    """A cohort as the coordinator's start page shows it: phase, dates and counts only."""

    cohort: Cohort
    due_phase: Phase | None
    drafts: int  # proposals not yet published
    proposals_waiting: int  # published proposals the partners have not both answered
    requests_waiting: int  # self-directed requests awaiting the coordinator's approval
    invitations_pending: int  # invitations sent and not answered
    is_mine: bool  # the user is the cohort's named contact
    help_open: int = 0  # open requests for help, counted only for the contact who reads them

    @property
    def needs_attention(self) -> bool:
        return bool(
            self.due_phase
            or self.drafts
            or self.proposals_waiting
            or self.requests_waiting
            or self.invitations_pending
            or self.help_open
        )


@dataclass(frozen=True)
class ProgramRow:
    program: Program
    cohorts: list[CohortAttention] = field(default_factory=list)


def _count(queryset) -> Coalesce:
    """A correlated count per cohort (subqueries, so that several counts never multiply)."""
    counted = queryset.filter(cohort=OuterRef("pk")).order_by().values("cohort")
    return Coalesce(
        Subquery(counted.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        Value(0),
    )


def coordinator_home(*, user: User, today: datetime.date | None = None) -> list[ProgramRow]:
    """Active programs with their cohorts that are not closed, and what needs attention in each
    (two queries)."""
    today = today or timezone.localdate()
    cohorts = (
        Cohort.objects.exclude(phase=Phase.CLOSED)
        .annotate(
            drafts=_count(Tandem.objects.filter(status=TandemStatus.PROPOSED)),
            proposals_waiting=_count(Tandem.objects.filter(status=TandemStatus.PUBLISHED)),
            requests_waiting=_count(
                MentorRequest.objects.filter(status=RequestStatus.AWAITING_APPROVAL)
            ),
            invitations_pending=_count(Invitation.objects.filter(status=InvitationStatus.SENT)),
            help_open=Coalesce(
                Subquery(
                    HelpRequest.objects.filter(
                        tandem__cohort=OuterRef("pk"), status=HelpStatus.OPEN
                    )
                    .order_by()
                    .values("tandem__cohort")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("starts_on", "name")
    )
    programs = Program.objects.filter(is_active=True).prefetch_related(
        Prefetch("cohorts", queryset=cohorts, to_attr="open_cohorts")
    )
    return [
        ProgramRow(
            program=program,
            cohorts=[
                CohortAttention(
                    cohort=cohort,
                    due_phase=phase_due(
                        cohort.phase,
                        starts_on=cohort.starts_on,
                        ends_on=cohort.ends_on,
                        today=today,
                    ),
                    drafts=cohort.drafts,
                    proposals_waiting=cohort.proposals_waiting,
                    requests_waiting=cohort.requests_waiting,
                    invitations_pending=cohort.invitations_pending,
                    is_mine=cohort.coordinator_id == user.pk,
                    help_open=cohort.help_open if cohort.coordinator_id == user.pk else 0,
                )
                for cohort in program.open_cohorts
            ],
        )
        for program in programs.order_by("name")
    ]
