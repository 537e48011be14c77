"""The database write of an import plan: bulk statements only, never one query per row.

Call inside the import's transaction. bulk_create/bulk_update bypass Person.save(), so the
e-mail key and `updated_at` are set here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from django.utils import timezone

from tandem.people.importing.bulk import bulk_update_fast
from tandem.people.importing.plan import Plan
from tandem.people.importing.snapshot import Snapshot
from tandem.people.importing.validation import Resolution
from tandem.people.models import CareerLevel, Location, OrgUnit, Person
from tandem.people.normalize import email_key

BATCH_SIZE = 1000
# From this many people with the same new value on, the value is set with one UPDATE.
SHARED_VALUE = 5
ATTNAMES = {f.name: f.attname for f in Person._meta.concrete_fields}
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def apply_plan(plan: Plan, snapshot: Snapshot, resolution: Resolution) -> None:
    unit_ids = create_units(plan.new_units, snapshot)
    location_ids = create_locations(plan.new_locations, snapshot)
    level_ids = create_levels(plan.new_levels, snapshot)
    created: dict[int, int] = {}  # row index → pk of the person created for it

    def manager_pk(node: int | None) -> int | None:
        if node is None:
            return None
        if node < 0:
            return -node
        pk = resolution.match[node]
        return pk if pk is not None else created[node]

    def existing_pk(node: int | None) -> int | None:
        """The manager's pk if they exist before this import, else None."""
        if node is None:
            return None
        return -node if node < 0 else resolution.match[node]

    def model_values(values: dict[str, Any]) -> dict[str, Any]:
        return {
            "employee_id": values["employee_id"] or None,
            "first_name": values["first_name"],
            "last_name": values["last_name"],
            "email": values["email"],
            "email_key": email_key(values["email"]),
            "job_title": values["job_title"],
            "org_unit_id": unit_ids[values["org_unit"]] if values["org_unit"] else None,
            "location_id": location_ids[values["location"]] if values["location"] else None,
            "languages": values["languages"],
            "manager_id": manager_pk(values["manager"]),
            "hire_date": values["hire_date"],
            "career_level": values["career_level"],
            "level_id": level_ids[values["level"]] if values["level"] else None,
            "birth_year": values["birth_year"],
            "kind": values["kind"],
            "is_active": values["is_active"],
        }

    # Everyone new in one bulk insert, managers who are new themselves set right after: a
    # chain of 50,000 new people is two statements per batch, not one INSERT per level.
    people = []
    for row_plan in plan.creates:
        attrs = model_values({**row_plan.values, "manager": None})
        attrs["manager_id"] = existing_pk(row_plan.values["manager"])
        people.append(new_person(attrs))
    Person.objects.bulk_create(people, batch_size=BATCH_SIZE)
    _ensure_pks(people)
    created.update(
        (row_plan.index, person.pk) for row_plan, person in zip(plan.creates, people, strict=True)
    )
    later = []
    for row_plan, person in zip(plan.creates, people, strict=True):
        manager = row_plan.values["manager"]
        if manager is not None and existing_pk(manager) is None:
            person.manager_id = manager_pk(manager)
            later.append(person)
    bulk_update_fast(later, ["manager"])

    now = timezone.now()
    update_people(
        [(rp.pk, model_values(rp.values), rp.changed) for rp in plan.updates if rp.pk], now=now
    )
    for chunk in chunks(plan.deactivate):
        Person.objects.filter(pk__in=chunk).update(is_active=False, updated_at=now)


def update_people(
    changes: list[tuple[int, dict[str, Any], tuple[str, ...]]], *, now: datetime
) -> None:
    """Write changed fields: (pk, model attribute values, names of the changed fields).

    A new value that many people share (a reorganisation: new unit, site, level, manager of
    a team) is one UPDATE … WHERE id IN (…) per value; the rest is bulk-updated, grouped by
    the fields left to write (see bulk.py for why not QuerySet.bulk_update()).
    """
    attrs_of = {pk: attrs for pk, attrs, _changed in changes}
    by_value: dict[tuple[str, Any], list[int]] = {}
    for pk, attrs, changed in changes:
        for name in changed:
            if name != "email":  # e-mails are unique: never shared
                by_value.setdefault((name, _hashable(attrs[ATTNAMES[name]])), []).append(pk)
    written: dict[str, set[int]] = {}
    for (name, _value), pks in by_value.items():
        if len(pks) < SHARED_VALUE:
            continue
        attname = ATTNAMES[name]
        value = attrs_of[pks[0]][attname]
        for chunk in chunks(pks):
            Person.objects.filter(pk__in=chunk).update(**{attname: value, "updated_at": now})
        written.setdefault(name, set()).update(pks)

    rest: dict[tuple[str, ...], list[Person]] = {}
    for pk, attrs, changed in changes:
        left = tuple(name for name in changed if pk not in written.get(name, ()))
        if left:
            person = new_person({"id": pk, **attrs})
            person.updated_at = now
            rest.setdefault(left, []).append(person)
    for left, people in rest.items():
        fields = [*left, "email_key"] if "email" in left else list(left)
        bulk_update_fast(people, [*fields, "updated_at"])


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def new_person(attributes: dict[str, Any]) -> Person:
    """Person(*args) in field order — Django's fast path, much cheaper than keyword arguments
    for 100,000 objects. Fields not given get their default (created_at/updated_at: set on
    insert by auto_now)."""
    return Person(
        *(
            attributes[f.attname] if f.attname in attributes else f.get_default()
            for f in Person._meta.concrete_fields
        )
    )


def _ensure_pks(people: list[Person]) -> None:
    """Backends that cannot return ids from a bulk insert: look them up by e-mail key."""
    missing = [p for p in people if p.pk is None]
    for chunk in chunks(missing):
        ids = dict(
            Person.objects.filter(email_key__in=[p.email_key for p in chunk]).values_list(
                "email_key", "id"
            )
        )
        for person in chunk:
            person.pk = ids[person.email_key]


def create_units(paths: list[tuple[str, ...]], snapshot: Snapshot) -> dict[tuple[str, ...], int]:
    """Create the missing org units (parents first); returns path → id for all units."""
    ids = dict(snapshot.unit_by_path)
    for depth in sorted({len(p) for p in paths}):
        level = [p for p in paths if len(p) == depth]
        units = [OrgUnit(name=p[-1], parent_id=ids[p[:-1]] if depth > 1 else None) for p in level]
        OrgUnit.objects.bulk_create(units, batch_size=BATCH_SIZE)
        if any(u.pk is None for u in units):
            lookup: dict[tuple[int | None, str], int] = {
                (parent, name): pk
                for pk, name, parent in OrgUnit.objects.values_list("id", "name", "parent_id")
            }
            for unit in units:
                unit.pk = lookup[(unit.parent_id, unit.name)]
        ids.update(zip(level, (u.pk for u in units), strict=True))
    return ids


def create_locations(names: list[str], snapshot: Snapshot) -> dict[str, int]:
    ids = dict(snapshot.location_by_name)
    locations = [Location(name=name) for name in names]
    Location.objects.bulk_create(locations, batch_size=BATCH_SIZE)
    if any(loc.pk is None for loc in locations):
        ids.update(Location.objects.filter(name__in=names).values_list("name", "id"))
    else:
        ids.update((loc.name, loc.pk) for loc in locations)
    return ids


def create_levels(names: list[str], snapshot: Snapshot) -> dict[str, int]:
    """Create the career levels named in the file but unknown here, without a rank."""
    ids = dict(snapshot.level_by_name)
    CareerLevel.objects.bulk_create([CareerLevel(name=name) for name in names])
    if names:
        ids.update(CareerLevel.objects.filter(name__in=names).values_list("name", "id"))
    return ids
