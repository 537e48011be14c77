"""The database as the import sees it: a few values_list queries turned into plain dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tandem.people.models import CareerLevel, Location, OrgUnit, Person

PERSON_FIELDS = (
    "id",
    "employee_id",
    "email_key",
    "email",
    "first_name",
    "last_name",
    "job_title",
    "org_unit_id",
    "location_id",
    "languages",
    "manager_id",
    "hire_date",
    "career_level",
    "level_id",
    "birth_year",
    "kind",
    "is_active",
)


@dataclass(slots=True)
class Snapshot:
    people: dict[int, Any] = field(default_factory=dict)  # pk → named row (PERSON_FIELDS)
    by_employee_id: dict[str, int] = field(default_factory=dict)
    by_email_key: dict[str, int] = field(default_factory=dict)
    unit_path: dict[int, tuple[str, ...]] = field(default_factory=dict)
    unit_by_path: dict[tuple[str, ...], int] = field(default_factory=dict)
    unit_ids_by_name: dict[str, list[int]] = field(default_factory=dict)
    location_name: dict[int, str] = field(default_factory=dict)
    location_by_name: dict[str, int] = field(default_factory=dict)
    location_by_fold: dict[str, str] = field(default_factory=dict)
    level_name: dict[int, str] = field(default_factory=dict)  # pk → name of a career level
    level_by_name: dict[str, int] = field(default_factory=dict)  # name → pk
    level_by_fold: dict[str, str] = field(default_factory=dict)  # case-folded → name
    level_rank: dict[str, int | None] = field(default_factory=dict)  # name → rank (None: unranked)
    level_by_rank: dict[int, str] = field(default_factory=dict)  # rank → name

    def label(self, pk: int) -> str:
        """How messages name an existing person: 'Anna Schmidt (E12)'."""
        person = self.people[pk]
        name = f"{person.first_name} {person.last_name}".strip()
        return f"{name} ({person.employee_id or person.email})"

    def resolve_unit(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """A path from the root; a plain name means the one unit of that name, else a root."""
        if len(parts) == 1:
            candidates = self.unit_ids_by_name.get(parts[0], [])
            if len(candidates) == 1:
                return self.unit_path[candidates[0]]
        return parts

    def resolve_level(self, value: int | str) -> tuple[int | None, str | None]:
        """(rank, level name) of a parsed level: a number is a rank (named if a level has it);
        a name is an existing level in any case, or a new level without a rank."""
        if isinstance(value, int):
            return value, self.level_by_rank.get(value)
        name = self.level_by_fold.get(value.casefold(), value)
        return self.level_rank.get(name), name

    def resolve_location(self, name: str) -> str:
        """The existing spelling of a site ('münchen' → 'München'), or the new name."""
        if name in self.location_by_name:
            return name
        return self.location_by_fold.get(name.casefold(), name)


def load_snapshot() -> Snapshot:
    snapshot = Snapshot()
    for row in Person.objects.order_by("pk").values_list(*PERSON_FIELDS, named=True).iterator(5000):
        snapshot.people[row.id] = row
        if row.employee_id:
            snapshot.by_employee_id[row.employee_id] = row.id
        snapshot.by_email_key[row.email_key] = row.id

    units: dict[int, tuple[str, int | None]] = {
        pk: (name, parent)
        for pk, name, parent in OrgUnit.objects.values_list("id", "name", "parent_id")
    }
    for pk in units:
        snapshot.unit_path[pk] = _path(pk, units)
    for pk, path in snapshot.unit_path.items():
        snapshot.unit_by_path.setdefault(path, pk)
        snapshot.unit_ids_by_name.setdefault(path[-1], []).append(pk)

    for pk, name in Location.objects.values_list("id", "name"):
        snapshot.location_name[pk] = name
        snapshot.location_by_name[name] = pk
        snapshot.location_by_fold.setdefault(name.casefold(), name)

    for pk, name, rank in CareerLevel.objects.values_list("id", "name", "rank"):
        snapshot.level_name[pk] = name
        snapshot.level_by_name[name] = pk
        snapshot.level_by_fold.setdefault(name.casefold(), name)
        snapshot.level_rank[name] = rank
        if rank is not None:
            snapshot.level_by_rank[rank] = name
    return snapshot


def _path(pk: int, units: dict[int, tuple[str, int | None]]) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[int] = set()
    current: int | None = pk
    while current is not None and current not in seen and current in units:
        seen.add(current)
        name, current = units[current]
        names.append(name)
    return tuple(reversed(names))
