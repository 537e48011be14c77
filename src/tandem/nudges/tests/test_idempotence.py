"""Every job run twice sends each e-mail once; a claim taken by one worker is not taken again."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable

import pytest
from django.core.mail import EmailMessage

from tandem.matching.models import MentorRequest
from tandem.nudges.claims import Planned, claim_and_send
from tandem.nudges.models import SentNudge
from tandem.nudges.tests.conftest import START, meeting
from tandem.programs.choices import EventKind
from tandem.programs.tests.factories import CohortEventFactory
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db


def test_every_job_twice_sends_every_e_mail_once(pair, travel, daily, hourly):
    TandemFactory(cohort=pair.cohort, published=True, published_at=START)
    other = TandemFactory(cohort=pair.cohort, confirmed=True)
    MentorRequest.objects.create(
        cohort=pair.cohort, mentee=other.mentee, mentor=pair.mentor, goals="g", offer="o"
    )
    travel(days=40)
    meeting(other, START + datetime.timedelta(days=40, hours=12))
    CohortEventFactory(
        cohort=pair.cohort, kind=EventKind.CLOSING, starts_at=START + datetime.timedelta(days=42)
    )
    first = daily() + hourly()
    kinds = Counter(m.subject.split(":")[0] for m in first)
    assert len(first) >= 10, kinds
    assert daily() + hourly() == []
    keys = Counter((m.to[0], m.subject) for m in first)
    assert max(keys.values()) == 1


def _message(address: str) -> Callable[[], EmailMessage]:
    return lambda: EmailMessage("Hi", "Body", to=[address])


def _planned(cohort_id: int) -> list[Planned]:
    return [
        Planned(
            rule="meeting",
            subject="1:202603020900",
            step=1,
            recipient=address,
            cohort_id=cohort_id,
            build=_message(address),
        )
        for address in ("a@example.com", "b@example.com", "a@example.com")
    ]


def test_a_claim_is_taken_once_even_when_planned_twice(pair, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert claim_and_send(planned=_planned(pair.cohort.pk), now=START) == 2
        # a second worker with the same plan: the unique key says it is taken
        assert claim_and_send(planned=_planned(pair.cohort.pk), now=START) == 0
    assert SentNudge.objects.count() == 2
