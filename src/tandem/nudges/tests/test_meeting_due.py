from __future__ import annotations

import datetime

import pytest

from tandem.nudges.models import SentNudge

pytestmark = pytest.mark.django_db


def test_nothing_is_due_before_the_cadence_and_the_grace(pair, travel, daily):
    travel(days=30 + 7 - 1)  # monthly cadence plus a week's grace, a day short
    assert [m for m in daily() if "next meeting" in m.subject] == []


def test_both_partners_are_nudged_once_with_a_schedule_now_link(pair, travel, daily):
    travel(days=38)
    sent = [m for m in daily() if "next meeting" in m.subject]
    assert sorted(m.to[0] for m in sent) == sorted(
        [pair.mentor.person.email, pair.mentee.person.email]
    )
    key = str(pair.tandem.formed_key)
    assert all(f"/space/{key}/meetings/new/?date=" in m.body for m in sent)
    assert daily() == []  # run twice: sent once
    travel(days=39)
    assert [m for m in daily() if "next meeting" in m.subject] == []
