"""`tandem import-people FILE`: import people from an HR export (CSV or XLSX)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.people.importing.report import ImportReport
from tandem.people.importing.services import people_import
from tandem.people.levels.services import career_levels_set_order, order_problems
from tandem.people.models import CareerLevel


class Command(BaseCommand):
    help = (
        "Import people from an HR export (CSV with , ; or tab, or Excel .xlsx; German or English "
        "column names). Nothing is written when the file has errors, unless --import-valid. "
        "Exit code 1 whenever there are errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and count, but write nothing"
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="the file is the complete list of employees: deactivate active employees "
            "missing from it (alumni and external people are never touched)",
        )
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="output format"
        )
        parser.add_argument(
            "--import-valid",
            action="store_true",
            help="import the valid rows even if other rows have errors (those are skipped)",
        )
        parser.add_argument(
            "--allow-mass-deactivation",
            action="store_true",
            help="with --full: go ahead even though the import deactivates at least 10 people "
            "and more than 10%% of the active employees (without it nothing is written and the "
            "exit code is 1)",
        )
        parser.add_argument(
            "--levels",
            metavar='"A,B,C"',
            help="put all career levels in order, comma-separated from the LOWEST (entry level, "
            "rank 1) to the HIGHEST; every level must be listed once (levels the file creates "
            "included)",
        )
        parser.add_argument(
            "--rejected-out",
            metavar="PATH",
            help="write the rows with errors to this CSV file (with a column for the messages)",
        )

    def handle(self, *args, file: str, dry_run: bool, full: bool, import_valid: bool, **options):
        levels = _split_levels(options.get("levels"))
        path = Path(file)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(
                _("The file %(path)s does not exist; check the path.") % {"path": file}
            ) from None
        except OSError as exc:
            raise CommandError(
                _("The file %(path)s cannot be read (%(reason)s).")
                % {"path": file, "reason": exc.strerror or exc}
            ) from None
        level_problems: list[str] = []
        ordered: list[CareerLevel] = []
        try:
            with transaction.atomic():
                report = people_import(
                    data=data,
                    filename=path.name,
                    actor=None,
                    full=full,
                    import_valid_rows=import_valid,
                    dry_run=dry_run,
                    allow_mass_deactivation=options["allow_mass_deactivation"],
                )
                if levels is not None and (report.written or dry_run):
                    ordered, level_problems = _order_levels(levels, report, dry_run=dry_run)
                    if level_problems and report.written:
                        raise _Undo
        except _Undo:
            report.written = False
        rejected_out = options.get("rejected_out")
        if rejected_out:
            self._write_rejected(report, Path(rejected_out))
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            self._write_text(report)
        blocked = report.mass_deactivation and not report.written and not dry_run
        if blocked and not report.errors:
            self.stderr.write(
                self.style.ERROR(
                    ngettext(
                        "Nothing was written: this full import would deactivate %(count)s "
                        "person of %(active)s active employees. If the file really is the "
                        "complete export, run again with --allow-mass-deactivation.",
                        "Nothing was written: this full import would deactivate %(count)s "
                        "people of %(active)s active employees. If the file really is the "
                        "complete export, run again with --allow-mass-deactivation.",
                        report.deactivated,
                    )
                    % {"count": report.deactivated, "active": report.active_employees}
                )
            )
        for problem in level_problems:
            self.stderr.write(self.style.ERROR(_("--levels: %(text)s") % {"text": problem}))
        if level_problems and not dry_run:
            self.stderr.write(_("Nothing was written because of the problems with --levels."))
        if ordered:
            # Never mixed into the JSON document on stdout.
            (self.stderr if options["format"] == "json" else self.stdout).write(
                _("Career levels from the lowest to the highest: %(levels)s")
                % {"levels": ", ".join(f"{lv.rank} {lv.name}" for lv in ordered)}
            )
        if report.errors or blocked or level_problems:
            sys.exit(1)

    def _write_rejected(self, report: ImportReport, path: Path) -> None:
        content = report.rejected_file()
        if content is None:
            return
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise CommandError(
                _("Cannot write the rejected rows to %(path)s (%(reason)s).")
                % {"path": path, "reason": exc.strerror or exc}
            ) from None
        self.stderr.write(_("Rows with errors written to %(path)s.") % {"path": path})

    def _write_text(self, report: ImportReport) -> None:
        counts = _(
            "created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s, "
            "deactivated: %(deactivated)s"
        ) % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "deactivated": report.deactivated,
        }
        self.stdout.write(counts)
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(_("warning: %(text)s") % {"text": warning}))
        for error in report.shown_errors:
            self.stdout.write(self.style.ERROR(_error_line(error.row, error.column, error.message)))
        if len(report.errors) > len(report.shown_errors):
            self.stdout.write(
                self.style.ERROR(
                    _(
                        "Showing the first %(shown)s of %(count)s problems; --rejected-out "
                        "writes every row with errors and its messages to a file."
                    )
                    % {
                        "shown": intcomma(len(report.shown_errors)),
                        "count": intcomma(len(report.errors)),
                    }
                )
            )
        if report.written:
            self.stdout.write(self.style.SUCCESS(_("Import done.")))
            if report.errors:
                self.stdout.write(
                    ngettext(
                        "%(count)s row with errors was skipped.",
                        "%(count)s rows with errors were skipped.",
                        report.rejected_count,
                    )
                    % {"count": report.rejected_count}
                )
        elif report.dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        elif report.errors:
            self.stdout.write(
                _(
                    "Nothing was written because of the errors above. Fix them, or run again "
                    "with --import-valid to import the valid rows and skip the others."
                )
            )


class _Undo(Exception):
    """Roll the import back: the --levels list does not fit."""


def _split_levels(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [name.strip() for name in text.split(",")]


def _order_levels(
    names: list[str], report: ImportReport, *, dry_run: bool
) -> tuple[list[CareerLevel], list[str]]:
    """Rank the levels as listed; in a dry run only check the list (levels the file would
    create count as known)."""
    known = list(CareerLevel.objects.values_list("name", flat=True))
    known_fold = {name.casefold() for name in known}
    known += [name for name in report.new_levels if name.casefold() not in known_fold]
    problems = order_problems(names=names, known=known)
    if problems or dry_run:
        return [], problems
    ordered = career_levels_set_order(names=names, actor=None)
    return [level for level in ordered if level.rank is not None], []


def _error_line(row: int | None, column: str, message: str) -> str:
    if row is None:
        return _("file: %(message)s") % {"message": message}
    if column:
        return _("row %(row)s, column %(column)s: %(message)s") % {
            "row": row,
            "column": column,
            "message": message,
        }
    return _("row %(row)s: %(message)s") % {"row": row, "message": message}
