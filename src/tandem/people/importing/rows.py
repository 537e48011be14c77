"""All data rows → ParsedRow: typed values per field, manager references, cell errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tandem.people.importing.columns import LABELS, MANAGER_FIELDS, ColumnMap
from tandem.people.importing.parsing import (
    FieldError,
    ParseContext,
    cell_text,
    parse_active,
    parse_birth_year,
    parse_career_level,
    parse_email,
    parse_employee_id,
    parse_hire_date,
    parse_kind,
    parse_languages,
    parse_manager_ref,
    parse_org_unit,
    parse_required_text,
    parse_text,
)
from tandem.people.importing.reading import Cell, Table
from tandem.people.importing.report import RowError
from tandem.people.normalize import email_key, has_invisible_edges


def _loose_text(value: Cell) -> str:
    """A cell's text for identifying its row even when the cell has an error."""
    try:
        return cell_text(value)
    except FieldError:
        # Invalid bytes (kept as surrogates) as �: this text may appear in other messages.
        text = str(value).strip()
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# Columns with few distinct values (sites, units, dates, names …): each value is parsed once.
REPEATING = frozenset(
    {
        "first_name",
        "last_name",
        "job_title",
        "org_unit",
        "location",
        "languages",
        "hire_date",
        "career_level",
        "birth_year",
        "kind",
        "active",
    }
)


@dataclass(slots=True)
class ParsedRow:
    row: int
    cells: list[Cell]
    values: dict[str, Any]
    # (column heading, "id" or "email", employee id or e-mail key, the cell as written)
    manager_refs: list[tuple[str, str, str, str]]
    # Best-effort identity, also for rows with errors (so that nobody in the file is deactivated).
    employee_id: str | None
    email_key: str
    errors: list[RowError]
    # Headings of the cells whose invisible leading or trailing characters were removed.
    stripped: list[str] = field(default_factory=list)


def field_parsers(context: ParseContext) -> dict[str, Callable[[Cell], Any]]:
    return {
        "employee_id": parse_employee_id,
        "first_name": lambda v: parse_required_text(v, label=LABELS["first_name"]),
        "last_name": lambda v: parse_required_text(v, label=LABELS["last_name"]),
        "email": parse_email,
        "job_title": parse_text,
        "org_unit": parse_org_unit,
        "location": parse_text,
        "languages": parse_languages,
        "hire_date": lambda v: parse_hire_date(v, today=context.today),
        "career_level": parse_career_level,
        "birth_year": lambda v: parse_birth_year(v, today=context.today),
        "kind": parse_kind,
        "active": parse_active,
    }


def memoized(parse: Callable[[Cell], Any]) -> Callable[[Cell], Any]:
    """The parser with a cache per distinct cell value (errors are cached as their message)."""
    cache: dict[Cell, tuple[bool, Any]] = {}

    def cached(value: Cell) -> Any:
        hit = cache.get(value)
        if hit is None:
            try:
                hit = (True, parse(value))
            except FieldError as exc:
                hit = (False, exc.message)
            cache[value] = hit
        ok, result = hit
        if not ok:
            raise FieldError(result)
        return list(result) if isinstance(result, list) else result

    return cached


def parse_rows(table: Table, columns: ColumnMap, context: ParseContext) -> list[ParsedRow]:
    """Every data row, parsed field by field; cell problems become row errors."""
    parsers = field_parsers(context)
    plan = [
        (
            name,
            columns.index[name],
            columns.names[name],
            memoized(parse) if name in REPEATING else parse,
        )
        for name, parse in parsers.items()
        if columns.has(name)
    ]
    managers = [
        (name, columns.index[name], columns.names[name])
        for name in MANAGER_FIELDS
        if columns.has(name)
    ]
    id_index = columns.index.get("employee_id")
    email_index = columns.index["email"]
    problems: dict[int, list[RowError]] = {}
    for problem in table.problems:
        problems.setdefault(problem.row or 0, []).append(problem)

    parsed: list[ParsedRow] = []
    for number, cells in table.rows:
        errors = problems.get(number, [])
        values: dict[str, Any] = {}
        stripped: list[str] = []
        for name, index, heading, parse in plan:
            cell = cells[index]
            try:
                values[name] = parse(cell)
            except FieldError as exc:
                errors.append(RowError(number, heading, exc.message))
                continue
            if isinstance(cell, str) and not cell.isascii() and has_invisible_edges(cell):
                stripped.append(heading)
        refs: list[tuple[str, str, str, str]] = []
        for name, index, heading in managers:
            try:
                ref = parse_manager_ref(cells[index], field_name=name)
            except FieldError as exc:
                errors.append(RowError(number, heading, exc.message))
                continue
            if ref is not None:
                refs.append((heading, *ref, cell_text(cells[index])))
        if "employee_id" in values:
            employee_id = values["employee_id"]
        else:
            employee_id = (_loose_text(cells[id_index]) or None) if id_index is not None else None
        parsed.append(
            ParsedRow(
                row=number,
                cells=cells,
                values=values,
                manager_refs=refs,
                employee_id=employee_id,
                email_key=email_key(values.get("email") or _loose_text(cells[email_index])),
                errors=errors,
                stripped=stripped,
            )
        )
    return parsed
