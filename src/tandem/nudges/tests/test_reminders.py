"""Reminders: a meeting a day before (hourly job), cohort events some days before (daily job)."""

from __future__ import annotations

import datetime

import pytest

from tandem.enrolment.choices import EnrolmentStatus
from tandem.nudges.models import SentNudge
from tandem.nudges.tests.conftest import START, meeting, to_of
from tandem.programs.choices import EventKind
from tandem.programs.tests.factories import CohortEventFactory, EventResponseFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_both_partners_are_reminded_a_day_before_with_the_meeting_link(pair, travel, hourly):
    upcoming = meeting(pair.tandem, START + 3 * DAY)
    travel(days=1, hours=23)
    assert hourly() == []  # 25 hours before
    travel(days=2, hours=1)
    sent = hourly()
    assert to_of(sent) == sorted([pair.mentor.person.email, pair.mentee.person.email])
    assert f"/space/{pair.tandem.formed_key}/meetings/{upcoming.pk}/" in sent[0].body
    assert "agenda" in sent[0].body
    assert hourly() == []  # the job run twice: sent once
    travel(days=2, hours=2)
    assert hourly() == []


def test_a_moved_meeting_is_reminded_again(pair, travel, hourly):
    moved = meeting(pair.tandem, START + 2 * DAY)
    travel(days=1, hours=1)
    assert len(hourly()) == 2
    moved.starts_at = START + 2 * DAY + datetime.timedelta(hours=5)
    moved.save()
    travel(days=1, hours=6)
    assert len(hourly()) == 2


def test_cancelled_and_past_meetings_get_no_reminder(pair, travel, hourly):
    cancelled = meeting(pair.tandem, START + DAY, status="cancelled")
    meeting(pair.tandem, START - DAY)
    travel(hours=2)
    assert hourly() == []
    assert cancelled.pk


def test_event_reminders_go_to_members_who_have_not_declined(pair, travel, daily):
    event = CohortEventFactory(
        cohort=pair.cohort, kind=EventKind.HALFTIME, starts_at=START + 10 * DAY
    )
    EventResponseFactory(event=event, person=pair.mentor.person, answer="no")
    travel(days=6)
    assert [m for m in daily() if "Reminder" in m.subject] == []
    travel(days=7)
    sent = [m for m in daily() if "Reminder" in m.subject]
    assert to_of(sent) == [pair.mentee.person.email]
    assert f"/programs/events/{event.pk}/" in sent[0].body
    assert [m for m in daily() if "Reminder" in m.subject] == []


def test_other_events_are_not_reminded(pair, travel, daily):
    CohortEventFactory(cohort=pair.cohort, kind=EventKind.OTHER, starts_at=START + 2 * DAY)
    travel(days=1)
    assert [m for m in daily() if "Reminder" in m.subject] == []


def test_withdrawn_members_get_no_event_reminder(pair, travel, daily):
    CohortEventFactory(cohort=pair.cohort, kind=EventKind.KICKOFF, starts_at=START + 2 * DAY)
    pair.mentee.status = EnrolmentStatus.WITHDRAWN
    pair.mentee.withdrawn_at = START
    pair.mentee.save()
    travel(days=1)
    sent = [m for m in daily() if "Reminder" in m.subject]
    assert to_of(sent) == [pair.mentor.person.email]
    assert SentNudge.objects.filter(rule="event").count() == 1


def test_events_reminded_already_cost_no_query_each(pair, travel, daily):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tandem.nudges.services import nudges_run_daily

    def queries_of_a_second_run(events: int) -> int:
        for number in range(events):
            CohortEventFactory(
                cohort=pair.cohort,
                kind=EventKind.KICKOFF,
                starts_at=START + 4 * DAY + datetime.timedelta(hours=number),
            )
        travel(days=3)
        assert len(daily()) == 2 * events  # both partners, for each event
        with CaptureQueriesContext(connection) as queries:
            nudges_run_daily()
        SentNudge.objects.all().delete()
        pair.cohort.events.all().delete()
        return len(queries)

    assert queries_of_a_second_run(1) == queries_of_a_second_run(3)
