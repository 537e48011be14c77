"""The seed content of the topic catalogue, and one loader shared by the data migration and the
`topic_catalogue_seed()` service.

`seed_catalogue(TopicArea=..., Topic=...)` takes the model classes as arguments so that the
migration can pass its historical models (`apps.get_model`). It only uses fields that exist since
`topics.0001_initial`; if the seed ever needs newer fields, give the migration a frozen copy.

Idempotent by code: areas and topics that exist already are left exactly as they are (coordinators
may have edited names, questions, links or priorities); only missing codes are created.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tandem.topics.catalogue_seed import digcomp, give_back, practical

DIGCOMP_CSV = Path(__file__).resolve().parent.parent / "data" / "digcomp-2.2.csv"

# Kinds as plain strings: this module must not import the models (see the module docstring).
DIGCOMP, PRACTICAL, GIVE_BACK = "digcomp", "practical", "give_back"
NEUTRAL_PRIORITY = 2


@dataclass(frozen=True)
class SeedResult:
    areas_created: int
    topics_created: int


def digcomp_code(number: str) -> str:
    """The stable code of a DigComp area ("1") or competence ("2.6"): "digcomp-1", "digcomp-2.6"."""
    return f"digcomp-{number}"


def read_digcomp_csv(path: Path = DIGCOMP_CSV) -> list[dict[str, str]]:
    """The rows of the published framework: area_id, area, competence_id, competence."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def area_specs() -> list[dict[str, Any]]:
    """Every area of the catalogue, in display order, with the fields of TopicArea."""
    specs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in read_digcomp_csv():
        number = row["area_id"]
        if number in seen:
            continue
        seen.add(number)
        name_de, description_de, description_en = digcomp.AREAS[number]
        specs.append(
            dict(
                code=digcomp_code(number),
                kind=DIGCOMP,
                reference=number,
                name_de=name_de,
                name_en=row["area"],
                description_de=description_de,
                description_en=description_en,
            )
        )
    for kind, areas in ((PRACTICAL, practical.AREAS), (GIVE_BACK, give_back.AREAS)):
        for code, name_de, name_en, description_de, description_en in areas:
            specs.append(
                dict(
                    code=code,
                    kind=kind,
                    reference="",
                    name_de=name_de,
                    name_en=name_en,
                    description_de=description_de,
                    description_en=description_en,
                )
            )
    for position, spec in enumerate(specs, start=1):
        spec["position"] = position * 10
    return specs


def topic_specs() -> list[dict[str, Any]]:
    """Every seeded topic with the fields of Topic plus `area` (a code) and `competences`
    (DigComp numbers of related competences)."""
    specs: list[dict[str, Any]] = []
    for row in read_digcomp_csv():
        number = row["competence_id"]
        name_de, description_de, description_en, questions_de, questions_en = digcomp.COMPETENCES[
            number
        ]
        specs.append(
            dict(
                code=digcomp_code(number),
                kind=DIGCOMP,
                area=digcomp_code(row["area_id"]),
                reference=number,
                name_de=name_de,
                name_en=row["competence"],
                description_de=description_de,
                description_en=description_en,
                questions_de="\n".join(questions_de),
                questions_en="\n".join(questions_en),
                competences=(),
            )
        )
    for kind, topics in ((PRACTICAL, practical.TOPICS), (GIVE_BACK, give_back.TOPICS)):
        for item in topics:
            specs.append(
                dict(
                    code=item["code"],
                    kind=kind,
                    area=item["area"],
                    reference="",
                    name_de=item["name"][0],
                    name_en=item["name"][1],
                    description_de=item["description"][0],
                    description_en=item["description"][1],
                    questions_de="\n".join(item["questions_de"]),
                    questions_en="\n".join(item["questions_en"]),
                    competences=tuple(item.get("competences", ())),
                )
            )
    positions: dict[str, int] = {}
    for spec in specs:
        positions[spec["area"]] = positions.get(spec["area"], 0) + 10
        spec["position"] = positions[spec["area"]]
    return specs


def seed_catalogue(*, TopicArea: Any, Topic: Any) -> SeedResult:
    """Create the areas and topics that are missing; return how many were created."""
    areas: dict[str, Any] = {}
    areas_created = 0
    for spec in area_specs():
        fields = dict(spec)
        code = fields.pop("code")
        area, created = TopicArea.objects.get_or_create(code=code, defaults=fields)
        areas[code] = area
        areas_created += created

    topics_created = 0
    links: list[tuple[Any, tuple[str, ...]]] = []
    for spec in topic_specs():
        fields = dict(spec)
        code = fields.pop("code")
        competences = fields.pop("competences")
        fields["area"] = areas[fields["area"]]
        fields.setdefault("priority", NEUTRAL_PRIORITY)
        topic, created = Topic.objects.get_or_create(code=code, defaults=fields)
        topics_created += created
        if created and competences:
            links.append((topic, competences))

    for topic, numbers in links:
        related = Topic.objects.filter(code__in=[digcomp_code(number) for number in numbers])
        topic.related_competences.add(*related)
    return SeedResult(areas_created=areas_created, topics_created=topics_created)
