"""The progress row of a tandem, from dates and counts only (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.features import feature_hooks
from tandem.workspace.overview.health import (
    Health,
    HealthCode,
    HealthFacts,
    cadence_days,
    tandem_health,
)
from tandem.workspace.overview.health_texts import reason_texts, state_label

# The facts a feature may contribute (anything else is a programming error, caught in tests).
FACT_NAMES = (
    "agreement_signed_at",
    "meetings_held",
    "last_meeting_at",
    "next_meeting_at",
    "kpis_done",
    "kpis_total",
    "last_activity_at",
    "rematch_requested",
)


@dataclass
class TandemProgress:
    tandem_id: int
    mentor_name: str
    mentee_name: str
    formed_at: datetime
    ended_at: datetime | None
    meetings_planned: int
    cadence_days: int = 30
    agreement_signed_at: datetime | None = None
    meetings_held: int = 0
    last_meeting_at: datetime | None = None
    next_meeting_at: datetime | None = None
    kpis_done: int = 0
    kpis_total: int = 0
    # The latest date anything happened in the space (a date, never what happened).
    last_activity_at: datetime | None = None
    # Ended because a partner asked for a new partner (never who asked).
    rematch_requested: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    # Judged from the facts above once they are all in (`health.py`); never from content.
    health: Health = field(default_factory=lambda: Health(HealthCode.TOO_EARLY, ()))

    @property
    def is_running(self) -> bool:
        return self.ended_at is None

    @property
    def agreement_signed(self) -> bool:
        return self.agreement_signed_at is not None

    @property
    def last_activity_on(self) -> date:
        return (self.last_activity_at or self.formed_at).date()

    @property
    def health_label(self) -> str:
        return state_label(self.health.code)

    @property
    def health_reasons(self) -> list[str]:
        return reason_texts(self.health.reasons)

    def judge(self, *, now: datetime) -> None:
        self.health = tandem_health(
            HealthFacts(
                now=now,
                formed_at=self.formed_at,
                ended_at=self.ended_at,
                cadence_days=self.cadence_days,
                meetings_held=self.meetings_held,
                last_meeting_at=self.last_meeting_at,
                next_meeting_at=self.next_meeting_at,
                agreement_signed=self.agreement_signed,
            )
        )


def _feature_facts(tandem_ids: list[int]) -> list[dict[int, dict[str, Any]]]:
    return [contribute(tandem_ids=tandem_ids) for _f, contribute in feature_hooks("progress_facts")]


def _latest(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


# What a row needs of the tandem itself, read as values: a thousand model instances with their
# people would cost more than everything else on the page (benchmarks/tandem_space.py).
_BASE = (
    "pk",
    "confirmed_at",
    "ended_at",
    "cohort__target_meetings",
    "cohort__cadence",
    "mentor__person__first_name",
    "mentor__person__last_name",
    "mentee__person__first_name",
    "mentee__person__last_name",
)


def _name(values: dict[str, Any], side: str) -> str:
    return f"{values[f'{side}__person__first_name']} {values[f'{side}__person__last_name']}".strip()


def progress_rows(tandems: QuerySet[Tandem]) -> list[TandemProgress]:
    """One row per formed tandem, in a fixed number of queries whatever their number."""
    rows = {
        values["pk"]: TandemProgress(
            tandem_id=values["pk"],
            mentor_name=_name(values, "mentor"),
            mentee_name=_name(values, "mentee"),
            formed_at=values["confirmed_at"],
            ended_at=values["ended_at"],
            meetings_planned=values["cohort__target_meetings"],
            cadence_days=cadence_days(values["cohort__cadence"]),
        )
        for values in tandems.values(*_BASE)
    }
    known = {f.name for f in fields(TandemProgress)}
    for contribution in _feature_facts(list(rows)):
        for tandem_id, facts in contribution.items():
            row = rows[tandem_id]
            for name, value in facts.items():
                if name not in FACT_NAMES or name not in known:
                    raise ValueError(f"Unknown progress fact {name!r}")
                if name == "last_activity_at":
                    row.last_activity_at = _latest(row.last_activity_at, value)
                else:
                    setattr(row, name, value)
    now = timezone.now()
    for row in rows.values():
        row.last_activity_at = _latest(
            row.last_activity_at, row.agreement_signed_at, row.last_meeting_at, row.formed_at
        )
        row.judge(now=now)
    return list(rows.values())


def formed_tandems(*, cohort: Cohort) -> QuerySet[Tandem]:
    return Tandem.objects.filter(
        cohort=cohort, status__in=(TandemStatus.CONFIRMED, TandemStatus.ENDED)
    ).order_by("confirmed_at", "pk")


def cohort_progress(*, cohort: Cohort) -> list[TandemProgress]:
    return progress_rows(formed_tandems(cohort=cohort))


def tandem_progress(*, tandem: Tandem) -> TandemProgress:
    return progress_rows(Tandem.objects.filter(pk=tandem.pk))[0]
