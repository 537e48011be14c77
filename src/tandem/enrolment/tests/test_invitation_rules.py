"""The pure rules of the invitation flow: no database needed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tandem.enrolment.invitations.policy import (
    ensure_cohort_accepts_invitations,
    format_labels,
    leader_min_level,
    next_reminder_at,
    reminder_allowed,
)
from tandem.programs.choices import Phase
from tandem.programs.emails import invitation_language

SENT = datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize("phase", [p for p in Phase.values if p != Phase.ENROLMENT_OPEN])
def test_invitations_are_refused_outside_the_enrolment_phase_with_a_way_out(phase):
    with pytest.raises(ValidationError) as caught:
        ensure_cohort_accepts_invitations(phase)
    assert "Open enrolment" in caught.value.messages[0]


def test_invitations_are_accepted_while_enrolment_is_open():
    ensure_cohort_accepts_invitations(Phase.ENROLMENT_OPEN)


def test_leaders_are_the_cohorts_mentee_threshold_when_it_has_one():
    assert leader_min_level(mentee_min_career_level=4, levels_present=[1, 2, 7, 8]) == 4


def test_without_a_threshold_leaders_are_the_top_two_levels_present():
    assert leader_min_level(mentee_min_career_level=None, levels_present=[1, 3, 3, 6, 5]) == 5


def test_with_one_level_present_everyone_with_that_level_is_a_leader():
    assert leader_min_level(mentee_min_career_level=None, levels_present=[2, 2, None]) == 2


def test_without_any_career_levels_there_are_no_leaders():
    assert leader_min_level(mentee_min_career_level=None, levels_present=[None]) is None


def test_a_reminder_waits_seven_days_after_the_invitation():
    day_six = SENT + datetime.timedelta(days=6, hours=23)
    day_seven = SENT + datetime.timedelta(days=7)
    assert not reminder_allowed(status="sent", sent_at=SENT, last_reminded_at=None, now=day_six)
    assert reminder_allowed(status="sent", sent_at=SENT, last_reminded_at=None, now=day_seven)


def test_a_second_reminder_waits_seven_days_after_the_first():
    reminded = SENT + datetime.timedelta(days=10)
    now = SENT + datetime.timedelta(days=15)
    assert not reminder_allowed(status="sent", sent_at=SENT, last_reminded_at=reminded, now=now)
    assert next_reminder_at(sent_at=SENT, last_reminded_at=reminded) == SENT + datetime.timedelta(
        days=17
    )


@pytest.mark.parametrize("status", ["accepted", "declined"])
def test_answered_invitations_get_no_reminder(status):
    later = SENT + datetime.timedelta(days=30)
    assert not reminder_allowed(status=status, sent_at=SENT, last_reminded_at=None, now=later)


@pytest.mark.parametrize(
    ("languages", "expected"),
    [(["de", "en"], "de"), (["en"], "en"), (["EN"], "en"), (["fr", "de"], "xx"), ([], "xx")],
)
def test_the_email_language_is_the_cohorts_first_language_we_write(languages, expected):
    assert invitation_language(cohort_languages=languages, default="xx") == expected


def test_the_email_language_falls_back_when_the_cohort_has_no_languages():
    assert invitation_language(cohort_languages=None, default="de") == "de"


def test_format_labels_list_only_the_allowed_formats():
    with translation.override("en"):
        assert format_labels(in_person=True, online=False, hybrid=True) == ["in person", "hybrid"]
