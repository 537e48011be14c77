"""Scheduling, changing and closing meetings; feedback; the recording; encryption at rest."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tandem.core.models import AuditEvent
from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.access import space_for
from tandem.workspace.meetings import services
from tandem.workspace.meetings.models import Meeting, MeetingFeedback
from tandem.workspace.meetings.selectors import feedback_view
from tandem.workspace.meetings.tests.conftest import in_days, move_to_past, schedule

pytestmark = pytest.mark.django_db


def test_a_partner_schedules_a_meeting_with_the_default_agenda(mentee_space, mentee):
    meeting = schedule(mentee_space, actor=mentee)
    assert meeting.status == "scheduled"
    assert meeting.sequence == 0
    assert meeting.agenda.startswith("1. Check-in")
    assert meeting.tandem_id == mentee_space.key


def test_without_a_session_plan_a_new_meeting_starts_with_the_default_agenda(mentee_space):
    assert services.agenda_seed(mentee_space) == ""
    assert services.initial_agenda(mentee_space) == services.default_agenda()


def test_scheduling_in_the_past_or_too_long_is_refused_with_reasons(mentee_space):
    with pytest.raises(ValidationError) as refused:
        schedule(mentee_space, days=-1, duration_minutes=120)
    assert set(refused.value.error_dict) == {"starts_at", "duration_minutes"}
    assert not Meeting.objects.exists()


def test_a_format_the_cohort_does_not_offer_is_refused(formed, mentee):
    formed.cohort.allows_in_person = formed.cohort.allows_hybrid = False
    formed.cohort.save()
    with pytest.raises(ValidationError) as refused:
        schedule(space_for(user=mentee, key=formed.key), meeting_format="in_person")
    assert "format" in refused.value.error_dict


def test_the_database_refuses_a_length_outside_15_to_90_minutes(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(duration_minutes=91)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(duration_minutes=14)


def test_an_ended_tandem_gets_no_new_meetings(formed, mentee_space):
    Tandem.objects.filter(pk=formed.tandem.pk).update(
        status=TandemStatus.ENDED, ended_at=formed.tandem.confirmed_at
    )
    with pytest.raises(ValidationError, match="has ended"):
        schedule(mentee_space)


def test_moving_a_meeting_raises_its_sequence_a_new_place_alone_does_not(meeting, mentee_space):
    services.meeting_update(
        space=mentee_space,
        meeting=meeting,
        starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes,
        meeting_format=meeting.format,
        place="Room 4.12",
        actor=None,
    )
    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.place) == (0, "Room 4.12")
    services.meeting_update(
        space=mentee_space,
        meeting=meeting,
        starts_at=in_days(9),
        duration_minutes=60,
        meeting_format="phone",
        place="",
        actor=None,
    )
    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.duration_minutes, meeting.format) == (1, 60, "phone")


def test_a_meeting_that_has_started_cannot_be_moved(meeting, mentee_space):
    move_to_past(meeting)
    with pytest.raises(ValidationError, match="already started"):
        services.meeting_update(
            space=mentee_space,
            meeting=meeting,
            starts_at=in_days(3),
            duration_minutes=30,
            meeting_format="video",
            place="",
            actor=None,
        )


def test_cancelling_raises_the_sequence_and_closes_the_meeting(meeting, mentor_space):
    services.meeting_cancel(space=mentor_space, meeting=meeting, actor=None)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == ("cancelled", 1)
    assert meeting.closed_at is not None


def test_held_only_after_the_start(meeting, mentor_space):
    with pytest.raises(ValidationError, match="has not started yet"):
        services.meeting_close(space=mentor_space, meeting=meeting, outcome="held", actor=None)
    move_to_past(meeting)
    services.meeting_close(space=mentor_space, meeting=meeting, outcome="held", actor=None)
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_two_partners_saving_the_agenda_from_the_same_version_do_not_overwrite(
    meeting, mentor_space, mentee_space
):
    services.meeting_agenda_save(
        space=mentee_space, meeting=meeting, agenda="Excel pivot tables", revision=0, actor=None
    )
    with pytest.raises(ValidationError, match="changed the agenda while you were editing"):
        services.meeting_agenda_save(
            space=mentor_space, meeting=meeting, agenda="Zapier", revision=0, actor=None
        )
    meeting.refresh_from_db()
    assert (meeting.agenda, meeting.agenda_revision) == ("Excel pivot tables", 1)


def test_the_audit_trail_holds_no_agenda_and_no_place(meeting, mentee_space):
    services.meeting_agenda_save(
        space=mentee_space, meeting=meeting, agenda="Very private agenda", revision=0, actor=None
    )
    stored = " ".join(str(event.data) for event in AuditEvent.objects.all())
    assert "Very private agenda" not in stored
    assert "secret-room" not in stored
    assert {"meeting.scheduled", "meeting.agenda_saved"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )


def test_agenda_place_remark_and_recording_are_encrypted_at_rest(held, mentor_space, mentee_space):
    services.meeting_feedback_give(
        space=mentor_space, meeting=held, rating=4, remark="Loved the macros", actor=None
    )
    for space in (mentor_space, mentee_space):
        services.meeting_recording_permission(space=space, meeting=held, allowed=True, actor=None)
    services.meeting_recording_link_set(
        space=mentor_space, meeting=held, url="https://video.example.com/rec/42", actor=None
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT agenda, place, recording_url FROM workspace_meeting WHERE id = %s", [held.pk]
        )
        agenda, place, recording = cursor.fetchone()
        cursor.execute("SELECT remark FROM workspace_meetingfeedback")
        (remark,) = cursor.fetchone()
    assert "Check-in" not in agenda and agenda.startswith("fernet:")
    assert "secret-room" not in place and place.startswith("fernet:")
    assert "rec/42" not in recording and recording.startswith("fernet:")
    assert "macros" not in remark and remark.startswith("fernet:")
    held.refresh_from_db()
    assert held.place == "https://meet.example.com/secret-room"


def test_feedback_is_given_once_per_partner_on_a_held_meeting(held, meeting, mentor_space):
    services.meeting_feedback_give(
        space=mentor_space, meeting=held, rating=5, remark="", actor=None
    )
    with pytest.raises(ValidationError, match="already given your feedback"):
        services.meeting_feedback_give(
            space=mentor_space, meeting=held, rating=3, remark="", actor=None
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFeedback.objects.create(meeting=held, side="mentor", rating=2)


def test_feedback_on_a_meeting_that_did_not_take_place_is_refused(meeting, mentor_space):
    with pytest.raises(ValidationError, match="Mark the meeting as held first"):
        services.meeting_feedback_give(
            space=mentor_space, meeting=meeting, rating=5, remark="", actor=None
        )


@pytest.mark.parametrize("rating", [0, 6])
def test_the_database_refuses_a_rating_outside_1_to_5(held, rating):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFeedback.objects.create(meeting=held, side="mentee", rating=rating)


def test_a_partner_sees_the_others_feedback_only_once_both_have_given_theirs(
    held, mentor_space, mentee_space
):
    services.meeting_feedback_give(
        space=mentor_space, meeting=held, rating=5, remark="Great session", actor=None
    )

    def seen(space):
        return feedback_view(space=space, meeting=Meeting.objects.get(pk=held.pk))

    assert seen(mentee_space).partners is None  # the mentee has not given theirs yet
    assert seen(mentor_space).mine.rating == 5
    assert seen(mentor_space).partners is None
    assert seen(mentor_space).waiting_for_partner

    services.meeting_feedback_give(
        space=mentee_space, meeting=held, rating=3, remark="Too fast", actor=None
    )
    assert seen(mentee_space).partners.remark == "Great session"
    assert seen(mentor_space).partners.remark == "Too fast"


def test_once_feedback_was_given_a_held_meeting_stays_held(held, mentor_space):
    services.meeting_feedback_give(
        space=mentor_space, meeting=held, rating=4, remark="", actor=None
    )
    with pytest.raises(ValidationError, match="stays marked as held"):
        services.meeting_close(space=mentor_space, meeting=held, outcome="missed", actor=None)


def test_a_recording_link_is_refused_until_both_partners_allow_it(
    meeting, mentor_space, mentee_space
):
    url = "https://video.example.com/rec/7"
    with pytest.raises(ValidationError, match="both of you have allowed"):
        services.meeting_recording_link_set(
            space=mentor_space, meeting=meeting, url=url, actor=None
        )
    services.meeting_recording_permission(
        space=mentor_space, meeting=meeting, allowed=True, actor=None
    )
    with pytest.raises(ValidationError, match="Ask your partner to allow it first"):
        services.meeting_recording_link_set(
            space=mentor_space, meeting=meeting, url=url, actor=None
        )
    services.meeting_recording_permission(
        space=mentee_space, meeting=meeting, allowed=True, actor=None
    )
    services.meeting_recording_link_set(space=mentee_space, meeting=meeting, url=url, actor=None)
    meeting.refresh_from_db()
    assert meeting.recording_url == url


def test_withdrawing_a_permission_removes_the_recording_link(meeting, mentor_space, mentee_space):
    for space in (mentor_space, mentee_space):
        services.meeting_recording_permission(
            space=space, meeting=meeting, allowed=True, actor=None
        )
    services.meeting_recording_link_set(
        space=mentor_space, meeting=meeting, url="https://video.example.com/rec/8", actor=None
    )
    services.meeting_recording_permission(
        space=mentee_space, meeting=meeting, allowed=False, actor=None
    )
    meeting.refresh_from_db()
    assert meeting.recording_url == ""
    assert meeting.mentee_recording_ok_at is None


def test_the_database_refuses_a_recording_link_without_both_permissions(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(recording_url="https://x.example.com/r")
