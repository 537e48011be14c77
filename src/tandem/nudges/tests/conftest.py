"""A formed tandem (Jonas mentors Marlene) in a running cohort coordinated by Clara, a clock to
travel with, and the jobs run as the worker runs them (after-commit e-mails executed)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import time_machine
from django.core import mail

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.nudges.services import nudges_run_daily, nudges_run_hourly
from tandem.programs.choices import Phase
from tandem.tandems.tests.factories import TandemFactory

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def travel():
    """``travel(days=…, hours=…)`` moves the clock to START plus that much (ticking)."""
    machine = time_machine.travel(START, tick=False)
    traveller = machine.start()

    def go(**delta: float) -> datetime.datetime:
        moment = START + datetime.timedelta(**delta)
        traveller.move_to(moment)
        return moment

    yield go
    machine.stop()


@pytest.fixture
def pair(travel, coordinator, mentee_person, mentor_person):
    """Formed at START, in a cohort writing English with a monthly cadence."""
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.RUNNING, coordinator=coordinator, languages=["en"], cadence="monthly")
    mentor = EnrolmentFactory(cohort=cohort, person=mentor_person, role=Role.MENTOR)
    mentee = EnrolmentFactory(cohort=cohort, person=mentee_person, role=Role.MENTEE)
    tandem = TandemFactory(cohort=cohort, mentor=mentor, mentee=mentee, confirmed=True)
    return SimpleNamespace(cohort=cohort, tandem=tandem, mentor=mentor, mentee=mentee)


@pytest.fixture
def daily(django_capture_on_commit_callbacks) -> Callable[[], list[mail.EmailMessage]]:
    """Run the daily job; returns the e-mails it sent."""

    def run() -> list[mail.EmailMessage]:
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            nudges_run_daily()
        return list(mail.outbox[before:])

    return run


@pytest.fixture
def hourly(django_capture_on_commit_callbacks) -> Callable[[], list[mail.EmailMessage]]:
    def run() -> list[mail.EmailMessage]:
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            nudges_run_hourly()
        return list(mail.outbox[before:])

    return run


def meeting(tandem: Any, starts_at: datetime.datetime, status: str = "scheduled") -> Any:
    """A meeting of ``tandem`` (held and missed ones closed at their start)."""
    from tandem.workspace.meetings.models import Meeting

    return Meeting.objects.create(
        tandem=tandem,
        starts_at=starts_at,
        duration_minutes=60,
        format="video",
        status=status,
        closed_at=None if status == "scheduled" else starts_at,
    )


def sign_agreement(tandem: Any, at: datetime.datetime) -> None:
    from tandem.workspace.agreements.models import AgreementVersion

    AgreementVersion.objects.create(
        tandem=tandem, number=1, drafted_by="mentor", status="signed", signed_at=at, online=True
    )


def to_of(messages: list[Any]) -> list[str]:
    return sorted(m.to[0] for m in messages)
