"""No meeting scheduled when the cadence says one is due: both partners, then the contact."""

from __future__ import annotations

import pytest

from tandem.nudges.models import SentNudge
from tandem.nudges.tests.conftest import START, meeting, to_of

pytestmark = pytest.mark.django_db
SUBJECT = "next meeting"


def _due(messages):
    return [m for m in messages if SUBJECT in m.subject]


def _check_ins(messages):
    return [m for m in messages if "Needs a check-in" in m.subject]


def test_nothing_is_due_before_the_cadence_and_the_grace(pair, travel, daily):
    travel(days=30 + 7 - 1)  # monthly cadence plus a week's grace, a day short
    assert _due(daily()) == []


def test_both_partners_are_nudged_once_with_a_schedule_now_link(pair, travel, daily):
    travel(days=38)
    sent = _due(daily())
    assert to_of(sent) == sorted([pair.mentor.person.email, pair.mentee.person.email])
    key = str(pair.tandem.formed_key)
    assert all(f"/space/{key}/meetings/new/?date=2026-04-10" in m.body for m in sent)
    assert daily() == []  # the job run twice: sent once
    travel(days=39)
    assert _due(daily()) == []


def test_a_scheduled_meeting_means_no_nudge(pair, travel, daily):
    meeting(pair.tandem, START.replace(month=5))
    travel(days=60)
    assert _due(daily()) == []


def test_a_meeting_held_starts_a_new_count(pair, travel, daily):
    meeting(pair.tandem, START.replace(day=20), status="held")
    travel(days=38)  # 30 + 7 after forming, but only 18 after the meeting
    assert _due(daily()) == []
    travel(days=18 + 38)
    assert len(_due(daily())) == 2


def test_the_second_nudge_asks_the_contact_for_a_check_in(pair, travel, daily):
    travel(days=38)
    daily()
    travel(days=38 + 6)
    assert _check_ins(daily()) == []
    travel(days=38 + 7)
    check_ins = _check_ins(daily())
    assert to_of(check_ins) == ["clara.coordinator@example.com"] * len(check_ins)
    meeting_check_in = [m for m in check_ins if "none is scheduled" in m.body]
    assert len(meeting_check_in) == 1
    body = meeting_check_in[0].body
    assert "Jonas Yılmaz" in body and "Marlene Müller" in body
    assert f"/space/{pair.tandem.formed_key}/coordinator-view/" in body
    assert _check_ins(daily()) == []  # once


def test_no_check_in_when_the_pair_schedules_in_between(pair, travel, daily):
    travel(days=38)
    daily()
    meeting(pair.tandem, START.replace(month=5))
    travel(days=38 + 8)
    assert [m for m in _check_ins(daily()) if "none is scheduled" in m.body] == []


def test_after_downtime_the_due_nudge_goes_out_once(pair, travel, daily):
    travel(days=50)  # the job did not run for days
    assert len(_due(daily())) == 2
    assert _due(daily()) == []
    assert SentNudge.objects.filter(rule="meeting_due", step=1).count() == 2


def test_an_ended_tandem_gets_nothing(pair, travel, daily):
    from tandem.tandems.models import TandemStatus

    pair.tandem.status, pair.tandem.ended_at = TandemStatus.ENDED, START
    pair.tandem.save()
    travel(days=60)
    assert daily() == []


def test_a_closed_cohort_gets_nothing(pair, travel, daily):
    pair.cohort.phase = "closed"
    pair.cohort.save()
    travel(days=60)
    assert daily() == []


def test_the_schedule_now_link_opens_the_form_with_the_date_filled_in(
    pair, travel, daily, mentor, client_for
):
    travel(days=38)
    link = _due(daily())[0].body.split("http://")[1].split()[0]
    path = link[link.index("/space/") :]
    response = client_for(mentor).get(path)
    assert response.status_code == 200
    assert str(response.context["form"].initial["date"]) == "2026-04-10"


def test_a_past_or_broken_date_in_the_link_is_ignored(pair, travel, mentor, client_for):
    travel(days=38)
    url = f"/space/{pair.tandem.formed_key}/meetings/new/"
    client = client_for(mentor)
    for value in ("2026-01-01", "not-a-date"):
        response = client.get(url, {"date": value})
        assert "date" not in response.context["form"].initial
