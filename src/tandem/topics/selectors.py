"""Reads of the topic catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from tandem.topics.models import KIND_HEADINGS, KIND_ORDER, Topic, TopicArea, TopicKind

SEARCH_FIELDS = (
    "code",
    "reference",
    "name_de",
    "name_en",
    "description_de",
    "description_en",
    "questions_de",
    "questions_en",
    "area__name_de",
    "area__name_en",
)


@dataclass
class AreaGroup:
    area: TopicArea
    topics: list[Topic] = field(default_factory=list)


@dataclass
class KindGroup:
    kind: str
    label: str
    areas: list[AreaGroup] = field(default_factory=list)

    @property
    def topic_count(self) -> int:
        return sum(len(group.topics) for group in self.areas)


def topic_list(
    *, query: str = "", kind: str = "", include_archived: bool = False
) -> QuerySet[Topic]:
    """Topics in catalogue order, filtered by a search text (both languages) and a kind."""
    topics = Topic.objects.select_related("area")
    if not include_archived:
        topics = topics.filter(is_active=True)
    if kind in TopicKind.values:
        topics = topics.filter(kind=kind)
    for word in query.split():
        match = Q()
        for name in SEARCH_FIELDS:
            match |= Q(**{f"{name}__icontains": word})
        topics = topics.filter(match)
    return topics.order_by("area__position", "area__code", "position", "code")


def topic_catalogue_groups(*, topics: QuerySet[Topic] | list[Topic]) -> list[KindGroup]:
    """Topics grouped by kind (DigComp, practical, give-back) and then by area, in order."""
    by_kind: dict[str, KindGroup] = {
        kind: KindGroup(kind=kind, label=str(KIND_HEADINGS[kind])) for kind in KIND_ORDER
    }
    for topic in topics:
        group = by_kind[topic.kind]
        if not group.areas or group.areas[-1].area.pk != topic.area_id:
            group.areas.append(AreaGroup(area=topic.area))
        group.areas[-1].topics.append(topic)
    return [group for group in by_kind.values() if group.areas]


def topic_by_code(*, code: str) -> Topic | None:
    return (
        Topic.objects.select_related("area")
        .prefetch_related("related_competences", "related_practical_topics")
        .filter(code=code)
        .first()
    )


def topic_area_choices(*, digcomp: bool = False) -> QuerySet[TopicArea]:
    """Areas a coordinator can put a topic into (DigComp areas only for DigComp competences)."""
    areas = TopicArea.objects.all()
    if digcomp:
        return areas.filter(kind=TopicKind.DIGCOMP)
    return areas.exclude(kind=TopicKind.DIGCOMP)


def digcomp_competences() -> QuerySet[Topic]:
    return Topic.objects.filter(kind=TopicKind.DIGCOMP).order_by("area__position", "position")


def topic_names(*, topic_ids: Iterable[int]) -> dict[int, str]:
    """Topic names in the active language, by id (one query)."""
    return {t.pk: t.name for t in Topic.objects.filter(pk__in=list(topic_ids))}
