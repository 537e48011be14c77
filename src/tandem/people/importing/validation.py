"""Checks across rows and against the existing people. Pure: works on parsed rows + a snapshot.

Nodes of the reporting graph: a row of the file is its index (0, 1, …); an existing person who
is not in the file is the negative primary key (-pk). So the graph is the FINAL one: file rows
with their new managers plus everyone else as they are in the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.people.importing.columns import ColumnMap
from tandem.people.importing.report import RowError
from tandem.people.importing.rows import ParsedRow
from tandem.people.importing.snapshot import Snapshot
from tandem.people.reporting_line import all_cycles


@dataclass(slots=True)
class Resolution:
    match: list[int | None]  # per row: the existing person's pk, or None for a new person
    manager: list[int | None]  # per row: manager node (row index, or -pk), or None
    rejected: list[bool]
    seen: set[int] = field(default_factory=set)  # existing people any row refers to
    warnings: list[str] = field(default_factory=list)

    def target_pk(self, node: int | None) -> int | None:
        """The existing pk a node stands for (None for nobody or for a person still to create)."""
        if node is None:
            return None
        return -node if node < 0 else self.match[node]


# Long lists in messages (rows of a duplicate, people in a cycle) name this many and count the
# rest: a message must not grow with the file, or 50,000 rows make 50,000² characters.
SHOWN = 5


def rows_text(numbers: list[int], total: int | None = None) -> str:
    """The first row numbers, and how many more there are (`total`: all of them)."""
    total = len(numbers) if total is None else total
    shown = ", ".join(str(n) for n in numbers[:SHOWN])
    if total <= SHOWN:
        return shown
    return ngettext(
        "%(rows)s and %(count)s more row",
        "%(rows)s and %(count)s more rows",
        total - SHOWN,
    ) % {"rows": shown, "count": total - SHOWN}


def validate(rows: list[ParsedRow], snapshot: Snapshot, columns: ColumnMap) -> Resolution:
    result = Resolution(match=[None] * len(rows), manager=[None] * len(rows), rejected=[])
    flagged = _duplicates(rows, columns)
    _match(rows, snapshot, columns, result, flagged)
    row_of_pk = {pk: i for i, pk in enumerate(result.match) if pk is not None}
    _resolve_managers(rows, snapshot, columns, result, row_of_pk)
    graph = _graph(rows, snapshot, result, row_of_pk)
    if columns.has_manager:
        _cycles(rows, snapshot, columns, graph, row_of_pk, result, reduced=False)
    result.rejected = [bool(r.errors) for r in rows]
    _propagate(rows, snapshot, columns, graph, row_of_pk, result)
    return result


def _duplicates(rows: list[ParsedRow], columns: ColumnMap) -> set[int]:
    by_id: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.values.get("employee_id"):
            by_id.setdefault(row.values["employee_id"], []).append(i)
        if "email" in row.values:
            by_key.setdefault(row.email_key, []).append(i)
    flagged: set[int] = set()
    for value, group in by_id.items():
        for i in group if len(group) > 1 else ():
            others = _others(rows, group, i)
            message = ngettext(
                "employee id '%(id)s' also appears in row %(rows)s; each person may appear "
                "only once — remove the duplicate row or correct the employee id",
                "employee id '%(id)s' also appears in rows %(rows)s; each person may appear "
                "only once — remove the duplicate rows or correct the employee ids",
                len(group) - 1,
            ) % {"id": value, "rows": others}
            rows[i].errors.append(RowError(rows[i].row, columns.name("employee_id"), message))
            flagged.add(i)
    for group in by_key.values():
        for i in group if len(group) > 1 else ():
            others = _others(rows, group, i)
            message = ngettext(
                "same e-mail as row %(rows)s (compared ignoring upper/lower case and Unicode "
                "form); each person may appear only once — remove the duplicate row or correct "
                "the e-mail",
                "same e-mail as rows %(rows)s (compared ignoring upper/lower case and Unicode "
                "form); each person may appear only once — remove the duplicate rows or correct "
                "the e-mails",
                len(group) - 1,
            ) % {"rows": others}
            rows[i].errors.append(RowError(rows[i].row, columns.name("email"), message))
            flagged.add(i)
    return flagged


def _others(rows: list[ParsedRow], group: list[int], i: int) -> str:
    """The other rows of a group, as a message shows them: O(1) per row, not O(group)."""
    shown = [rows[j].row for j in group[: SHOWN + 1] if j != i][:SHOWN]
    return rows_text(shown, len(group) - 1)


def _match(
    rows: list[ParsedRow],
    snapshot: Snapshot,
    columns: ColumnMap,
    result: Resolution,
    flagged: set[int],
) -> None:
    """Match rows to existing people: by employee id, else by e-mail key."""
    first_row_of: dict[int, int] = {}
    for i, row in enumerate(rows):
        by_id = snapshot.by_employee_id.get(row.employee_id) if row.employee_id else None
        by_email = snapshot.by_email_key.get(row.email_key) if row.email_key else None
        result.seen.update(pk for pk in (by_id, by_email) if pk is not None)
        if by_id is not None and by_email is not None and by_id != by_email:
            row.errors.append(
                RowError(
                    row.row,
                    columns.name("email"),
                    _(
                        "the employee id belongs to %(by_id)s but the e-mail belongs to "
                        "%(by_email)s, another person in Tandem; correct the e-mail or the "
                        "employee id so that both identify the same person"
                    )
                    % {"by_id": snapshot.label(by_id), "by_email": snapshot.label(by_email)},
                )
            )
            continue
        pk = by_id if by_id is not None else by_email
        if by_id is None and by_email is not None and row.employee_id:
            existing_id = snapshot.people[by_email].employee_id
            if existing_id and existing_id != row.employee_id:
                row.errors.append(
                    RowError(
                        row.row,
                        columns.name("email"),
                        _(
                            "the e-mail %(email)s already belongs to %(person)s, a person with "
                            "a different employee id; correct the e-mail, or the employee id "
                            "if it is the same person"
                        )
                        % {
                            "email": snapshot.people[by_email].email,
                            "person": snapshot.label(by_email),
                        },
                    )
                )
                continue
        if pk is None:
            continue
        if pk in first_row_of:
            # Two rows for one person; duplicates in the file were already reported.
            other = first_row_of[pk]
            if i not in flagged and other not in flagged:
                for a, b in ((i, other), (other, i)):
                    rows[a].errors.append(
                        RowError(
                            rows[a].row,
                            columns.name("employee_id"),
                            _(
                                "this row and row %(other)s both refer to %(person)s (one by "
                                "employee id, one by e-mail); keep one row for this person"
                            )
                            % {"other": rows[b].row, "person": snapshot.label(pk)},
                        )
                    )
            continue
        first_row_of[pk] = i
        result.match[i] = pk


def _resolve_managers(
    rows: list[ParsedRow],
    snapshot: Snapshot,
    columns: ColumnMap,
    result: Resolution,
    row_of_pk: dict[int, int],
) -> None:
    has_id_column = columns.has("employee_id")
    if not columns.has_manager:
        for i, pk in enumerate(result.match):
            if pk is not None:
                result.manager[i] = _node(snapshot.people[pk].manager_id, row_of_pk)
        return
    # The identities after the import: the file's rows, then everyone else as they are.
    final_id: dict[str, int] = {}
    final_email: dict[str, int] = {}
    for i, row in enumerate(rows):
        pk = result.match[i]
        if has_id_column:
            employee_id = row.employee_id
        else:
            employee_id = snapshot.people[pk].employee_id if pk is not None else None
        if employee_id:
            final_id.setdefault(employee_id, i)
        if row.email_key:
            final_email.setdefault(row.email_key, i)
    for employee_id, pk in snapshot.by_employee_id.items():
        if pk not in row_of_pk:
            final_id.setdefault(employee_id, -pk)
    for key, pk in snapshot.by_email_key.items():
        if pk not in row_of_pk:
            final_email.setdefault(key, -pk)

    for i, row in enumerate(rows):
        targets: dict[int, str] = {}
        for heading, kind, key, text in row.manager_refs:
            node = (final_id if kind == "id" else final_email).get(key)
            if node is None:
                row.errors.append(RowError(row.row, heading, _unknown_manager(kind, text)))
            else:
                targets.setdefault(node, heading)
        if len(targets) > 1:
            row.errors.append(
                RowError(
                    row.row,
                    next(iter(targets.values())),
                    _(
                        "the manager columns name different people; fill in only one of them, "
                        "or make them name the same person"
                    ),
                )
            )
        elif targets:
            node, heading = next(iter(targets.items()))
            if node == i:
                row.errors.append(
                    RowError(
                        row.row,
                        heading,
                        _(
                            "a person cannot be their own manager; leave the cell empty or "
                            "enter the employee id of the real manager"
                        ),
                    )
                )
            else:
                result.manager[i] = node


def _unknown_manager(kind: str, text: str) -> str:
    if kind == "email":
        return _(
            "unknown manager '%(value)s': nobody in this file or in Tandem has this e-mail; "
            "add the manager to the file, or correct the e-mail"
        ) % {"value": text}
    return _(
        "unknown manager '%(value)s': nobody in this file or in Tandem has this employee id; "
        "add the manager to the file, or correct the employee id"
    ) % {"value": text}


def _node(pk: int | None, row_of_pk: dict[int, int]) -> int | None:
    if pk is None:
        return None
    return row_of_pk.get(pk, -pk)


def _graph(
    rows: list[ParsedRow], snapshot: Snapshot, result: Resolution, row_of_pk: dict[int, int]
) -> dict[int, int | None]:
    graph: dict[int, int | None] = dict(enumerate(result.manager))
    for pk, person in snapshot.people.items():
        if pk not in row_of_pk:
            graph[-pk] = _node(person.manager_id, row_of_pk)
    return graph


def _label(node: int, rows: list[ParsedRow], snapshot: Snapshot, result: Resolution) -> str:
    if node < 0:
        person = snapshot.people[-node]
        return person.employee_id or person.email
    row = rows[node]
    pk = result.match[node]
    employee_id = row.employee_id or (snapshot.people[pk].employee_id if pk else None)
    return employee_id or str(row.values.get("email") or row.email_key)


def _cycles(
    rows: list[ParsedRow],
    snapshot: Snapshot,
    columns: ColumnMap,
    graph: dict[int, int | None],
    row_of_pk: dict[int, int],
    result: Resolution,
    *,
    reduced: bool,
) -> set[int]:
    """Report each manager cycle; returns the rows newly rejected.

    A cycle is described once, on its first row (its first people and its length); the other
    rows in it get a short pointer to that row, so the report grows linearly with the cycle.
    """
    heading = _manager_heading(columns)
    newly: set[int] = set()
    for cycle in all_cycles(graph):
        in_file = [n for n in cycle if n >= 0]
        if not in_file:
            # An old loop among people who are not in the file: not this file's doing.
            if not reduced:
                result.warnings.append(
                    _(
                        "The people in Tandem already contain a manager cycle (%(chain)s); it is "
                        "not changed by this import. Correct it in the HR data and import again."
                    )
                    % {"chain": _cycle_text(cycle, rows, snapshot, result)}
                )
            continue
        start = cycle.index(min(in_file))
        cycle = cycle[start:] + cycle[:start]
        chain = _cycle_text(cycle, rows, snapshot, result)
        if reduced:
            skipped = sorted(rows[n].row for n in in_file if result.rejected[n])
            message = ngettext(
                "manager cycle: %(chain)s — it forms because row %(rows)s has errors and is "
                "skipped, so that person keeps their current manager; fix row %(rows)s",
                "manager cycle: %(chain)s — it forms because rows %(rows)s have errors and are "
                "skipped, so those people keep their current managers; fix those rows",
                len(skipped),
            ) % {"chain": chain, "rows": rows_text(skipped)}
        else:
            message = _(
                "manager cycle: %(chain)s; change the manager of one of these people so that "
                "the reporting line ends at someone without a manager"
            ) % {"chain": chain}
        first: int | None = None
        for node in in_file:
            if reduced and result.rejected[node]:
                continue
            if first is None or len(cycle) <= SHOWN:
                rows[node].errors.append(RowError(rows[node].row, heading, message))
                first = node if first is None else first
            else:
                rows[node].errors.append(
                    RowError(
                        rows[node].row,
                        heading,
                        _(
                            "this person is part of the manager cycle described in row "
                            "%(row)s (%(count)s people); fix it there"
                        )
                        % {"row": rows[first].row, "count": len(cycle)},
                    )
                )
            newly.add(node)
    return newly


def _cycle_text(
    cycle: list[int], rows: list[ParsedRow], snapshot: Snapshot, result: Resolution
) -> str:
    """The cycle as 'A → B → C → A'; a long one by its first people and its length."""
    labels = [_label(n, rows, snapshot, result) for n in cycle[:SHOWN]]
    if len(cycle) <= SHOWN:
        return " → ".join([*labels, labels[0]])
    return ngettext(
        "%(chain)s → … (%(count)s person in all) → %(first)s",
        "%(chain)s → … (%(count)s people in all) → %(first)s",
        len(cycle),
    ) % {"chain": " → ".join(labels), "count": len(cycle), "first": labels[0]}


def _propagate(
    rows: list[ParsedRow],
    snapshot: Snapshot,
    columns: ColumnMap,
    graph: dict[int, int | None],
    row_of_pk: dict[int, int],
    result: Resolution,
) -> None:
    """Skip valid rows that depend on a skipped row, until nothing changes.

    A row whose manager is a skipped row is skipped too. Skipped rows keep their current data
    (or are not created), which can close a loop through people outside the file: the reduced
    graph is checked for cycles again.
    """
    reports: dict[int, list[int]] = {}
    for i, manager in enumerate(result.manager):
        if manager is not None and manager >= 0:
            reports.setdefault(manager, []).append(i)
    queue = [i for i, rejected in enumerate(result.rejected) if rejected]
    while queue:
        while queue:
            i = queue.pop()
            for j in reports.get(i, ()):
                if result.rejected[j]:
                    continue
                result.rejected[j] = True
                rows[j].errors.append(
                    RowError(
                        rows[j].row,
                        _manager_heading(columns),
                        _(
                            "the manager (row %(row)s) has errors and is skipped, so this row "
                            "is skipped too; fix row %(row)s"
                        )
                        % {"row": rows[i].row},
                    )
                )
                queue.append(j)
        if not columns.has_manager or not any(result.rejected):
            return
        reduced = dict(graph)
        for i, rejected in enumerate(result.rejected):
            if not rejected:
                continue
            pk = result.match[i]
            if pk is None:
                reduced.pop(i, None)
            else:
                reduced[i] = _node(snapshot.people[pk].manager_id, row_of_pk)
        newly = _cycles(rows, snapshot, columns, reduced, row_of_pk, result, reduced=True)
        for i in newly:
            result.rejected[i] = True
        queue = list(newly)


def _manager_heading(columns: ColumnMap) -> str:
    for name in ("manager_id", "manager_email", "manager"):
        if columns.has(name):
            return columns.names[name]
    return ""
