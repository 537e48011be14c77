"""Reads of the learned list and the KPIs: the page, the card, the coordinator's counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, QuerySet

from tandem.enrolment.models import GiveBackTopic, LearningNeed
from tandem.topics.models import KpiSuggestion, Topic
from tandem.workspace.access import Space
from tandem.workspace.learning.models import Kpi, Learning


def learnings(*, space: Space) -> QuerySet[Learning]:
    return Learning.objects.filter(tandem=space.tandem).select_related("topic", "author")


def kpis(*, space: Space) -> QuerySet[Kpi]:
    return Kpi.objects.filter(tandem=space.tandem).select_related("topic")


def learning_for(*, space: Space, pk: int) -> Learning:
    """The partner's own learning entry of this tandem, else 403 (also for another tandem's)."""
    found = learnings(space=space).filter(pk=pk, author=space.person).first()
    if found is None:
        raise PermissionDenied
    return found


def kpi_for(*, space: Space, pk: int) -> Kpi:
    """A KPI of this tandem (both partners keep the KPIs), else 403."""
    found = kpis(space=space).filter(pk=pk).first()
    if found is None:
        raise PermissionDenied
    return found


def tandem_topic_ids(*, space: Space) -> set[int]:
    """The topics the two named at enrolment: the mentee's learning needs, the give-back topics."""
    enrolments = [space.tandem.mentee_id, space.tandem.mentor_id]
    needs = LearningNeed.objects.filter(enrolment_id__in=enrolments).values_list("topic", flat=True)
    give = GiveBackTopic.objects.filter(enrolment_id__in=enrolments).values_list("topic", flat=True)
    return set(needs) | set(give)


def topic_choices(*, space: Space) -> QuerySet[Topic]:
    return Topic.objects.filter(is_active=True).order_by("kind", "position", "id")


def kpi_suggestions(*, space: Space) -> list[KpiSuggestion]:
    """Suggestions for the tandem's own topics; the whole list when none of them has one."""
    every = list(KpiSuggestion.objects.filter(topic__is_active=True).select_related("topic"))
    mine = tandem_topic_ids(space=space)
    own = [s for s in every if s.topic_id in mine]
    return own or list(every)


def card(*, space: Space) -> dict[str, Any]:
    counted = kpis(space=space).aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False))
    )
    return {"key": space.key, "learned": learnings(space=space).count(), **counted}


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, Any]]:
    """KPIs done and in all, and the latest change of a KPI or a learning, per tandem."""
    facts: dict[int, dict[str, Any]] = {}
    kpi_rows = (
        Kpi.objects.filter(tandem__pk__in=tandem_ids)
        .values("tandem__pk")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(done_at__isnull=False)),
            latest=Max("updated_at"),
        )
    )
    for row in kpi_rows:
        facts[row["tandem__pk"]] = {
            "kpis_total": row["total"],
            "kpis_done": row["done"],
            "last_activity_at": row["latest"],
        }
    learned_rows = (
        Learning.objects.filter(tandem__pk__in=tandem_ids)
        .values("tandem__pk")
        .annotate(latest=Max("created_at"))
    )
    for row in learned_rows:
        entry = facts.setdefault(row["tandem__pk"], {})
        entry["last_activity_at"] = _latest(entry.get("last_activity_at"), row["latest"])
    return facts


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((m for m in (a, b) if m is not None), default=None)
