"""Reads about people. Reporting-line queries walk the manager links in SQL (one query)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from tandem.people import reporting_line
from tandem.people.models import Person

# Far deeper than any real hierarchy; only a guard so that a corrupt row cannot loop forever.
MAX_DEPTH = 256


def _chains_sql(count: int) -> str:
    table = connection.ops.quote_name(Person._meta.db_table)
    placeholders = ", ".join(["%s"] * count)
    return f"""
        WITH RECURSIVE chain(origin, ancestor, depth) AS (
            SELECT id, manager_id, 1 FROM {table}
             WHERE id IN ({placeholders}) AND manager_id IS NOT NULL
            UNION ALL
            SELECT chain.origin, p.manager_id, chain.depth + 1
              FROM chain JOIN {table} p ON p.id = chain.ancestor
             WHERE p.manager_id IS NOT NULL AND chain.depth < {MAX_DEPTH}
        )
        SELECT origin, ancestor, depth FROM chain
    """


def person_managers_above(*, person_id: int) -> list[int]:
    """Ids of the person's managers, direct manager first, in one query of O(depth) rows."""
    with connection.cursor() as cursor:
        cursor.execute(_chains_sql(1) + " ORDER BY depth", [person_id])
        return [ancestor for _origin, ancestor, _depth in cursor.fetchall()]


def person_in_reporting_line(*, a_id: int, b_id: int) -> bool:
    """Is a in b's reporting line or b in a's, at any depth? One query, O(depth of a + b)."""
    if a_id == b_id:
        return True
    chains = _ancestor_sets([a_id, b_id])
    return b_id in chains.get(a_id, set()) or a_id in chains.get(b_id, set())


def _ancestor_sets(person_ids: list[int]) -> dict[int, set[int]]:
    result: dict[int, set[int]] = {}
    # SQLite allows at most 32,766 bound parameters; chunk to stay portable.
    for start in range(0, len(person_ids), 10_000):
        chunk = person_ids[start : start + 10_000]
        with connection.cursor() as cursor:
            cursor.execute(_chains_sql(len(chunk)), chunk)
            for origin, ancestor, _depth in cursor.fetchall():
                result.setdefault(origin, set()).add(ancestor)
    return result


def reporting_line_excluded_pairs(*, person_ids: Iterable[int]) -> set[frozenset[int]]:
    """All pairs of the given people (e.g. a cohort) that are in each other's reporting line.

    One recursive query per 10,000 people, returning n · depth rows; never one query per pair.
    """
    members = set(person_ids)
    pairs: set[frozenset[int]] = set()
    for origin, ancestors in _ancestor_sets(sorted(members)).items():
        for ancestor in ancestors & members:
            pairs.add(frozenset((origin, ancestor)))
    return pairs


def manager_map(*, active_only: bool = False) -> dict[int, int | None]:
    """{person id: manager id} for everyone: the input of the pure reporting-line functions."""
    qs = Person.objects.all()
    if active_only:
        qs = qs.filter(is_active=True)
    return dict(qs.values_list("id", "manager_id"))


def person_reporting_chain(*, person: Person) -> list[Person]:
    """The person's managers from the top of the organisation down to the direct manager."""
    ids = person_managers_above(person_id=person.pk)
    by_id = Person.objects.select_related("org_unit").in_bulk(ids)
    return [by_id[i] for i in reversed(ids) if i in by_id]


__all__ = [
    "manager_map",
    "person_in_reporting_line",
    "person_managers_above",
    "person_reporting_chain",
    "reporting_line",
    "reporting_line_excluded_pairs",
]
