"""Calendar files: what a calendar program reads back from the downloaded .ics."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.tests.factories import CohortEventFactory, CohortFactory, local

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def cohort():
    return CohortFactory(
        name="Spring round", starts_on=datetime.date(2031, 3, 3), ends_on=datetime.date(2031, 9, 3)
    )


@pytest.fixture
def kickoff(cohort):
    return CohortEventFactory(
        cohort=cohort,
        kind="kickoff",
        title="Kickoff – Spring round",
        starts_at=local(datetime.date(2031, 3, 3), 16),  # 15:00 UTC (winter time)
        duration_minutes=120,
        place="Auditorium",
        video_url="https://meet.example.com/kickoff",
        agenda="Welcome\nMeet your partner",
    )


def parse_events(response) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(response.content)
    events = []
    for component in calendar.walk("VEVENT"):
        assert isinstance(component, icalendar.Event)  # the parser builds a VEVENT as an Event
        events.append(component)
    return events


def test_one_event_downloads_as_a_calendar_file(client_for, coordinator, kickoff):
    response = client_for(coordinator).get(reverse("programs:event_ics", args=[kickoff.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kickoff-spring-round-{kickoff.pk}.ics"'
    )
    (vevent,) = parse_events(response)
    assert str(vevent["UID"]) == f"event-{kickoff.pk}@tandem"
    assert vevent.decoded("DTSTART") == datetime.datetime(2031, 3, 3, 15, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime.datetime(2031, 3, 3, 17, tzinfo=UTC)
    assert str(vevent["SUMMARY"]) == "Kickoff – Spring round"
    assert str(vevent["LOCATION"]) == "Auditorium"
    description = str(vevent["DESCRIPTION"])
    assert "Welcome\nMeet your partner" in description
    assert "https://meet.example.com/kickoff" in description
    assert str(vevent["URL"]) == f"http://testserver/programs/events/{kickoff.pk}/"
    assert "DTSTAMP" in vevent


def test_an_online_event_names_the_video_link_as_location(client_for, coordinator, cohort):
    event = CohortEventFactory(cohort=cohort, place="", video_url="https://v.example/x", agenda="")
    (vevent,) = parse_events(
        client_for(coordinator).get(reverse("programs:event_ics", args=[event.pk]))
    )
    assert str(vevent["LOCATION"]) == "https://v.example/x"


def test_the_uid_stays_the_same_after_an_edit(client_for, coordinator, kickoff):
    client = client_for(coordinator)
    url = reverse("programs:event_ics", args=[kickoff.pk])
    before = parse_events(client.get(url))[0]["UID"]
    kickoff.title = "Kickoff (moved)"
    kickoff.save()
    after = parse_events(client.get(url))[0]
    assert after["UID"] == before and str(after["SUMMARY"]) == "Kickoff (moved)"


def test_summer_time_events_are_written_in_utc(client_for, coordinator, cohort):
    event = CohortEventFactory(cohort=cohort, starts_at=local(datetime.date(2031, 6, 3), 16))
    (vevent,) = parse_events(
        client_for(coordinator).get(reverse("programs:event_ics", args=[event.pk]))
    )
    assert vevent.decoded("DTSTART") == datetime.datetime(2031, 6, 3, 14, tzinfo=UTC)


def test_a_cohort_downloads_all_its_events_in_order(
    client_for, mentor, mentor_person, cohort, kickoff
):
    closing = CohortEventFactory(
        cohort=cohort, kind="closing", title="Closing", starts_at=local(datetime.date(2031, 9, 3))
    )
    CohortEventFactory(title="Another cohort's event")
    EnrolmentFactory(cohort=cohort, person=mentor_person, role="mentor")
    response = client_for(mentor).get(reverse("programs:cohort_events_ics", args=[cohort.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="spring-round-{cohort.pk}-events.ics"'
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == str(cohort)
    uids = [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")]
    assert uids == [f"event-{kickoff.pk}@tandem", f"event-{closing.pk}@tandem"]
