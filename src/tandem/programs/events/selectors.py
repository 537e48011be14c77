"""Reads of a cohort's joint events: the list with RSVP counts, a person's own answers."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tandem.people.models import Person
from tandem.programs.choices import RsvpAnswer
from tandem.programs.events.schedule import PROPOSED_KINDS
from tandem.programs.models import Cohort, CohortEvent, EventResponse


def _with_counts(queryset: QuerySet[CohortEvent]) -> QuerySet[CohortEvent]:
    """Each event with `yes_count`, `maybe_count` and `no_count` (numbers only, no names)."""
    return queryset.annotate(
        yes_count=Count("responses", filter=Q(responses__answer=RsvpAnswer.YES)),
        maybe_count=Count("responses", filter=Q(responses__answer=RsvpAnswer.MAYBE)),
        no_count=Count("responses", filter=Q(responses__answer=RsvpAnswer.NO)),
    )


def cohort_event_list(*, cohort: Cohort) -> QuerySet[CohortEvent]:
    """The cohort's events in time order, with RSVP counts."""
    return _with_counts(
        CohortEvent.objects.filter(cohort=cohort).select_related("cohort__program")
    ).order_by("starts_at", "pk")


def event_get(*, pk: int) -> CohortEvent | None:
    """One event with its cohort and RSVP counts, or None."""
    return (
        _with_counts(CohortEvent.objects.filter(pk=pk).select_related("cohort__program"))
        .order_by()
        .first()
    )


def cohort_missing_event_kinds(*, cohort: Cohort) -> list[str]:
    """Which of kickoff, half-time and closing the cohort does not have yet (in that order)."""
    present = set(CohortEvent.objects.filter(cohort=cohort).values_list("kind", flat=True))
    return [str(kind) for kind in PROPOSED_KINDS if kind not in present]


def person_event_answers(*, person: Person | None, events: list[CohortEvent]) -> dict[int, str]:
    """The person's answers to these events: event id → answer."""
    if person is None or not events:
        return {}
    return dict(
        EventResponse.objects.filter(
            person=person, event_id__in=[event.pk for event in events]
        ).values_list("event_id", "answer")
    )


def event_rsvp_counts(*, event: CohortEvent) -> dict[str, int]:
    """How many answered yes, maybe and no: {"yes": n, "maybe": n, "no": n}."""
    counts = dict(
        EventResponse.objects.filter(event=event)
        .values("answer")
        .annotate(n=Count("pk"))
        .values_list("answer", "n")
    )
    return {answer: counts.get(answer, 0) for answer in RsvpAnswer.values}
