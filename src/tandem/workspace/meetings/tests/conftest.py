"""The space's personas (see `workspace/tests/conftest.py`) and meetings of their tandem."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tandem.workspace.access import space_for
from tandem.workspace.meetings import services
from tandem.workspace.meetings.models import Meeting
from tandem.workspace.tests.conftest import (  # noqa: F401
    formed,
    other_member,
    space_roles,
    superuser_in_directory,
)


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    """A moment ``days`` from now at ``hour`` o'clock local time (aware)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def mentor_space(formed, mentor):  # noqa: F811 (the fixture)
    return space_for(user=mentor, key=formed.key)


@pytest.fixture
def mentee_space(formed, mentee):  # noqa: F811 (the fixture)
    return space_for(user=mentee, key=formed.key)


def schedule(space, *, days: float = 7, actor=None, **fields) -> Meeting:
    values = {
        "starts_at": in_days(days),
        "duration_minutes": 45,
        "meeting_format": "video",
        "place": "https://meet.example.com/secret-room",
        **fields,
    }
    return services.meeting_schedule(space=space, actor=actor, **values)


def move_to_past(meeting: Meeting, *, hours: float = 2) -> Meeting:
    """The meeting as if it had started ``hours`` ago (services refuse a start in the past)."""
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=hours)
    )
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def meeting(mentor_space, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return schedule(mentor_space)


@pytest.fixture
def held(mentor_space, meeting):
    move_to_past(meeting)
    return services.meeting_close(space=mentor_space, meeting=meeting, outcome="held", actor=None)
