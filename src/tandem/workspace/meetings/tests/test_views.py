"""The meetings' pages: only the two partners, an ended tandem read-only, German and English,
and a list that reads in the same number of queries for 1 or 10 meetings."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.access import space_for
from tandem.workspace.meetings import services
from tandem.workspace.meetings.models import Meeting
from tandem.workspace.meetings.tests.conftest import in_days, move_to_past, schedule
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

READS = ["meetings", "meeting_detail"]
# (url name, method, data): every view that changes something.
WRITES = [
    ("meeting_new", "get", None),
    ("meeting_new", "post", {}),
    ("meeting_edit", "get", None),
    ("meeting_edit", "post", {}),
    ("meeting_close", "post", {"outcome": "cancelled"}),
    ("meeting_agenda", "post", {"agenda": "x", "revision": "0"}),
    ("meeting_feedback", "post", {"rating": "5"}),
    ("meeting_recording_permission", "post", {"allowed": "1"}),
    ("meeting_recording_link", "post", {"recording_url": ""}),
]
EVERY = [(name, "get", None) for name in READS] + WRITES


def url(name, key, meeting):
    if name in ("meetings", "meeting_new"):
        return reverse(f"workspace:{name}", args=[key])
    return reverse(f"workspace:{name}", args=[key, meeting.pk])


def call(client, method, address, data):
    return client.get(address) if method == "get" else client.post(address, data or {})


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize(("name", "method", "data"), EVERY)
def test_everyone_but_the_partners_is_refused(
    formed, meeting, space_roles, client_for, role, name, method, data
):
    response = call(client_for(space_roles[role]), method, url(name, formed.key, meeting), data)
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert (meeting.status, meeting.agenda_revision) == ("scheduled", 0)


@pytest.mark.parametrize(("name", "method", "data"), EVERY)
def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(
    formed, meeting, client, name, method, data
):
    response = call(client, method, url(name, formed.key, meeting), data)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["mentor", "mentee"])
@pytest.mark.parametrize("name", [*READS, "meeting_new", "meeting_edit"])
def test_both_partners_see_the_pages(formed, meeting, space_roles, client_for, role, name):
    response = client_for(space_roles[role]).get(url(name, formed.key, meeting))
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_each_partner_schedules_a_meeting_through_the_form(
    formed, space_roles, client_for, role, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(space_roles[role])
    form = client.get(reverse("workspace:meeting_new", args=[formed.key]))
    assert form.context["form"]["duration_minutes"].initial == formed.cohort.meeting_minutes
    start = in_days(5, hour=14)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:meeting_new", args=[formed.key]),
            {
                "date": start.date().isoformat(),
                "time": "14:00",
                "duration_minutes": "30",
                "meeting_format": "phone",
                "place": "+49 30 1234",
                "agenda": "Prompting basics",
            },
        )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("meeting_detail", formed.key, meeting)
    assert (meeting.starts_at, meeting.duration_minutes, meeting.agenda) == (
        start,
        30,
        "Prompting basics",
    )
    assert len(mailoutbox) == 2


def test_a_refused_schedule_shows_the_reason_at_the_field(formed, mentee, client_for):
    response = client_for(mentee).post(
        reverse("workspace:meeting_new", args=[formed.key]),
        {
            "date": in_days(-2).date().isoformat(),
            "time": "09:00",
            "duration_minutes": "45",
            "meeting_format": "video",
        },
    )
    assert response.status_code == 200
    assert "already passed" in str(response.context["form"].errors["date"])
    assert not Meeting.objects.exists()


def test_a_partner_moves_a_meeting(formed, meeting, mentee, client_for):
    response = client_for(mentee).post(
        url("meeting_edit", formed.key, meeting),
        {
            "date": in_days(12).date().isoformat(),
            "time": "16:30",
            "duration_minutes": "60",
            "meeting_format": "video",
            "place": "",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.sequence) == (in_days(12, hour=16).replace(minute=30), 1)


def test_partners_mark_a_meeting_held_and_give_feedback(
    formed, meeting, mentor, mentee, client_for
):
    move_to_past(meeting)
    client = client_for(mentor)
    client.post(url("meeting_close", formed.key, meeting), {"outcome": "held"})
    client.post(url("meeting_feedback", formed.key, meeting), {"rating": "4", "remark": "Nice"})
    page = client.get(url("meeting_detail", formed.key, meeting)).content.decode()
    assert "4/5" in page and "Nice" in page
    assert "once both of you have given yours" in page

    client = client_for(mentee)
    page = client.get(url("meeting_detail", formed.key, meeting)).content.decode()
    assert "Nice" not in page  # the mentor's remark stays hidden until the mentee gave theirs
    client.post(url("meeting_feedback", formed.key, meeting), {"rating": "5", "remark": "Fun"})
    page = client.get(url("meeting_detail", formed.key, meeting)).content.decode()
    assert "Nice" in page and "Fun" in page


def test_held_before_the_start_is_refused_with_a_message(formed, meeting, mentor, client_for):
    client = client_for(mentor)
    response = client.post(url("meeting_close", formed.key, meeting), {"outcome": "held"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "has not started yet" in page
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


def test_the_agenda_is_saved_with_htmx_and_answers_its_fragment(
    formed, meeting, mentee, client_for
):
    response = client_for(mentee).post(
        url("meeting_agenda", formed.key, meeting),
        {"agenda": "Power Automate", "revision": "0"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text and 'id="agenda"' in text
    assert "Agenda saved." in text
    meeting.refresh_from_db()
    assert meeting.agenda == "Power Automate"


def test_a_stale_agenda_save_shows_the_partners_version(
    formed, meeting, mentor_space, mentee, client_for
):
    services.meeting_agenda_save(
        space=mentor_space, meeting=meeting, agenda="Mentor's version", revision=0, actor=None
    )
    response = client_for(mentee).post(
        url("meeting_agenda", formed.key, meeting),
        {"agenda": "Mentee's version", "revision": "0"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert "changed the agenda while you were editing" in text
    assert "Mentor&#x27;s version" in text
    assert "Mentee&#x27;s version" in text  # what the mentee wrote is not lost
    meeting.refresh_from_db()
    assert meeting.agenda == "Mentor's version"


def test_the_recording_link_form_refuses_without_both_permissions(
    formed, meeting, mentor, client_for
):
    client = client_for(mentor)
    client.post(url("meeting_recording_permission", formed.key, meeting), {"allowed": "1"})
    response = client.post(
        url("meeting_recording_link", formed.key, meeting),
        {"recording_url": "https://video.example.com/rec/1"},
    )
    assert response.status_code == 400
    assert "Ask your partner to allow it first" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.recording_url == "" and meeting.mentor_recording_ok_at is not None


def test_another_tandems_meeting_is_not_found_in_my_space(formed, mentor, client_for):
    other_space = space_for(user=_user_of(formed.other.mentee.person), key=formed.other.formed_key)
    theirs = schedule(other_space)
    response = client_for(mentor).get(url("meeting_detail", formed.key, theirs))
    assert response.status_code == 404


def _user_of(person):
    from tandem.people.tests.factories import UserFactory

    return UserFactory(email=person.email)


@pytest.fixture
def ended(formed, meeting):
    Tandem.objects.filter(pk=formed.tandem.pk).update(
        status=TandemStatus.ENDED, ended_at=formed.tandem.confirmed_at
    )
    return meeting


@pytest.mark.parametrize("role", ["mentor", "mentee"])
@pytest.mark.parametrize(("name", "method", "data"), WRITES)
def test_an_ended_tandems_meetings_cannot_change(
    formed, ended, space_roles, client_for, role, name, method, data
):
    response = call(client_for(space_roles[role]), method, url(name, formed.key, ended), data)
    assert response.status_code == 403


@pytest.mark.parametrize("name", READS)
def test_an_ended_tandems_meetings_stay_readable(formed, ended, mentee, client_for, name):
    response = client_for(mentee).get(url(name, formed.key, ended))
    assert response.status_code == 200
    text = response.content.decode()
    assert "This tandem has ended" in text
    assert reverse("workspace:meeting_new", args=[formed.key]) not in text


def test_the_pages_in_german(formed, meeting, mentee, client_for):
    client = client_for(mentee)
    listing = client.get(url("meetings", formed.key, meeting), HTTP_ACCEPT_LANGUAGE="de")
    assert "Treffen planen" in listing.content.decode()
    detail = client.get(url("meeting_detail", formed.key, meeting), HTTP_ACCEPT_LANGUAGE="de")
    assert "Agenda speichern" in detail.content.decode()


def test_the_pages_in_english(formed, meeting, mentee, client_for):
    client = client_for(mentee)
    listing = client.get(url("meetings", formed.key, meeting), HTTP_ACCEPT_LANGUAGE="en")
    assert "Schedule a meeting" in listing.content.decode()
    detail = client.get(url("meeting_detail", formed.key, meeting), HTTP_ACCEPT_LANGUAGE="en")
    assert "Agenda" in detail.content.decode()


def _queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_list_reads_in_the_same_number_of_queries_for_1_and_10_meetings(
    formed, meeting, mentor_space, mentee_space, mentee, client_for
):
    client = client_for(mentee)
    address = url("meetings", formed.key, meeting)
    one = _queries(client, address)
    for days in range(2, 11):
        held = move_to_past(schedule(mentee_space, days=days), hours=24 * days)
        services.meeting_close(space=mentee_space, meeting=held, outcome="held", actor=None)
        services.meeting_feedback_give(
            space=mentor_space, meeting=held, rating=4, remark="", actor=None
        )
    assert Meeting.objects.count() == 10
    assert _queries(client, address) == one


def test_the_space_page_shows_the_meetings_card(formed, meeting, mentee, client_for):
    page = client_for(mentee).get(reverse("workspace:page", args=[formed.key]))
    text = page.content.decode()
    assert url("meeting_detail", formed.key, meeting) in text
    assert "0 of 6 meetings held" in text
    assert reverse("workspace:calendar_feed_settings") in text


def test_the_space_page_reads_in_the_same_number_of_queries_for_1_and_10_meetings(
    formed, meeting, mentee_space, mentee, client_for
):
    client = client_for(mentee)
    address = reverse("workspace:page", args=[formed.key])
    one = _queries(client, address)
    for days in range(2, 11):
        schedule(mentee_space, days=days)
    assert _queries(client, address) == one
