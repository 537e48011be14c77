"""No agreement 21 days after forming: both partners, then the contact."""

from __future__ import annotations

import pytest

from tandem.nudges.tests.conftest import START, meeting, sign_agreement, to_of

pytestmark = pytest.mark.django_db


def _agreement(messages):
    return [m for m in messages if "agreement" in m.subject]


def test_reminded_on_day_21_not_before(pair, travel, daily):
    meeting(pair.tandem, START.replace(month=6))  # keep the meeting rule quiet
    travel(days=20, hours=23)
    assert _agreement(daily()) == []
    travel(days=21)
    sent = _agreement(daily())
    assert to_of(sent) == sorted([pair.mentor.person.email, pair.mentee.person.email])
    assert f"/space/{pair.tandem.formed_key}/agreement/" in sent[0].body
    assert daily() == []


def test_a_signed_agreement_means_no_nudge(pair, travel, daily):
    meeting(pair.tandem, START.replace(month=6))
    sign_agreement(pair.tandem, START)
    travel(days=40)
    assert daily() == []


def test_still_unsigned_after_the_escalation_days_the_contact_hears(pair, travel, daily):
    meeting(pair.tandem, START.replace(month=6))
    travel(days=21)
    daily()
    travel(days=28)
    sent = daily()
    assert to_of(sent) == ["clara.coordinator@example.com"]
    assert "No agreement signed yet." in sent[0].body
