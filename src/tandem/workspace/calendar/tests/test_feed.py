"""The personal calendar subscription: a secret, revocable address without sign-in that holds
the person's meetings and cohort events — dates only, never an agenda or a place."""

from __future__ import annotations

import datetime
import hashlib
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortEventFactory, cohort_in
from tandem.tandems.tests.factories import TandemFactory
from tandem.workspace.access import Space
from tandem.workspace.calendar.models import CalendarFeed
from tandem.workspace.meetings import services
from tandem.workspace.meetings.tests.conftest import schedule

pytestmark = pytest.mark.django_db

SETTINGS = "workspace:calendar_feed_settings"


def make_feed(client) -> str:
    """Make a subscription through the page; returns the address it shows (once)."""
    response = client.post(reverse(SETTINGS), {"action": "create"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    found = re.search(r'value="(http[^"]+/space/calendar/[^"]+\.ics)"', response.content.decode())
    assert found, "the new address is shown"
    return found.group(1)


def path_of(address: str) -> str:
    return address[address.index("/space/") :]


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_a_partner_makes_a_feed_and_the_address_is_shown_only_once(mentee, client_for):
    client = client_for(mentee)
    address = make_feed(client)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(CalendarFeed.objects.values_list().get())  # only its hash is kept
    again = client.get(reverse(SETTINGS)).content.decode()
    assert token not in again
    assert "Active since" in again


def test_the_feed_holds_the_persons_meetings_and_cohort_events_without_sign_in(
    formed, mentor, mentor_space, client_for, client
):
    meeting = schedule(mentor_space, agenda="Confidential agenda")
    # Jonas mentors in a second cohort too, with its own formed tandem and event.
    second = cohort_in(Phase.RUNNING)
    enrolment = EnrolmentFactory(
        cohort=second, person=formed.tandem.mentor.person, role=Role.MENTOR
    )
    TandemFactory(cohort=second, mentor=enrolment, confirmed=True)
    own_event = CohortEventFactory(cohort=formed.cohort, title="Kickoff")
    second_event = CohortEventFactory(cohort=second, title="Half-time")
    foreign_event = CohortEventFactory(title="Someone else's event")
    foreign_meeting = schedule(
        Space(tandem=formed.other, person=formed.other.mentor.person, side="mentor")
    )

    address = make_feed(client_for(mentor))
    client.logout()
    calendar = parse(client.get(path_of(address)))

    assert str(calendar["prodid"]).startswith("-//Tandem//")
    assert str(calendar["version"]) == "2.0"
    assert formed.tandem.mentor.person.full_name in str(calendar["x-wr-calname"])
    events = calendar.walk("VEVENT")
    uids = {str(event["uid"]) for event in events}
    assert f"meeting-{meeting.uid}@tandem" in uids
    assert f"meeting-{foreign_meeting.uid}@tandem" not in uids
    summaries = " ".join(str(event["summary"]) for event in events)
    assert "Kickoff" in summaries and "Half-time" in summaries
    assert foreign_event.title not in summaries
    assert own_event.pk != second_event.pk
    for event in events:
        assert event.get("dtstamp") is not None
        assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0)
    (mine,) = [e for e in events if str(e["uid"]) == f"meeting-{meeting.uid}@tandem"]
    assert mine.decoded("dtstart") == meeting.starts_at
    assert formed.tandem.mentee.person.full_name in str(mine["summary"])
    body = client.get(path_of(address)).content.decode()
    assert "Confidential agenda" not in body and "secret-room" not in body


def test_a_withdrawn_enrolments_cohort_events_are_not_in_the_feed(formed, mentee, client_for):
    other_cohort = cohort_in(Phase.RUNNING)
    EnrolmentFactory(
        cohort=other_cohort,
        person=formed.tandem.mentee.person,
        status=EnrolmentStatus.WITHDRAWN,
        withdrawn_at=timezone.now(),
    )
    CohortEventFactory(cohort=other_cohort, title="Left behind")
    client = client_for(mentee)
    body = client.get(path_of(make_feed(client))).content.decode()
    assert "Left behind" not in body


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(mentee_space, mentee, client_for):
    meeting = schedule(mentee_space)
    services.meeting_cancel(space=mentee_space, meeting=meeting, actor=None)
    client = client_for(mentee)
    (event,) = parse(client.get(path_of(make_feed(client)))).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 1


def test_a_revoked_feed_answers_404(formed, mentee, client_for):
    client = client_for(mentee)
    address = make_feed(client)
    assert client.get(path_of(address)).status_code == 200
    client.post(reverse(SETTINGS), {"action": "revoke"})
    assert client.get(path_of(address)).status_code == 404
    assert CalendarFeed.objects.get().revoked_at is not None


def test_a_new_address_replaces_the_old_one(formed, mentee, client_for):
    client = client_for(mentee)
    old = make_feed(client)
    new = make_feed(client)
    assert old != new
    assert client.get(path_of(old)).status_code == 404
    assert client.get(path_of(new)).status_code == 200
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,  # well-formed, unknown
        "short",
        "A" * 42 + "!",
        "A" * 44,
    ],
)
def test_unknown_or_malformed_tokens_answer_404(formed, client, token):
    assert client.get(f"/space/calendar/{token}.ics").status_code == 404


def test_the_feed_of_a_person_who_left_answers_404(formed, mentee, client_for):
    client = client_for(mentee)
    address = make_feed(client)
    person = formed.tandem.mentee.person
    person.is_active = False
    person.save()
    client.logout()
    assert client.get(path_of(address)).status_code == 404


@pytest.mark.parametrize("role", ["outsider", "superuser"])
def test_accounts_without_a_person_cannot_make_a_feed(space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(reverse(SETTINGS)).status_code == 403
    assert client.post(reverse(SETTINGS), {"action": "create"}).status_code == 403
    assert not CalendarFeed.objects.exists()


def test_the_settings_page_needs_sign_in(client):
    response = client.get(reverse(SETTINGS))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_both_partners_manage_their_own_feed(formed, space_roles, client_for, role):
    response = client_for(space_roles[role]).get(reverse(SETTINGS))
    assert response.status_code == 200
    assert "You have no calendar subscription." in response.content.decode()


def test_the_settings_page_in_german(mentee, client_for):
    response = client_for(mentee).get(reverse(SETTINGS), HTTP_ACCEPT_LANGUAGE="de")
    assert "Ihr Kalender-Abonnement" in response.content.decode()
