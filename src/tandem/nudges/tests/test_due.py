"""The pure rules: never due before the timing, never twice for the same step."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tandem.nudges import due

T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
moments = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=4).map(
    lambda days: [T0 + datetime.timedelta(days=d) for d in sorted(days)]
)


@given(moments, st.integers(min_value=-5, max_value=80), st.sets(st.integers(1, 4)))
def test_a_step_is_never_due_before_its_moment_nor_after_itself_or_a_later_one(steps, day, sent):
    now = T0 + datetime.timedelta(days=day)
    step = due.due_step(now=now, moments=steps, sent=sorted(sent))
    if step is not None:
        assert steps[step - 1] <= now
        assert all(s < step for s in sent)
    if now < steps[0]:
        assert step is None


@given(moments, st.integers(min_value=0, max_value=80))
def test_sending_what_is_due_leaves_nothing_due_at_the_same_moment(steps, day):
    now = T0 + datetime.timedelta(days=day)
    step = due.due_step(now=now, moments=steps, sent=[])
    if step is not None:
        assert due.due_step(now=now, moments=steps, sent=[step]) is None


@given(moments, st.integers(min_value=0, max_value=80))
def test_whatever_came_due_during_downtime_is_due_once(steps, day):
    """A naive version: the last step whose moment has passed."""
    now = T0 + datetime.timedelta(days=day)
    passed = [i + 1 for i, moment in enumerate(steps) if moment <= now]
    assert due.due_step(now=now, moments=steps, sent=[]) == (max(passed) if passed else None)


def test_proposal_defaults_are_3_and_7_days():
    timings = due.DEFAULT_TIMINGS
    at = lambda days: T0 + datetime.timedelta(days=days)  # noqa: E731
    assert due.proposal_step(now=at(2.9), published_at=T0, timings=timings, sent=[]) is None
    assert due.proposal_step(now=at(3), published_at=T0, timings=timings, sent=[]) == 1
    assert due.proposal_step(now=at(7), published_at=T0, timings=timings, sent=[1]) == 2


def test_a_switched_off_rule_is_never_due():
    off = due.Timings(proposals_on=False, agreement_on=False, meetings_due_on=False)
    later = T0 + datetime.timedelta(days=400)
    assert due.proposal_step(now=later, published_at=T0, timings=off, sent=[]) is None
    assert due.agreement_step(now=later, formed_at=T0, signed=False, timings=off, sent={}) is None
    assert (
        due.meeting_due_step(
            now=later,
            formed_at=T0,
            last_meeting_at=None,
            next_meeting_at=None,
            cadence_days=7,
            timings=off,
            sent={},
        )
        is None
    )


def test_no_check_in_without_a_first_nudge_or_with_escalation_off():
    later = T0 + datetime.timedelta(days=400)
    timings = due.DEFAULT_TIMINGS
    assert due.agreement_step(now=later, formed_at=T0, signed=False, timings=timings, sent={}) == 1
    first = {1: T0 + datetime.timedelta(days=21)}
    assert (
        due.agreement_step(now=later, formed_at=T0, signed=False, timings=timings, sent=first) == 2
    )
    quiet = due.Timings(escalation_on=False)
    assert (
        due.agreement_step(now=later, formed_at=T0, signed=False, timings=quiet, sent=first) is None
    )


def test_the_first_meeting_nudge_matches_the_overviews_check_in():
    """With the default timings, the nudge starts when the health says "needs a check-in"."""
    from tandem.workspace.overview.health import HealthCode, HealthFacts, tandem_health

    for cadence in (7, 14, 30):
        for day in range(0, 60):
            now = T0 + datetime.timedelta(days=day, hours=12)
            facts = HealthFacts(
                now=now,
                formed_at=T0,
                ended_at=None,
                cadence_days=cadence,
                meetings_held=0,
                last_meeting_at=None,
                next_meeting_at=None,
                agreement_signed=True,
            )
            flagged = tandem_health(facts).code in (HealthCode.CHECK_IN, HealthCode.STALLED)
            step = due.meeting_due_step(
                now=now,
                formed_at=T0,
                last_meeting_at=None,
                next_meeting_at=None,
                cadence_days=cadence,
                timings=due.DEFAULT_TIMINGS,
                sent={},
            )
            assert (step is not None) == flagged


def test_a_reminder_is_due_from_its_time_ahead_until_the_start():
    start = T0 + datetime.timedelta(days=1)
    ahead = datetime.timedelta(hours=24)
    assert due.reminder_due(now=T0, starts_at=start, ahead=ahead)
    assert not due.reminder_due(
        now=T0 - datetime.timedelta(minutes=1), starts_at=start, ahead=ahead
    )
    assert not due.reminder_due(now=start, starts_at=start, ahead=ahead)
