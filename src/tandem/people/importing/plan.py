"""What each valid row creates or changes. Pure: parsed rows + resolution + snapshot → Plan.

Only columns present in the file are written; an empty cell in a present column clears the
field (first name, last name and e-mail are required and never empty). Kind and active are
special: an empty cell keeps the kind (new people: employee), and everyone in the file is
(re)activated unless the active column says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tandem.people.importing.columns import ColumnMap
from tandem.people.importing.rows import ParsedRow
from tandem.people.importing.snapshot import Snapshot
from tandem.people.importing.validation import Resolution
from tandem.people.models import Person

# Fields the import can write (model field names; org_unit, location, manager as relations).
MODEL_FIELDS = (
    "employee_id",
    "first_name",
    "last_name",
    "email",
    "job_title",
    "org_unit",
    "location",
    "languages",
    "manager",
    "hire_date",
    "career_level",
    "level",
    "birth_year",
    "kind",
    "is_active",
)
# Columns written as they are (present column → value, empty cell → cleared value).
PLAIN_COLUMNS = (
    "employee_id",
    "first_name",
    "last_name",
    "email",
    "job_title",
    "org_unit",
    "location",
    "languages",
    "hire_date",
    "career_level",
    "birth_year",
)
NEW_PERSON: dict[str, Any] = {
    "employee_id": None,
    "job_title": "",
    "org_unit": None,
    "location": None,
    "languages": [],
    "manager": None,
    "hire_date": None,
    "career_level": None,
    "level": None,
    "birth_year": None,
    "kind": str(Person.Kind.EMPLOYEE),
    "is_active": True,
}


@dataclass(slots=True)
class RowPlan:
    """Final values of one person: org_unit is a path, location a name, manager a node."""

    index: int
    pk: int | None
    values: dict[str, Any]
    changed: tuple[str, ...] = ()


@dataclass(slots=True)
class Plan:
    creates: list[RowPlan] = field(default_factory=list)
    updates: list[RowPlan] = field(default_factory=list)
    unchanged: int = 0
    deactivate: list[int] = field(default_factory=list)
    new_units: list[tuple[str, ...]] = field(default_factory=list)  # parents before children
    new_locations: list[str] = field(default_factory=list)
    new_levels: list[str] = field(default_factory=list)  # career levels created without a rank
    # Existing career levels without a rank that rows of the file name.
    unranked_levels: set[str] = field(default_factory=set)


def current_values(person: Any, snapshot: Snapshot) -> dict[str, Any]:
    """An existing person in the plan's terms."""
    return {
        "employee_id": person.employee_id,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "job_title": person.job_title,
        "org_unit": snapshot.unit_path.get(person.org_unit_id),
        "location": snapshot.location_name.get(person.location_id),
        "languages": person.languages or [],
        "manager": -person.manager_id if person.manager_id else None,
        "hire_date": person.hire_date,
        "career_level": person.career_level,
        "level": snapshot.level_name.get(person.level_id),
        "birth_year": person.birth_year,
        "kind": person.kind,
        "is_active": person.is_active,
    }


def make_plan(
    rows: list[ParsedRow],
    resolution: Resolution,
    snapshot: Snapshot,
    columns: ColumnMap,
    *,
    full: bool,
) -> Plan:
    plan = Plan()
    written = [name for name in PLAIN_COLUMNS if columns.has(name)]
    has_manager = columns.has_manager
    new_locations: dict[str, str] = {}
    new_levels: dict[str, str] = {}
    for i, row in enumerate(rows):
        if resolution.rejected[i]:
            continue
        pk = resolution.match[i]
        before = current_values(snapshot.people[pk], snapshot) if pk is not None else None
        values = dict(before) if before is not None else dict(NEW_PERSON)
        for name in written:
            value = row.values[name]
            if name == "org_unit":
                value = snapshot.resolve_unit(value) if value else None
            elif name == "location":
                # One spelling per site, also for sites that this file creates.
                value = (
                    new_locations.setdefault(value.casefold(), snapshot.resolve_location(value))
                    if value
                    else None
                )
            elif name == "career_level" and value is not None:
                value, level = snapshot.resolve_level(value)
                if level is not None and level not in snapshot.level_by_name:
                    # One spelling per new level, whatever the case in each row.
                    level = new_levels.setdefault(level.casefold(), level)
                elif level is not None and value is None:
                    plan.unranked_levels.add(level)
                values["level"] = level
            elif name == "career_level":
                values["level"] = None
            values[name] = value
        if row.values.get("kind"):
            values["kind"] = row.values["kind"]
        active = row.values.get("active")
        values["is_active"] = True if active is None else active
        if has_manager:
            values["manager"] = resolution.manager[i]
        if before is None:
            plan.creates.append(RowPlan(i, None, values))
            continue
        changed = _changed(values, before, resolution)
        if changed:
            plan.updates.append(RowPlan(i, pk, values, changed))
        else:
            plan.unchanged += 1
    if full:
        plan.deactivate = [
            pk
            for pk, person in snapshot.people.items()
            if person.is_active
            and person.kind == Person.Kind.EMPLOYEE
            and pk not in resolution.seen
        ]
    _new_units_and_locations(plan, snapshot)
    return plan


def _changed(
    values: dict[str, Any], before: dict[str, Any], resolution: Resolution
) -> tuple[str, ...]:
    changed = []
    for name in MODEL_FIELDS:
        if name == "manager":
            if _manager_changed(values[name], before[name], resolution):
                changed.append(name)
        elif values[name] != before[name]:
            changed.append(name)
    return tuple(changed)


def _manager_changed(new: int | None, old: int | None, resolution: Resolution) -> bool:
    if new is None:
        return old is not None
    target = resolution.target_pk(new)
    # A manager who is created by this import is always a change.
    return target is None or old is None or target != -old


def _new_units_and_locations(plan: Plan, snapshot: Snapshot) -> None:
    units: set[tuple[str, ...]] = set()
    locations: set[str] = set()
    for row_plan in (*plan.creates, *plan.updates):
        path = row_plan.values["org_unit"]
        if path and path not in snapshot.unit_by_path:
            units.update(path[:depth] for depth in range(1, len(path) + 1))
        location = row_plan.values["location"]
        if location and location not in snapshot.location_by_name:
            locations.add(location)
    plan.new_units = sorted((u for u in units if u not in snapshot.unit_by_path), key=len)
    plan.new_locations = sorted(locations)
    plan.new_levels = sorted(
        {
            row_plan.values["level"]
            for row_plan in (*plan.creates, *plan.updates)
            if row_plan.values["level"] and row_plan.values["level"] not in snapshot.level_by_name
        },
        key=str.casefold,
    )
