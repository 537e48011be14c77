"""Factories of joint events and the minimal enrolment an RSVP needs."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import factory

from tandem.enrolment.models import Enrolment
from tandem.programs.choices import EventKind
from tandem.programs.models import CohortEvent, EventResponse
from tandem.programs.tests.factories import CohortFactory

BERLIN = ZoneInfo("Europe/Berlin")


def local(day: datetime.date, hour: int = 16, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


class CohortEventFactory(factory.django.DjangoModelFactory):
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


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An active enrolment, created directly (no enrolment services needed)."""

    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    person = None
    role = "mentor"


class EventResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventResponse

    event = factory.SubFactory(CohortEventFactory)
    person = None
    answer = "yes"
