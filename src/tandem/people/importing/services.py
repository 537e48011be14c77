"""`people_import`: the one entry point for the command, the web flow and the demo loader."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.services import audit_record
from tandem.people.importing.apply import apply_plan
from tandem.people.importing.columns import map_columns
from tandem.people.importing.parsing import ParseContext
from tandem.people.importing.plan import Plan, make_plan
from tandem.people.importing.reading import (
    Cell,
    UnreadableFile,
    empty_heading_message,
    read_table,
)
from tandem.people.importing.report import ImportReport, RowError
from tandem.people.importing.rows import ParsedRow, parse_rows
from tandem.people.importing.safety import is_mass_deactivation
from tandem.people.importing.snapshot import Snapshot, load_snapshot
from tandem.people.importing.validation import Resolution, rows_text, validate
from tandem.people.models import Person, PersonImport
from tandem.people.services_accounts import accounts_follow_email_changes


def people_import(
    *,
    data: bytes,
    filename: str,
    actor: User | AnonymousUser | None,
    full: bool = False,
    import_valid_rows: bool = False,
    dry_run: bool = False,
    allow_mass_deactivation: bool = False,
) -> ImportReport:
    """Read, check and (unless dry_run) write an HR export of people, all or nothing.

    With errors nothing is written, unless `import_valid_rows`: then rows with errors — and
    rows that depend on them — are skipped and listed in `report.rejected_file()`. `full`
    deactivates active employees missing from the file (alumni and externals are kept);
    when that is a mass deactivation (see safety.py) nothing is written unless
    `allow_mass_deactivation` (`report.mass_deactivation` says so).
    """
    return run_import(
        data=data,
        filename=filename,
        actor=actor,
        full=full,
        import_valid_rows=import_valid_rows,
        dry_run=dry_run,
        allow_mass_deactivation=allow_mass_deactivation,
    )


def run_import(
    *,
    data: bytes,
    filename: str,
    actor: User | AnonymousUser | None,
    full: bool = False,
    import_valid_rows: bool = False,
    dry_run: bool = False,
    record: PersonImport | None = None,
    expect_rejected: int | None = None,
    allow_mass_deactivation: bool = False,
    expect_deactivated: int | None = None,
) -> ImportReport:
    """`people_import` plus what the web flow needs: the audit target, and guards that the
    number of skipped rows (and of people to deactivate) is still the one the coordinator
    agreed to."""
    report = ImportReport(dry_run=dry_run)
    try:
        table = read_table(data, filename)
    except UnreadableFile as exc:
        report.errors.append(RowError(None, "", exc.message))
        return report
    report.rows = len(table.rows)
    columns, column_errors = map_columns(table.header)
    if columns.unknown:
        report.warnings.append(
            ngettext(
                "The column %(names)s is not known and is ignored; rename it if it should be "
                "imported (see the list of accepted column names).",
                "The columns %(names)s are not known and are ignored; rename them if they should "
                "be imported (see the list of accepted column names).",
                len(columns.unknown),
            )
            % {"names": ", ".join(f"'{name}'" for name in columns.unknown)}
        )
    if column_errors:
        if table.empty_heading_row is not None:
            column_errors = [RowError(None, "", empty_heading_message(table.empty_heading_row))]
        report.errors.extend(column_errors)
        return report

    with nullcontext() if dry_run else transaction.atomic():
        snapshot = load_snapshot()
        context = ParseContext(today=timezone.localdate())
        rows = parse_rows(table, columns, context)
        resolution = validate(rows, snapshot, columns)
        report.warnings.extend(resolution.warnings)
        plan = make_plan(rows, resolution, snapshot, columns, full=full)
        _fill_report(report, rows, resolution, plan, table.header)
        _check_mass_deactivation(report, snapshot)
        if dry_run or (report.errors and not import_valid_rows):
            return report
        if expect_rejected is not None and report.rejected_count != expect_rejected:
            return report
        if report.mass_deactivation and not allow_mass_deactivation:
            return report
        if expect_deactivated is not None and report.deactivated != expect_deactivated:
            return report
        apply_plan(plan, snapshot, resolution)
        # An account follows its person's new e-mail and must verify it (accounts.services).
        email_changes = [
            (snapshot.people[rp.pk].email, rp.values["email"])
            for rp in plan.updates
            if rp.pk and "email" in rp.changed
        ]
        if email_changes:
            accounts_follow_email_changes(changes=email_changes, actor=actor)
        report.written = True
        audit_record(
            actor=actor,
            action="people.import",
            target=record,
            data={
                "filename": filename,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "deactivated": report.deactivated,
                "rejected": report.rejected_count,
                "full": full,
                "mass_deactivation": report.mass_deactivation,
            },
        )
    return report


def _fill_report(
    report: ImportReport,
    rows: list[ParsedRow],
    resolution: Resolution,
    plan: Plan,
    header: list[str],
) -> None:
    report.created = len(plan.creates)
    report.updated = len(plan.updates)
    report.unchanged = plan.unchanged
    report.deactivated = len(plan.deactivate)
    report.new_levels = list(plan.new_levels)
    if plan.new_levels:
        report.warnings.append(
            ngettext(
                "The career level %(names)s is new: it is created without a rank. Until a "
                "coordinator puts the levels in order (People → Career levels, or --levels on "
                "the command line), rules that compare career levels cannot use it.",
                "The career levels %(names)s are new: they are created without a rank. Until a "
                "coordinator puts the levels in order (People → Career levels, or --levels on "
                "the command line), rules that compare career levels cannot use them.",
                len(plan.new_levels),
            )
            % {"names": ", ".join(f"'{name}'" for name in plan.new_levels)}
        )
    if plan.unranked_levels:
        report.warnings.append(
            ngettext(
                "The career level %(names)s has no rank yet; put the levels in order (People → "
                "Career levels, or --levels on the command line).",
                "The career levels %(names)s have no rank yet; put the levels in order (People → "
                "Career levels, or --levels on the command line).",
                len(plan.unranked_levels),
            )
            % {"names": ", ".join(f"'{name}'" for name in sorted(plan.unranked_levels))}
        )
    report.rejected_header = [*header, _("Error")]
    stripped = [row.row for row in rows if row.stripped]
    if stripped:
        report.warnings.append(
            ngettext(
                "Invisible characters (such as a byte-order mark or a zero-width space) at the "
                "start or end of a value were removed in %(count)s row: %(rows)s.",
                "Invisible characters (such as a byte-order mark or a zero-width space) at the "
                "start or end of a value were removed in %(count)s rows: %(rows)s.",
                len(stripped),
            )
            % {"count": len(stripped), "rows": rows_text(stripped)}
        )
    for i, row in enumerate(rows):
        if not resolution.rejected[i]:
            continue
        report.errors.extend(row.errors)
        messages = "; ".join(
            f"{error.column}: {error.message}" if error.column else error.message
            for error in row.errors
        )
        report.rejected_rows.append([*(_cell_text(c) for c in row.cells), messages])
    if report.deactivated:
        report.warnings.append(
            ngettext(
                "%(count)s active employee is not in the file: the full import deactivates "
                "them (alumni and external people are never deactivated).",
                "%(count)s active employees are not in the file: the full import deactivates "
                "them (alumni and external people are never deactivated).",
                report.deactivated,
            )
            % {"count": report.deactivated}
        )


def _check_mass_deactivation(report: ImportReport, snapshot: Snapshot) -> None:
    report.active_employees = sum(
        1
        for person in snapshot.people.values()
        if person.is_active and person.kind == Person.Kind.EMPLOYEE
    )
    report.mass_deactivation = is_mass_deactivation(
        deactivated=report.deactivated, active_employees=report.active_employees
    )
    if report.mass_deactivation:
        report.warnings.append(
            _(
                "This full import would deactivate %(count)s of the %(active)s active "
                "employees. Check that the file really is the complete export; the import "
                "goes ahead only when you confirm the deactivation explicitly."
            )
            % {"count": report.deactivated, "active": report.active_employees}
        )


def _cell_text(cell: Cell) -> str:
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    # Invalid bytes are kept as surrogates to be reported; written out as �.
    return cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
