"""Sorting and filtering the coordinator's list (pure, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tandem.workspace.overview.health import Health, HealthCode
from tandem.workspace.overview.listing import (
    DEFAULT_SORT,
    SORT_KEYS,
    filter_rows,
    parse_sort,
    sort_rows,
)

TODAY = date(2026, 12, 4)


@dataclass
class FakeRow:
    mentee_name: str
    mentor_name: str = "Jonas"
    formed_at: datetime = datetime(2026, 10, 1, tzinfo=UTC)
    agreement_signed_at: datetime | None = None
    meetings_held: int = 0
    next_meeting_at: datetime | None = None
    kpis_done: int = 0
    kpis_total: int = 0
    ended_at: datetime | None = None
    activity: date = TODAY
    health: Health = field(default_factory=lambda: Health(HealthCode.ON_TRACK, ()))

    @property
    def is_running(self) -> bool:
        return self.ended_at is None

    @property
    def last_activity_on(self) -> date:
        return self.activity


def test_unknown_sort_falls_back_to_the_default():
    assert parse_sort("-; DROP TABLE") == (DEFAULT_SORT, False)
    assert parse_sort("-activity") == ("activity", True)
    assert parse_sort(None) == (DEFAULT_SORT, False)


def test_unsigned_agreements_sort_last_in_both_directions():
    signed = FakeRow("a", agreement_signed_at=datetime(2026, 11, 1, tzinfo=UTC))
    later = FakeRow("b", agreement_signed_at=datetime(2026, 11, 9, tzinfo=UTC))
    unsigned = FakeRow("c")
    rows = [unsigned, later, signed]
    assert sort_rows(rows, key="agreement", descending=False) == [signed, later, unsigned]
    assert sort_rows(rows, key="agreement", descending=True) == [later, signed, unsigned]


def test_names_sort_without_regard_to_case():
    rows = [FakeRow("marlene"), FakeRow("Anna"), FakeRow("Bernd")]
    assert [r.mentee_name for r in sort_rows(rows, key="mentee", descending=False)] == [
        "Anna",
        "Bernd",
        "marlene",
    ]


def test_filters_by_status_agreement_and_quiet():
    running = FakeRow("a", activity=TODAY - timedelta(days=45))
    ended = FakeRow("b", ended_at=datetime(2026, 11, 1, tzinfo=UTC), activity=TODAY - timedelta(60))
    signed = FakeRow("c", agreement_signed_at=datetime(2026, 11, 1, tzinfo=UTC))
    rows = [running, ended, signed]
    assert filter_rows(rows, status="running", today=TODAY) == [running, signed]
    assert filter_rows(rows, status="ended", today=TODAY) == [ended]
    assert filter_rows(rows, agreement="signed", today=TODAY) == [signed]
    assert filter_rows(rows, agreement="unsigned", today=TODAY) == [running, ended]
    # Quiet means a running tandem without activity for 30 days; an ended one is not "quiet".
    assert filter_rows(rows, quiet=True, today=TODAY) == [running]


def test_health_sorts_the_most_urgent_first_and_filters_by_state():
    stalled = FakeRow("a", health=Health(HealthCode.STALLED, ("never_met",)))
    early = FakeRow("b", health=Health(HealthCode.TOO_EARLY, ("just_formed",)))
    fine = FakeRow("c")
    check = FakeRow("d", health=Health(HealthCode.CHECK_IN, ("no_agreement",)))
    rows = [fine, early, check, stalled]
    assert sort_rows(rows, key="health", descending=False) == [stalled, check, early, fine]
    assert sort_rows(rows, key="health", descending=True) == [fine, early, check, stalled]
    assert filter_rows(rows, health="check_in", today=TODAY) == [check]
    assert filter_rows(rows, health="", today=TODAY) == rows


rows_strategy = st.lists(
    st.builds(
        FakeRow,
        mentee_name=st.text(max_size=5),
        health=st.builds(Health, st.sampled_from(HealthCode), st.just(())),
        meetings_held=st.integers(0, 12),
        agreement_signed_at=st.none()
        | st.datetimes(
            timezones=st.just(UTC), min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1)
        ),
    ),
    max_size=12,
)


@given(rows_strategy, st.sampled_from(SORT_KEYS), st.booleans())
def test_sorting_keeps_every_row_once(rows, key, descending):
    result = sort_rows(rows, key=key, descending=descending)
    assert sorted(map(id, result)) == sorted(map(id, rows))
