"""The pure rules of meetings: when a meeting may be scheduled, changed, closed, rated."""

from __future__ import annotations

import datetime

import pytest

from tandem.workspace.meetings import guards

NOW = datetime.datetime(2030, 5, 6, 12, 0, tzinfo=datetime.UTC)
LATER = NOW + datetime.timedelta(days=1)
EARLIER = NOW - datetime.timedelta(hours=1)
ALL = ["in_person", "video", "phone"]


def test_a_hybrid_cohort_offers_every_format():
    assert guards.formats_for_cohort(in_person=False, online=False, hybrid=True) == ALL


def test_an_online_cohort_offers_video_and_phone_only():
    assert guards.formats_for_cohort(in_person=False, online=True, hybrid=False) == [
        "video",
        "phone",
    ]


def test_an_in_person_cohort_offers_in_person_only():
    assert guards.formats_for_cohort(in_person=True, online=False, hybrid=False) == ["in_person"]


@pytest.mark.parametrize("minutes", [15, 30, 60, 90])
def test_a_future_meeting_of_15_to_90_minutes_may_be_scheduled(minutes):
    assert not guards.schedule_problems(
        starts_at=LATER,
        duration_minutes=minutes,
        meeting_format="video",
        allowed_formats=ALL,
        now=NOW,
    )


@pytest.mark.parametrize("minutes", [0, 14, 91, 240])
def test_other_lengths_are_refused(minutes):
    problems = guards.schedule_problems(
        starts_at=LATER,
        duration_minutes=minutes,
        meeting_format="video",
        allowed_formats=ALL,
        now=NOW,
    )
    assert "15 to 90 minutes" in problems["duration_minutes"]


def test_a_start_in_the_past_is_refused():
    problems = guards.schedule_problems(
        starts_at=EARLIER, duration_minutes=30, meeting_format="video", allowed_formats=ALL, now=NOW
    )
    assert "already passed" in problems["starts_at"]


def test_a_format_the_cohort_does_not_offer_is_refused_naming_the_offered_ones():
    problems = guards.schedule_problems(
        starts_at=LATER,
        duration_minutes=30,
        meeting_format="in_person",
        allowed_formats=["video", "phone"],
        now=NOW,
    )
    assert "Video call, Phone call" in problems["format"]


def test_a_scheduled_meeting_is_changed_only_before_it_starts():
    assert not guards.edit_problems(status="scheduled", starts_at=LATER, now=NOW)
    assert (
        "already started"
        in guards.edit_problems(status="scheduled", starts_at=EARLIER, now=NOW)["status"]
    )
    assert (
        "no longer be changed"
        in guards.edit_problems(status="cancelled", starts_at=LATER, now=NOW)["status"]
    )


@pytest.mark.parametrize("outcome", ["held", "missed"])
def test_held_and_missed_only_once_the_meeting_has_started(outcome):
    before = guards.close_problems(
        outcome=outcome, status="scheduled", starts_at=LATER, now=NOW, has_feedback=False
    )
    assert "has not started yet" in before["status"]
    assert not guards.close_problems(
        outcome=outcome, status="scheduled", starts_at=EARLIER, now=NOW, has_feedback=False
    )


def test_cancelling_is_possible_before_and_after_the_start_while_scheduled():
    for starts_at in (LATER, EARLIER):
        assert not guards.close_problems(
            outcome="cancelled",
            status="scheduled",
            starts_at=starts_at,
            now=NOW,
            has_feedback=False,
        )
    assert guards.close_problems(
        outcome="cancelled", status="held", starts_at=EARLIER, now=NOW, has_feedback=False
    )


def test_held_and_missed_may_be_corrected_until_feedback_was_given():
    assert not guards.close_problems(
        outcome="missed", status="held", starts_at=EARLIER, now=NOW, has_feedback=False
    )
    assert guards.close_problems(
        outcome="missed", status="held", starts_at=EARLIER, now=NOW, has_feedback=True
    )


def test_a_cancelled_meeting_is_not_reopened_and_nonsense_outcomes_are_refused():
    assert (
        "cancelled"
        in guards.close_problems(
            outcome="held", status="cancelled", starts_at=EARLIER, now=NOW, has_feedback=False
        )["status"]
    )
    assert guards.close_problems(
        outcome="scheduled", status="held", starts_at=EARLIER, now=NOW, has_feedback=False
    )


def test_feedback_only_on_a_held_meeting_and_only_once():
    assert not guards.feedback_problems(status="held", already_given=False)
    assert guards.feedback_problems(status="missed", already_given=False)
    assert "already given" in guards.feedback_problems(status="held", already_given=True)["rating"]


def test_a_recording_link_needs_both_permissions_clearing_it_does_not():
    url = "https://video.example.com/rec/1"
    assert guards.recording_link_problems(url=url, mentor_ok=True, mentee_ok=False)
    assert guards.recording_link_problems(url=url, mentor_ok=False, mentee_ok=True)
    assert not guards.recording_link_problems(url=url, mentor_ok=True, mentee_ok=True)
    assert not guards.recording_link_problems(url="", mentor_ok=False, mentee_ok=False)
