"""The checklist's items that other features answer: agreement signed, first meeting."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tandem.workspace.agreements.tests.conftest import answers, spaces  # noqa: F401
from tandem.workspace.agreements.tests.test_flow import signed_agreement
from tandem.workspace.meetings.models import MeetingFormat
from tandem.workspace.meetings.services import meeting_cancel, meeting_schedule
from tandem.workspace.onboarding.selectors import checklist_for

pytestmark = pytest.mark.django_db


def done(space) -> dict[str, bool]:
    return {item.code: item.done for item in checklist_for(space=space) if item.automatic}


def test_signing_the_agreement_ticks_the_item_for_both(spaces, answers):  # noqa: F811
    assert done(spaces.mentee)["agreement_signed"] is False
    signed_agreement(spaces, answers)
    assert done(spaces.mentee)["agreement_signed"] and done(spaces.mentor)["agreement_signed"]


def test_a_scheduled_meeting_ticks_the_item_and_a_cancelled_one_does_not(spaces):  # noqa: F811
    assert done(spaces.mentor)["first_meeting"] is False
    formats = spaces.mentor.cohort
    fmt = (
        MeetingFormat.VIDEO
        if formats.allows_online or formats.allows_hybrid
        else MeetingFormat.IN_PERSON
    )
    meeting = meeting_schedule(
        space=spaces.mentor,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        duration_minutes=60,
        meeting_format=fmt,
        actor=None,
    )
    assert done(spaces.mentee)["first_meeting"] is True
    meeting_cancel(space=spaces.mentor, meeting=meeting, actor=None)
    assert done(spaces.mentee)["first_meeting"] is False
