"""Pure rules of a cohort's joint events (R7): when to propose kickoff, half-time and closing, and
where a copied event lands in a new cohort. No database; the services call these.

Events fall on working days (Monday to Friday) inside the cohort's dates. A weekend date moves to
the nearest weekday that is still inside the cohort (Saturday → Friday, Sunday → Monday, or the
other way round at the edges of the cohort).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from tandem.programs.choices import EventKind

# A sensible local time for a joint event: late afternoon, after most meetings of the day.
DEFAULT_EVENT_TIME = datetime.time(16, 0)
# Proposed events in this order; "other" events are never proposed.
PROPOSED_KINDS = (EventKind.KICKOFF, EventKind.HALFTIME, EventKind.CLOSING)
# Default length of each proposed event in minutes (workshops at start and end are longer).
DEFAULT_DURATIONS: dict[str, int] = {
    EventKind.KICKOFF: 120,
    EventKind.HALFTIME: 90,
    EventKind.CLOSING: 120,
}
# How far outside the cohort's dates an event may lie (an information event before the start, a
# late closing after the end).
EVENT_MARGIN_DAYS = 30

SATURDAY = 5


def is_weekday(day: datetime.date) -> bool:
    return day.weekday() < SATURDAY


def nearest_weekday_within(
    day: datetime.date, *, lo: datetime.date, hi: datetime.date
) -> datetime.date:
    """``day`` clamped to [lo, hi] and moved off a weekend to the nearest weekday in that range.

    Saturday goes to Friday (else Monday), Sunday to Monday (else Friday). When the range holds no
    weekday at all, the clamped weekend day is returned as it is.
    """
    day = min(max(day, lo), hi)
    if is_weekday(day):
        return day
    deltas = (-1, 2) if day.weekday() == SATURDAY else (1, -2)
    for delta in deltas:
        candidate = day + datetime.timedelta(days=delta)
        if lo <= candidate <= hi:
            return candidate
    return day


def at_local_time(
    day: datetime.date, *, tz: datetime.tzinfo, at: datetime.time = DEFAULT_EVENT_TIME
) -> datetime.datetime:
    """An aware datetime: ``day`` at the wall-clock time ``at`` in the time zone ``tz``."""
    return datetime.datetime.combine(day, at.replace(tzinfo=None), tzinfo=tz)


def propose_event_dates(
    *, starts_on: datetime.date, ends_on: datetime.date
) -> list[tuple[str, datetime.date]]:
    """Kickoff on the first working day, half-time at the middle, closing on the last working day.

    Only events on weekdays inside [starts_on, ends_on] and strictly in order are proposed: in a
    cohort of a few days some may be left out (a cohort of two weeks or more gets all three).
    """
    if ends_on < starts_on:
        return []
    middle = starts_on + datetime.timedelta(days=(ends_on - starts_on).days // 2)
    wanted = [
        (EventKind.KICKOFF, starts_on),
        (EventKind.HALFTIME, middle),
        (EventKind.CLOSING, ends_on),
    ]
    candidates = [
        (kind, nearest_weekday_within(day, lo=starts_on, hi=ends_on)) for kind, day in wanted
    ]
    # Kickoff and closing win over half-time when the cohort is too short for three dates.
    kickoff, halftime, closing = candidates
    kept = [kickoff]
    if halftime[1] < closing[1]:
        kept.append(halftime)
    kept.append(closing)
    return _weekdays_in_order(kept)


def _weekdays_in_order(
    items: Iterable[tuple[str, datetime.date]],
) -> list[tuple[str, datetime.date]]:
    result: list[tuple[str, datetime.date]] = []
    for kind, day in items:
        if not is_weekday(day):
            continue
        if result and day <= result[-1][1]:
            continue
        result.append((str(kind), day))
    return result


def propose_event_times(
    *,
    starts_on: datetime.date,
    ends_on: datetime.date,
    tz: datetime.tzinfo,
    at: datetime.time = DEFAULT_EVENT_TIME,
) -> list[tuple[str, datetime.datetime]]:
    """The proposed (kind, aware start) of kickoff, half-time and closing, in order."""
    return [
        (kind, at_local_time(day, tz=tz, at=at))
        for kind, day in propose_event_dates(starts_on=starts_on, ends_on=ends_on)
    ]


def carry_over_event_date(
    *,
    kind: str,
    day: datetime.date,
    source_starts_on: datetime.date,
    source_ends_on: datetime.date,
    target_starts_on: datetime.date,
    target_ends_on: datetime.date,
) -> datetime.date:
    """Where an event of the source cohort lands in the target cohort.

    Kickoff and other events keep their distance in days from the cohort's start; half-time and
    closing keep their share of the cohort's length (the closing on the last day stays on the last
    day of a longer or shorter cohort). The result lies within the target's dates, on a weekday
    whenever the target has one.
    """
    offset = (day - source_starts_on).days
    if kind in (EventKind.HALFTIME, EventKind.CLOSING):
        source_length = max((source_ends_on - source_starts_on).days, 1)
        target_length = (target_ends_on - target_starts_on).days
        offset = round(offset * target_length / source_length)
    landed = target_starts_on + datetime.timedelta(days=offset)
    return nearest_weekday_within(landed, lo=target_starts_on, hi=target_ends_on)


def event_window(
    *, starts_on: datetime.date, ends_on: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The first and last day an event of a cohort with these dates may take place on."""
    margin = datetime.timedelta(days=EVENT_MARGIN_DAYS)
    return starts_on - margin, ends_on + margin


def event_end(starts_at: datetime.datetime, duration_minutes: int) -> datetime.datetime:
    return starts_at + datetime.timedelta(minutes=duration_minutes)


def retitled_for_cohort(title: str, *, old_name: str, new_name: str, max_length: int) -> str:
    """An event title carried into a new cohort: the old cohort's name, where the title names it
    as a whole word or phrase, becomes the new one ("Kickoff – Autumn 2025" → "Kickoff – Spring
    2026"); any other title stays as it is. Cut to ``max_length``."""
    old = old_name.strip()
    if not old or old == new_name:
        return title[:max_length]
    pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
    return pattern.sub(lambda _match: new_name, title)[:max_length]
