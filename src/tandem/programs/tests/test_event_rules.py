"""The pure rules of joint events: proposed dates and carried-over dates (no database)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from tandem.programs.events.schedule import (
    DEFAULT_EVENT_TIME,
    carry_over_event_date,
    event_window,
    is_weekday,
    nearest_weekday_within,
    propose_event_dates,
    propose_event_times,
)

BERLIN = ZoneInfo("Europe/Berlin")
D = datetime.date

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))
lengths = st.integers(min_value=1, max_value=400)
kinds = st.sampled_from(["kickoff", "halftime", "closing", "other"])


def test_a_six_month_cohort_gets_kickoff_halftime_and_closing_at_16_berlin_time():
    # Monday 2 March 2026 to Wednesday 2 September 2026.
    proposals = propose_event_times(starts_on=D(2026, 3, 2), ends_on=D(2026, 9, 2), tz=BERLIN)
    assert [kind for kind, _ in proposals] == ["kickoff", "halftime", "closing"]
    kickoff, halftime, closing = (moment for _, moment in proposals)
    assert kickoff == datetime.datetime(2026, 3, 2, 16, 0, tzinfo=BERLIN)
    assert halftime.date() == D(2026, 6, 2)  # 92 of 184 days (Tuesday)
    assert closing == datetime.datetime(2026, 9, 2, 16, 0, tzinfo=BERLIN)
    assert all(
        moment.tzinfo is BERLIN and moment.time() == DEFAULT_EVENT_TIME for _, moment in proposals
    )
    # Aware and correct across the change to summer time: 16:00 CET is 15:00 UTC, CEST 14:00 UTC.
    assert kickoff.utcoffset() == datetime.timedelta(hours=1)
    assert closing.utcoffset() == datetime.timedelta(hours=2)


def test_a_start_on_saturday_moves_the_kickoff_to_monday():
    dates_ = dict(propose_event_dates(starts_on=D(2026, 3, 7), ends_on=D(2026, 9, 7)))
    assert dates_["kickoff"] == D(2026, 3, 9)


def test_an_end_on_sunday_moves_the_closing_to_the_friday_before():
    dates_ = dict(propose_event_dates(starts_on=D(2026, 3, 2), ends_on=D(2026, 9, 6)))
    assert dates_["closing"] == D(2026, 9, 4)


def test_a_halftime_on_saturday_moves_to_friday_and_on_sunday_to_monday():
    # Middle of 2 Mar … 9 Mar is Thursday 5 Mar; construct weekend middles explicitly.
    saturday_middle = dict(propose_event_dates(starts_on=D(2026, 3, 2), ends_on=D(2026, 3, 12)))
    assert D(2026, 3, 7).weekday() == 5
    assert saturday_middle["halftime"] == D(2026, 3, 6)
    sunday_middle = dict(propose_event_dates(starts_on=D(2026, 3, 2), ends_on=D(2026, 3, 14)))
    assert sunday_middle["halftime"] == D(2026, 3, 9)


def test_a_weekend_only_cohort_gets_no_proposal():
    assert propose_event_dates(starts_on=D(2026, 3, 7), ends_on=D(2026, 3, 8)) == []


def test_a_two_day_cohort_gets_kickoff_and_closing_only():
    proposals = propose_event_dates(starts_on=D(2026, 3, 2), ends_on=D(2026, 3, 3))
    assert proposals == [("kickoff", D(2026, 3, 2)), ("closing", D(2026, 3, 3))]


def test_nearest_weekday_stays_inside_the_range():
    saturday, sunday = D(2026, 3, 7), D(2026, 3, 8)
    assert nearest_weekday_within(saturday, lo=D(2026, 3, 1), hi=D(2026, 3, 31)) == D(2026, 3, 6)
    assert nearest_weekday_within(sunday, lo=D(2026, 3, 1), hi=D(2026, 3, 31)) == D(2026, 3, 9)
    assert nearest_weekday_within(saturday, lo=saturday, hi=D(2026, 3, 31)) == D(2026, 3, 9)
    assert nearest_weekday_within(sunday, lo=D(2026, 3, 1), hi=sunday) == D(2026, 3, 6)
    assert nearest_weekday_within(D(2026, 1, 1), lo=D(2026, 3, 2), hi=D(2026, 3, 31)) == D(
        2026, 3, 2
    )


def test_the_event_window_reaches_thirty_days_beyond_the_cohort():
    assert event_window(starts_on=D(2026, 3, 2), ends_on=D(2026, 9, 2)) == (
        D(2026, 1, 31),
        D(2026, 10, 2),
    )


@given(start=dates, length=lengths)
def test_proposed_events_lie_within_the_cohort_on_weekdays_in_order(start, length):
    end = start + datetime.timedelta(days=length)
    proposals = propose_event_times(starts_on=start, ends_on=end, tz=BERLIN)
    days = [moment.date() for _, moment in proposals]
    assert all(start <= day <= end for day in days)
    assert all(is_weekday(day) for day in days)
    assert days == sorted(set(days))  # strictly in order
    kinds_ = [kind for kind, _ in proposals]
    assert kinds_ == [k for k in ("kickoff", "halftime", "closing") if k in kinds_]
    assert all(
        moment.tzinfo is BERLIN and moment.time() == DEFAULT_EVENT_TIME for _, moment in proposals
    )
    if length >= 14:
        assert kinds_ == ["kickoff", "halftime", "closing"]


@given(
    source_start=dates,
    source_length=lengths,
    target_start=dates,
    target_length=st.integers(min_value=3, max_value=400),
    kind=kinds,
    offset=st.integers(min_value=-30, max_value=430),
)
def test_carried_over_events_land_inside_the_target_on_a_weekday(
    source_start, source_length, target_start, target_length, kind, offset
):
    target_end = target_start + datetime.timedelta(days=target_length)
    day = carry_over_event_date(
        kind=kind,
        day=source_start + datetime.timedelta(days=offset),
        source_starts_on=source_start,
        source_ends_on=source_start + datetime.timedelta(days=source_length),
        target_starts_on=target_start,
        target_ends_on=target_end,
    )
    assert target_start <= day <= target_end
    assert is_weekday(day)  # three days or more always hold a weekday


def test_kickoff_keeps_its_distance_and_closing_its_share_of_the_length():
    source = {"source_starts_on": D(2026, 3, 2), "source_ends_on": D(2026, 9, 2)}  # 184 days
    target = {"target_starts_on": D(2027, 3, 1), "target_ends_on": D(2027, 6, 1)}  # 92 days
    kickoff = carry_over_event_date(kind="kickoff", day=D(2026, 3, 4), **source, **target)
    assert kickoff == D(2027, 3, 3)  # two days after the start, as before
    closing = carry_over_event_date(kind="closing", day=D(2026, 9, 2), **source, **target)
    assert closing == D(2027, 6, 1)  # the last day stays the last day
    halftime = carry_over_event_date(kind="halftime", day=D(2026, 6, 2), **source, **target)
    assert halftime == D(2027, 4, 16)  # 92 of 184 days → 46 of 92 days (Friday)
