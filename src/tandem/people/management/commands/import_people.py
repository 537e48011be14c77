"""`tandem import-people FILE`: import people from an HR export (CSV or XLSX)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.people.importing.report import ImportReport
from tandem.people.importing.services import people_import


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
            "--rejected-out",
            metavar="PATH",
            help="write the rows with errors to this CSV file (with a column for the messages)",
        )

    def handle(self, *args, file: str, dry_run: bool, full: bool, import_valid: bool, **options):
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
        report = people_import(
            data=data,
            filename=path.name,
            actor=None,
            full=full,
            import_valid_rows=import_valid,
            dry_run=dry_run,
        )
        rejected_out = options.get("rejected_out")
        if rejected_out:
            self._write_rejected(report, Path(rejected_out))
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        else:
            self._write_text(report)
        if report.errors:
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
