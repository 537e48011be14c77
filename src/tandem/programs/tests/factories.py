"""Test factories of the programs app: programs, cohorts, charters, joint events and answers.

A cohort for a test comes from one of two places:

- `CohortFactory(phase=...)`: the bare row (no charter, no coordinator unless given);
- `cohort_in(phase, coordinator)`: a cohort in that phase as the phase needs it, with its charter
  (version 1), the given coordinator (none by default) and any other field.

The enrolments in a cohort come from `tandem.enrolment.tests.factories` (`EnrolmentFactory` for a
row, `enrol` through the enrolment service).
"""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from tandem.people.tests.factories import UserFactory
from tandem.programs.choices import EventKind, Phase
from tandem.programs.cohorts.defaults import add_months
from tandem.programs.models import Charter, Cohort, CohortEvent, EventResponse, Program

BERLIN = ZoneInfo("Europe/Berlin")


def _start() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=30)


class ProgramFactory(factory.django.DjangoModelFactory[Program]):
    class Meta:
        model = Program
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Program {n}")
    purpose = "Juniors mentor seniors on digital topics."


class CohortFactory(factory.django.DjangoModelFactory[Cohort]):
    """A draft cohort starting in 30 days and running six months; no coordinator yet."""

    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Round {n}")
    phase = Phase.DRAFT
    starts_on = factory.LazyFunction(_start)
    ends_on = factory.LazyAttribute(lambda o: add_months(o.starts_on, 6))
    coordinator = None
    languages = factory.LazyFunction(lambda: ["de", "en"])
    pilot_max_tandems = factory.LazyAttribute(lambda o: 5 if o.is_pilot else None)
    is_pilot = False


class CharterFactory(factory.django.DjangoModelFactory[Charter]):
    class Meta:
        model = Charter

    cohort = factory.SubFactory(CohortFactory)
    version = factory.LazyAttribute(
        lambda o: (
            (o.cohort.charters.order_by("-version").values_list("version", flat=True).first() or 0)
            + 1
        )
    )
    confidentiality_text = "What is said in the tandem stays in the tandem."
    data_processing_text = "We store your profile for matching and delete it after the round."


def cohort_in(
    phase: str, coordinator: User | None = None, *, charter: bool = True, **fields: Any
) -> Cohort:
    """A cohort in `phase` with `coordinator` (None: nobody named) and, unless `charter=False`,
    its published charter (version 1); any other field of `CohortFactory` may be given."""
    cohort = CohortFactory.create(phase=phase, coordinator=coordinator, **fields)
    if charter:
        CharterFactory.create(cohort=cohort)
    return cohort


def coordinator_user(email: str = "kai.koordinator@example.com") -> User:
    """An account with the coordinator role (another one than the `coordinator` persona)."""
    user = UserFactory.create(email=email)
    user.groups.add(Group.objects.get(name="coordinator"))
    return user


def local(day: datetime.date, hour: int = 16, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


class CohortEventFactory(factory.django.DjangoModelFactory[CohortEvent]):
    """An "other" event on the cohort's first day, 16:00 Berlin time, in room 4.01."""

    class Meta:
        model = CohortEvent

    cohort = factory.SubFactory(CohortFactory)
    kind = EventKind.OTHER
    title = factory.Sequence(lambda n: f"Event {n}")
    starts_at = factory.LazyAttribute(lambda o: local(o.cohort.starts_on))
    duration_minutes = 90
    place = "Room 4.01"
    video_url = ""
    agenda = "Welcome\nGoals"


class EventResponseFactory(factory.django.DjangoModelFactory[EventResponse]):
    class Meta:
        model = EventResponse

    event = factory.SubFactory(CohortEventFactory)
    person = None
    answer = "yes"
