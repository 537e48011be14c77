"""What the meetings tell the coordinator's overview: dates and counts, in fixed queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.workspace.meetings import services
from tandem.workspace.meetings.selectors import card, progress_facts
from tandem.workspace.meetings.tests.conftest import move_to_past, schedule
from tandem.workspace.overview.facts import FACT_NAMES, tandem_progress

pytestmark = pytest.mark.django_db


def test_facts_count_held_meetings_and_name_the_last_and_next(formed, mentor_space):
    held = move_to_past(schedule(mentor_space), hours=48)
    services.meeting_close(space=mentor_space, meeting=held, outcome="held", actor=None)
    missed = move_to_past(schedule(mentor_space), hours=24)
    services.meeting_close(space=mentor_space, meeting=missed, outcome="missed", actor=None)
    upcoming = schedule(mentor_space, days=3)
    schedule(mentor_space, days=9)
    cancelled = schedule(mentor_space, days=1)
    services.meeting_cancel(space=mentor_space, meeting=cancelled, actor=None)

    facts = progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk])
    mine = facts[formed.tandem.pk]
    assert set(mine) <= set(FACT_NAMES)
    assert mine["meetings_held"] == 1
    assert mine["last_meeting_at"] == held.starts_at
    assert mine["next_meeting_at"] == upcoming.starts_at
    assert mine["last_activity_at"] is not None
    assert formed.other.pk not in facts  # no meetings, nothing to say

    row = tandem_progress(tandem=formed.tandem)
    assert (row.meetings_held, row.next_meeting_at) == (1, upcoming.starts_at)


def test_feedback_counts_as_activity(formed, mentor_space, held):
    before = progress_facts(tandem_ids=[formed.tandem.pk])[formed.tandem.pk]["last_activity_at"]
    feedback = services.meeting_feedback_give(
        space=mentor_space, meeting=held, rating=5, remark="", actor=None
    )
    after = progress_facts(tandem_ids=[formed.tandem.pk])[formed.tandem.pk]["last_activity_at"]
    assert after == max(before, feedback.created_at)


def test_facts_read_in_two_queries_for_any_number_of_tandems(formed, mentor_space, held):
    with CaptureQueriesContext(connection) as captured:
        progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk, 999])
    assert len(captured) == 2


def test_the_card_names_the_next_meeting_and_the_held_count(formed, mentor_space, held):
    later = schedule(mentor_space, days=4)
    schedule(mentor_space, days=8)
    data = card(space=mentor_space)
    assert data["next"] == later
    assert (data["held"], data["target"]) == (1, formed.cohort.target_meetings)


def test_the_card_has_no_next_meeting_when_none_is_scheduled(mentor_space):
    assert card(space=mentor_space)["next"] is None
