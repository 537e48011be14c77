"""The calendar invitations e-mailed to both partners: one UID per meeting, a rising SEQUENCE,
REQUEST then CANCEL — and never the agenda or the place."""

from __future__ import annotations

import datetime

import icalendar
import pytest

from tandem.workspace.access import space_for
from tandem.workspace.meetings import services
from tandem.workspace.meetings.tests.conftest import in_days, move_to_past, schedule

pytestmark = pytest.mark.django_db


def calendar_of(message) -> icalendar.Calendar:
    (attachment,) = message.attachments
    name, content, mimetype = attachment
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def only_event(message) -> icalendar.Event:
    (event,) = calendar_of(message).walk("VEVENT")
    assert isinstance(event, icalendar.Event)  # the parser builds a VEVENT as an Event
    return event


def test_scheduling_mails_both_partners_an_invitation(
    formed, mentee_space, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(mentee_space)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [formed.tandem.mentor.person.email, formed.tandem.mentee.person.email]
    )
    for message in mailoutbox:
        calendar = calendar_of(message)
        event = only_event(message)
        assert str(calendar["method"]) == "REQUEST"
        assert str(event["uid"]) == f"meeting-{meeting.uid}@tandem"
        assert int(event["sequence"]) == 0
        assert event.decoded("dtstart") == meeting.starts_at
        assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0)
        assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(minutes=45)
        assert len(event.get("attendee")) == 2
        assert message.reply_to == []  # the partners' business, not the coordinator's
    to_mentor = next(m for m in mailoutbox if m.to[0] == formed.tandem.mentor.person.email)
    assert formed.tandem.mentee.person.full_name in str(only_event(to_mentor)["summary"])
    assert formed.tandem.mentee.person.full_name in to_mentor.subject


def test_the_mail_and_calendar_entry_carry_neither_agenda_nor_place(
    mentee_space, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(mentee_space, agenda="Our secret plan about the reorg")
    assert meeting.agenda == "Our secret plan about the reorg"
    for message in mailoutbox:
        (content,) = [a[1] for a in message.attachments]
        content = content if isinstance(content, str) else content.decode()
        for text in (message.subject, message.body, content):
            assert "secret plan" not in text
            assert "secret-room" not in text
        assert "/space/" in message.body


def test_moving_and_cancelling_keep_the_uid_and_raise_the_sequence(
    meeting, mentee_space, mailoutbox, django_capture_on_commit_callbacks
):
    first = only_event(mailoutbox[0])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            space=mentee_space,
            meeting=meeting,
            starts_at=in_days(10, hour=15),
            duration_minutes=30,
            meeting_format="video",
            place="",
            actor=None,
        )
    assert len(mailoutbox) == 2
    moved = only_event(mailoutbox[0])
    assert str(calendar_of(mailoutbox[0])["method"]) == "REQUEST"
    assert str(moved["uid"]) == str(first["uid"])
    assert int(moved["sequence"]) == 1
    assert moved.decoded("dtstart") == in_days(10, hour=15)
    assert "Verschoben" in mailoutbox[0].subject  # the cohort's first language is German

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(space=mentee_space, meeting=meeting, actor=None)
    assert len(mailoutbox) == 2
    cancelled = only_event(mailoutbox[1])
    assert str(calendar_of(mailoutbox[1])["method"]) == "CANCEL"
    assert str(cancelled["uid"]) == str(first["uid"])
    assert int(cancelled["sequence"]) == 2
    assert str(cancelled["status"]) == "CANCELLED"


def test_a_new_place_alone_sends_nothing(
    meeting, mentee_space, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            space=mentee_space,
            meeting=meeting,
            starts_at=meeting.starts_at,
            duration_minutes=meeting.duration_minutes,
            meeting_format=meeting.format,
            place="Canteen, 2nd floor",
            actor=None,
        )
    assert mailoutbox == []


def test_a_meeting_cancelled_after_its_start_sends_nothing(
    meeting, mentee_space, mailoutbox, django_capture_on_commit_callbacks
):
    move_to_past(meeting)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(space=mentee_space, meeting=meeting, actor=None)
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("languages", "header", "words"),
    [(["de", "en"], "de", "Tandem-Treffen mit"), (["en"], "en", "Tandem meeting with")],
)
def test_the_mail_is_written_in_the_cohorts_language(
    formed, mentee, mailoutbox, django_capture_on_commit_callbacks, languages, header, words
):
    formed.cohort.languages = languages
    formed.cohort.save()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(space_for(user=mentee, key=formed.key))
    message = mailoutbox[0]
    assert message.extra_headers["Content-Language"] == header
    assert words in message.subject
    assert words in str(only_event(message)["summary"])
