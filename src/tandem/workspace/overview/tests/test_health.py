"""A tandem's health from dates and counts only (pure, no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tandem.programs.choices import Cadence
from tandem.workspace.overview.health import (
    CADENCE_DAYS,
    HealthCode,
    HealthFacts,
    cadence_days,
    tandem_health,
)
from tandem.workspace.overview.health_texts import REASON_TEXTS, STATE_LABELS

FORMED = datetime(2026, 9, 1, 9, tzinfo=UTC)


def facts(days_after_forming: float, **changes) -> HealthFacts:
    base = HealthFacts(
        now=FORMED + timedelta(days=days_after_forming),
        formed_at=FORMED,
        ended_at=None,
        cadence_days=14,
        meetings_held=0,
        last_meeting_at=None,
        next_meeting_at=None,
        agreement_signed=True,
    )
    return replace(base, **changes)


def days(n: float) -> datetime:
    return FORMED + timedelta(days=n)


def test_every_cadence_of_a_cohort_has_its_days():
    assert set(CADENCE_DAYS) == set(Cadence.values)
    assert cadence_days("weekly") == 7 and cadence_days("nonsense") == 30


def test_a_tandem_formed_last_week_is_too_early_to_tell():
    health = tandem_health(facts(10, agreement_signed=False))
    assert health.code == HealthCode.TOO_EARLY
    assert health.reasons == ("just_formed",)


def test_a_tandem_meeting_every_two_weeks_is_on_track():
    health = tandem_health(facts(60, meetings_held=4, last_meeting_at=days(52)))
    assert health.code == HealthCode.ON_TRACK
    assert health.reasons == ("nothing_overdue",)


def test_a_first_meeting_in_the_calendar_counts_as_on_track():
    health = tandem_health(facts(5, next_meeting_at=days(12)))
    assert (health.code, health.reasons) == (HealthCode.ON_TRACK, ("meeting_scheduled",))


def test_a_meeting_slipping_by_a_few_days_is_not_flagged():
    # Last met 20 days ago with a two-week cadence: within the grace week.
    assert tandem_health(facts(60, meetings_held=3, last_meeting_at=days(40))).code == "on_track"


def test_an_overdue_meeting_needs_a_check_in():
    health = tandem_health(facts(60, meetings_held=3, last_meeting_at=days(38)))
    assert (health.code, health.reasons) == (HealthCode.CHECK_IN, ("meeting_overdue",))


def test_an_overdue_tandem_with_a_meeting_coming_soon_is_on_track_again():
    health = tandem_health(
        facts(60, meetings_held=3, last_meeting_at=days(30), next_meeting_at=days(65))
    )
    assert health.code == HealthCode.ON_TRACK


def test_no_agreement_three_weeks_after_forming_needs_a_check_in():
    health = tandem_health(facts(22, agreement_signed=False, next_meeting_at=days(25)))
    assert (health.code, health.reasons) == (HealthCode.CHECK_IN, ("no_agreement",))


def test_never_met_and_nothing_scheduled_for_two_cadences_and_a_week_is_stalled():
    health = tandem_health(facts(36))
    assert (health.code, health.reasons) == (HealthCode.STALLED, ("never_met",))
    assert tandem_health(facts(35)).code == HealthCode.CHECK_IN


def test_a_tandem_that_stopped_meeting_is_stalled_with_every_reason():
    health = tandem_health(
        facts(100, meetings_held=2, last_meeting_at=days(30), agreement_signed=False)
    )
    assert health.code == HealthCode.STALLED
    assert health.reasons == ("no_meeting_for_long", "no_agreement")


def test_a_far_away_meeting_keeps_a_quiet_tandem_from_stalled_but_not_from_a_check_in():
    quiet = facts(100, meetings_held=1, last_meeting_at=days(20), next_meeting_at=days(130))
    health = tandem_health(quiet)
    assert health.code == HealthCode.CHECK_IN


def test_an_ended_tandem_is_ended():
    health = tandem_health(facts(200, ended_at=days(150)))
    assert (health.code, health.reasons) == (HealthCode.ENDED, ("ended",))


def test_every_state_and_reason_has_words():
    assert set(STATE_LABELS) == set(HealthCode)
    codes = {
        reason
        for scenario in (
            facts(0),
            facts(60),
            facts(100, meetings_held=1, last_meeting_at=days(1), agreement_signed=False),
            facts(5, next_meeting_at=days(6)),
            facts(200, ended_at=days(1)),
        )
        for reason in tandem_health(scenario).reasons
    }
    assert codes <= set(REASON_TEXTS)


moments = st.floats(min_value=0, max_value=400, allow_nan=False)
health_facts = st.builds(
    lambda age, cadence, held, last, upcoming, signed, ended: facts(
        age,
        cadence_days=cadence,
        meetings_held=held,
        last_meeting_at=days(min(last, age)) if held else None,
        next_meeting_at=days(age + upcoming) if upcoming is not None else None,
        agreement_signed=signed,
        ended_at=days(age) if ended else None,
    ),
    moments,
    st.sampled_from(sorted(CADENCE_DAYS.values())),
    st.integers(0, 12),
    moments,
    st.none() | st.floats(min_value=-30, max_value=120, allow_nan=False),
    st.booleans(),
    st.booleans(),
)


@given(health_facts)
def test_an_ended_tandem_is_always_ended_and_only_then(fact):
    assert (tandem_health(fact).code == HealthCode.ENDED) == (fact.ended_at is not None)


@given(health_facts, st.floats(min_value=0.001, max_value=1, allow_nan=False))
def test_a_meeting_scheduled_within_a_cadence_never_leaves_a_tandem_stalled(fact, share):
    soon = replace(fact, next_meeting_at=fact.now + timedelta(days=fact.cadence_days * share))
    assert tandem_health(soon).code != HealthCode.STALLED


@given(health_facts, st.floats(min_value=0, max_value=400, allow_nan=False))
def test_time_passing_without_meetings_never_improves_the_state(fact, later):
    waiting = replace(fact, ended_at=None, next_meeting_at=None)
    after = replace(waiting, now=waiting.now + timedelta(days=later))
    assert tandem_health(after).rank >= tandem_health(waiting).rank


@given(health_facts)
def test_the_same_facts_give_the_same_health(fact):
    assert tandem_health(fact) == tandem_health(replace(fact))
    assert all(reason in REASON_TEXTS for reason in tandem_health(fact).reasons)
