"""Sorting and filtering the coordinator's list: pure functions on progress rows.

Sort keys are the columns; missing dates sort last whichever the direction, so that "agreement
signed" ascending shows the oldest signatures first and the unsigned at the end. "health"
ascending puts the most urgent first (stalled, needs a check-in, too early, on track, ended).
Filters: running/ended, agreement signed/unsigned, "quiet" (no activity for `QUIET_DAYS`) and
the health state (`health.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, Protocol, TypeVar

from tandem.workspace.overview.health import Health, HealthCode

QUIET_DAYS = 30

# Most urgent first: the order a coordinator works through the list.
HEALTH_ORDER = (
    HealthCode.STALLED,
    HealthCode.CHECK_IN,
    HealthCode.TOO_EARLY,
    HealthCode.ON_TRACK,
    HealthCode.ENDED,
)
HEALTH_FILTERS = tuple(code.value for code in HEALTH_ORDER)

SORT_KEYS = (
    "mentee",
    "mentor",
    "formed",
    "agreement",
    "meetings",
    "next_meeting",
    "activity",
    "kpis",
    "health",
)
DEFAULT_SORT = "formed"


class Row(Protocol):
    mentor_name: str
    mentee_name: str
    formed_at: datetime
    agreement_signed_at: datetime | None
    meetings_held: int
    next_meeting_at: datetime | None
    kpis_done: int
    kpis_total: int
    health: Health

    @property
    def is_running(self) -> bool: ...

    @property
    def last_activity_on(self) -> date: ...


R = TypeVar("R", bound=Row)


def _value(row: Row, key: str) -> Any:
    return {
        "mentee": row.mentee_name.casefold(),
        "mentor": row.mentor_name.casefold(),
        "formed": row.formed_at,
        "agreement": row.agreement_signed_at,
        "meetings": row.meetings_held,
        "next_meeting": row.next_meeting_at,
        "activity": row.last_activity_on,
        "kpis": (row.kpis_done, row.kpis_total),
        "health": HEALTH_ORDER.index(row.health.code),
    }[key]


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """``"-activity"`` → ("activity", descending); unknown keys fall back to the default."""
    raw = (raw or "").strip()
    descending = raw.startswith("-")
    key = raw.lstrip("-")
    if key not in SORT_KEYS:
        return DEFAULT_SORT, False
    return key, descending


def sort_rows(rows: Iterable[R], *, key: str, descending: bool) -> list[R]:
    rows = list(rows)
    present = [row for row in rows if _value(row, key) is not None]
    missing = [row for row in rows if _value(row, key) is None]
    present.sort(key=lambda row: _value(row, key), reverse=descending)
    return present + missing


def filter_rows(
    rows: Iterable[R],
    *,
    status: str = "",
    agreement: str = "",
    quiet: bool = False,
    health: str = "",
    today: date,
) -> list[R]:
    chosen = []
    for row in rows:
        if status == "running" and not row.is_running:
            continue
        if status == "ended" and row.is_running:
            continue
        if agreement == "signed" and row.agreement_signed_at is None:
            continue
        if agreement == "unsigned" and row.agreement_signed_at is not None:
            continue
        if quiet and (not row.is_running or row.last_activity_on > today - timedelta(QUIET_DAYS)):
            continue
        if health and row.health.code != health:
            continue
        chosen.append(row)
    return chosen
