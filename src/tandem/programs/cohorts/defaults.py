"""Pure defaults of a cohort's frame (R5, R6): durations and the pilot cap."""

from __future__ import annotations

import calendar
import datetime

DEFAULT_MONTHS = 6
PILOT_MONTHS = 3
DEFAULT_PILOT_MAX_TANDEMS = 5


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def default_end(starts_on: datetime.date, *, is_pilot: bool) -> datetime.date:
    """Six months after the start; three months for a pilot."""
    return add_months(starts_on, PILOT_MONTHS if is_pilot else DEFAULT_MONTHS)


def suggested_copy_start(source_start: datetime.date, *, today: datetime.date) -> datetime.date:
    """Where the next round of a cohort starts by default: six months after this one, but at
    least a month from today. A source stored before dates were range-checked (year 9999) gets
    today's suggestion instead of an error."""
    soon = today + datetime.timedelta(days=30)
    try:
        return max(add_months(source_start, DEFAULT_MONTHS), soon)
    except (ValueError, OverflowError):
        return soon
