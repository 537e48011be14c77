"""Writes to the topic catalogue. Every change is atomic and leaves an audit row."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.topics.catalogue_seed import SeedResult, seed_catalogue
from tandem.topics.catalogue_seed.kpis import seed_kpi_suggestions
from tandem.topics.glossary.seed import seed_glossary
from tandem.topics.models import (
    PRIORITY_DEFAULT,
    PRIORITY_MAX,
    PRIORITY_MIN,
    GlossaryTerm,
    KpiSuggestion,
    Topic,
    TopicArea,
    TopicKind,
)

# Fields a coordinator may change after creation. `code` is stable; `kind` follows the area.
EDITABLE_FIELDS = (
    "area",
    "name_de",
    "name_en",
    "description_de",
    "description_en",
    "questions_de",
    "questions_en",
    "priority",
    "position",
)
TEXT_FIELDS = ("name_de", "name_en", "description_de", "description_en")
QUESTION_FIELDS = ("questions_de", "questions_en")


def normalize_code(code: str) -> str:
    return (code or "").strip().lower()


def duplicate_code_error(code: str) -> ValidationError:
    return ValidationError(
        {
            "code": _(
                "A topic with the code “%(code)s” exists already — choose another code or edit "
                "that topic."
            )
            % {"code": code}
        },
        code="duplicate_code",
    )


def _clean_questions(text: str) -> str:
    """One question per line; blank lines and surrounding spaces removed."""
    return "\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _check_related(topic: Topic, related: list[Topic]) -> None:
    if not related:
        return
    if topic.kind != TopicKind.PRACTICAL:
        raise ValidationError(
            {
                "related_competences": _(
                    "Only practical digital topics link to DigComp competences; remove the links "
                    "or choose an area of practical topics."
                )
            }
        )
    if any(other.kind != TopicKind.DIGCOMP for other in related):
        raise ValidationError(
            {"related_competences": _("Related competences must be DigComp competences.")}
        )


def _check_not_digcomp(area: TopicArea) -> None:
    if area.kind == TopicKind.DIGCOMP:
        raise ValidationError(
            {
                "area": _(
                    "The 21 DigComp competences are fixed by the framework; choose an area of "
                    "practical or give-back topics."
                )
            }
        )


@transaction.atomic
def topic_create(
    *,
    actor: Actor,
    code: str,
    area: TopicArea,
    name_de: str,
    name_en: str,
    description_de: str = "",
    description_en: str = "",
    questions_de: str = "",
    questions_en: str = "",
    priority: int = PRIORITY_DEFAULT,
    related_competences: Iterable[Topic] = (),
    position: int | None = None,
) -> Topic:
    """Add a practical or give-back topic; its kind is the kind of its area."""
    code = normalize_code(code)
    _check_not_digcomp(area)
    if Topic.objects.filter(code=code).exists():
        raise duplicate_code_error(code)
    if position is None:
        last = Topic.objects.filter(area=area).aggregate(last=Max("position"))["last"]
        position = (last or 0) + 10
    topic = Topic(
        code=code,
        kind=area.kind,
        area=area,
        name_de=name_de.strip(),
        name_en=name_en.strip(),
        description_de=description_de.strip(),
        description_en=description_en.strip(),
        questions_de=_clean_questions(questions_de),
        questions_en=_clean_questions(questions_en),
        priority=priority,
        position=position,
    )
    related = list(related_competences)
    _check_related(topic, related)
    topic.full_clean()
    topic.save()
    topic.related_competences.set(related)
    audit_record(
        actor=actor,
        action="topic.create",
        target=topic,
        data={"code": topic.code, "kind": topic.kind, "area": area.code},
    )
    return topic


@transaction.atomic
def topic_update(
    *,
    topic: Topic,
    actor: Actor,
    related_competences: Iterable[Topic] | None = None,
    **fields: Any,
) -> Topic:
    """Change a topic's texts, area, priority or related competences (code and kind stay)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"topic_update() cannot change: {', '.join(sorted(unknown))}")
    new_area = fields.get("area")
    if (
        new_area is not None
        and new_area.pk != topic.area_id
        and TopicKind.DIGCOMP in (topic.kind, new_area.kind)
    ):
        raise ValidationError({"area": _("DigComp competences stay in their DigComp area.")})
    changed: list[str] = []
    for name, value in fields.items():
        if name in TEXT_FIELDS:
            value = (value or "").strip()
        elif name in QUESTION_FIELDS:
            value = _clean_questions(value)
        if getattr(topic, name) != value:
            setattr(topic, name, value)
            changed.append(name)
    if "area" in changed:
        topic.kind = topic.area.kind
    related = None
    if related_competences is not None:
        related = list(related_competences)
        _check_related(topic, related)
        current = set(topic.related_competences.values_list("pk", flat=True))
        if current != {other.pk for other in related}:
            changed.append("related_competences")
    elif "area" in changed:
        _check_related(topic, list(topic.related_competences.all()))
    if not changed:
        return topic
    topic.full_clean()
    topic.save()
    if related is not None:
        topic.related_competences.set(related)
    audit_record(actor=actor, action="topic.update", target=topic, data={"changed": changed})
    return topic


@transaction.atomic
def topic_set_priority(*, topic: Topic, priority: int, actor: Actor) -> Topic:
    """Weight a topic by its current importance for the company (0–5, see models.Priority)."""
    if isinstance(priority, bool) or not isinstance(priority, int):
        raise ValidationError({"priority": _("Choose a priority from 0 to 5.")})
    if not PRIORITY_MIN <= priority <= PRIORITY_MAX:
        raise ValidationError({"priority": _("Choose a priority from 0 to 5.")})
    previous = topic.priority
    if previous == priority:
        return topic
    topic.priority = priority
    topic.save(update_fields=["priority", "updated_at"])
    audit_record(
        actor=actor,
        action="topic.set_priority",
        target=topic,
        data={"from": previous, "to": priority},
    )
    return topic


@transaction.atomic
def topic_archive(*, topic: Topic, actor: Actor) -> Topic:
    """Take a topic out of the catalogue without deleting it (enrolments keep referring to it)."""
    return _set_active(topic=topic, active=False, actor=actor, action="topic.archive")


@transaction.atomic
def topic_restore(*, topic: Topic, actor: Actor) -> Topic:
    """Bring an archived topic back into the catalogue."""
    return _set_active(topic=topic, active=True, actor=actor, action="topic.restore")


def _set_active(*, topic: Topic, active: bool, actor: Actor, action: str) -> Topic:
    if topic.is_active == active:
        return topic
    topic.is_active = active
    topic.save(update_fields=["is_active", "updated_at"])
    audit_record(actor=actor, action=action, target=topic, data={"code": topic.code})
    return topic


@transaction.atomic
def topic_catalogue_seed(*, actor: Actor = None) -> SeedResult:
    """Create the seeded areas and topics that are missing (idempotent by code)."""
    result = seed_catalogue(TopicArea=TopicArea, Topic=Topic)
    seed_kpi_suggestions(Topic=Topic, KpiSuggestion=KpiSuggestion)
    terms_created = seed_glossary(GlossaryTerm=GlossaryTerm, Topic=Topic)
    audit_record(
        actor=actor,
        action="topic.catalogue_seed",
        data={
            "areas_created": result.areas_created,
            "topics_created": result.topics_created,
            "glossary_terms_created": terms_created,
        },
    )
    return result
