"""Reads about people. Reporting-line queries walk the manager links in SQL (one query)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Coalesce

from tandem.people import reporting_line
from tandem.people.models import OrgUnit, Person
from tandem.people.normalize import email_key

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


# --- Directory, profile and org chart reads (appended) -------------------------------------------


# Umlauts and their ASCII spellings: "Müller" and "Mueller" find each other.
_UMLAUT_SPELLINGS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
MAX_SEARCH_TERMS = 5


def _spelling_variants(term: str) -> set[str]:
    """The term in lower case, with umlauts spelt out, and with spelt-out umlauts folded back.

    LIKE ignores the case of ASCII letters everywhere, but SQLite compares "ö" and "Ö" exactly:
    a term starting with a non-ASCII letter also gets a capitalised form ("özlem" → "Özlem").
    """
    lowered = term.lower()
    spelt_out = lowered
    folded = lowered
    for umlaut, ascii_form in _UMLAUT_SPELLINGS:
        spelt_out = spelt_out.replace(umlaut, ascii_form)
        folded = folded.replace(ascii_form, umlaut)
    variants = {lowered, spelt_out, folded}
    return variants | {v[:1].upper() + v[1:] for v in variants if not v[:1].isascii()}


def person_search(*, queryset: QuerySet[Person], text: str) -> QuerySet[Person]:
    """People whose name, e-mail or employee id contain every word of `text` (any order).

    Case-insensitive, and tolerant of umlaut spellings ("Müller" / "Mueller"). Keeps the name
    order of the directory.
    """
    terms = text.split()[:MAX_SEARCH_TERMS]
    for term in terms:
        names = Q()
        for variant in _spelling_variants(term):
            names |= Q(last_name__icontains=variant) | Q(first_name__icontains=variant)
        matches = names | Q(email_key__contains=email_key(term))
        if any(char.isdigit() for char in term):  # employee ids have digits; skip a LIKE if not
            matches |= Q(employee_id__icontains=term)
        queryset = queryset.filter(matches)
    if terms:
        # The same order, but as expressions no index can serve: the database then filters first
        # and sorts the few matches, instead of walking the whole name index row by row looking
        # for them (SQLite, 100,000 people: ~70 ms instead of ~250 ms per page).
        queryset = queryset.order_by(
            Coalesce("last_name", Value("")), Coalesce("first_name", Value("")), "id"
        )
    return queryset


def person_directory(*, active: bool | None = True) -> QuerySet[Person]:
    """The directory list: only the columns it shows, in the indexed name order."""
    queryset = Person.objects.select_related("org_unit", "location", "level").only(
        "employee_id",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "career_level",
        "kind",
        "is_active",
        "org_unit__name",
        "location__name",
        "level",
        "level__name",
    )
    if active is not None:
        queryset = queryset.filter(is_active=active)
    return queryset.order_by("last_name", "first_name", "id")


def person_export_rows(*, queryset: QuerySet[Person]) -> Iterator[tuple]:
    """Plain value rows for the CSV export, streamed from the database in chunks.

    Birth year is deliberately absent: it is used only for aggregated statistics.
    """
    return queryset.values_list(
        "employee_id",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "org_unit__name",
        "location__name",
        "languages",
        "manager__employee_id",
        "hire_date",
        "career_level",
        "level__name",
        "kind",
        "is_active",
    ).iterator(chunk_size=2000)


def org_unit_rows() -> list[tuple[int, int | None, str]]:
    """(id, parent id, name) of every org unit, in one query."""
    return list(OrgUnit.objects.order_by("name", "id").values_list("id", "parent_id", "name"))


def org_unit_subtree_ids(
    *,
    unit_id: int,
    rows: Iterable[tuple[int, int | None] | tuple[int, int | None, str]] | None = None,
) -> set[int]:
    """The unit and all its sub-units at any depth; one query of the unit tree (or `rows`)."""
    if rows is None:
        rows = OrgUnit.objects.values_list("id", "parent_id")
    children: dict[int | None, list[int]] = {}
    for pk, parent_id, *_name in rows:
        children.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    stack = [unit_id]
    while stack:
        current = stack.pop()
        if current in found:  # a corrupt loop in the tree must not hang the page
            continue
        found.add(current)
        stack.extend(children.get(current, ()))
    return found


def org_unit_choices(
    *, rows: Iterable[tuple[int, int | None, str]] | None = None
) -> list[tuple[int, str, int]]:
    """(id, name, depth) of every unit in tree order (parents before children, by name)."""
    rows = list(rows if rows is not None else org_unit_rows())
    ids = {pk for pk, _parent, _name in rows}
    children: dict[int | None, list[tuple[int, str]]] = {}
    for pk, parent_id, name in rows:
        children.setdefault(parent_id if parent_id in ids else None, []).append((pk, name))
    result: list[tuple[int, str, int]] = []
    seen: set[int] = set()
    stack = [(pk, name, 0) for pk, name in reversed(children.get(None, []))]
    while stack:
        pk, name, depth = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        result.append((pk, name, depth))
        stack.extend((c, n, depth + 1) for c, n in reversed(children.get(pk, [])))
    return result


def org_unit_path(*, unit_id: int) -> list[OrgUnit]:
    """The unit's ancestors from the root down to the unit itself (two small queries)."""
    parent_of = dict(OrgUnit.objects.values_list("id", "parent_id"))
    path_ids: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in path_ids:
        path_ids.append(current)
        current = parent_of.get(current)
    by_id = OrgUnit.objects.in_bulk(path_ids)
    return [by_id[pk] for pk in reversed(path_ids) if pk in by_id]


def person_profile(*, pk: int) -> Person:
    """One person with what the profile page shows; raises Person.DoesNotExist."""
    return Person.objects.select_related("org_unit", "location", "manager", "level").get(pk=pk)


def person_direct_reports(*, person_id: int, limit: int | None = None) -> list[Person]:
    """The person's direct reports in name order (active first is left to the template)."""
    queryset = (
        Person.objects.filter(manager_id=person_id)
        .select_related("org_unit")
        .order_by("last_name", "first_name", "id")
    )
    return list(queryset[:limit] if limit is not None else queryset)


def person_count_direct_reports(*, person_id: int, active: bool | None = None) -> int:
    queryset = Person.objects.filter(manager_id=person_id)
    if active is not None:
        queryset = queryset.filter(is_active=active)
    return queryset.count()


def person_below_counts(*, person_id: int) -> dict[int, int]:
    """{direct report id: active people below that report, at any depth}, in one query.

    Walks down the manager links in SQL. Everyone has one manager, so the walk meets nobody twice
    unless it comes back to the person through a corrupt loop, which the walk excludes; the depth
    guard is a second line of defence. The total below the person is the sum plus the active
    direct reports themselves.
    """
    table = connection.ops.quote_name(Person._meta.db_table)
    sql = f"""
        WITH RECURSIVE below(origin, id, active, depth) AS (
            SELECT d.id, c.id, c.is_active, 1
              FROM {table} d JOIN {table} c ON c.manager_id = d.id
             WHERE d.manager_id = %s AND c.id <> %s
            UNION ALL
            SELECT below.origin, p.id, p.is_active, below.depth + 1
              FROM below JOIN {table} p ON p.manager_id = below.id
             WHERE p.id <> %s AND below.depth < {MAX_DEPTH}
        )
        SELECT origin, COUNT(*) FROM below WHERE active = %s GROUP BY origin
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [person_id, person_id, person_id, True])
        return {origin: count for origin, count in cursor.fetchall()}


__all__ += [
    "org_unit_choices",
    "org_unit_path",
    "org_unit_rows",
    "org_unit_subtree_ids",
    "person_below_counts",
    "person_count_direct_reports",
    "person_direct_reports",
    "person_directory",
    "person_export_rows",
    "person_profile",
    "person_search",
]


def person_for_user(*, user: User | AnonymousUser) -> Person | None:
    """The person an account belongs to: linked by e-mail (case- and Unicode-insensitive).

    Cached on the user object for the length of one request.
    """
    if not user.is_authenticated or not getattr(user, "email", ""):
        return None
    cached = getattr(user, "_tandem_person", False)
    if cached is not False:
        return cast("Person | None", cached)  # what this function stored on the user below
    person = (
        Person.objects.select_related("org_unit", "location", "manager")
        .filter(email_key=email_key(user.email))
        .first()
    )
    user._tandem_person = person  # type: ignore[attr-defined]
    return person
