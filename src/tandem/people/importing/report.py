"""What an import found and did: plain dataclasses, JSON-ready."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tandem.core.spreadsheet import csv_bytes

# Reports name at most this many problems (command output, JSON, the stored preview) together
# with the total; the rows with errors, each with its messages, are in the rejected-rows file.
ERRORS_SHOWN = 1000


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem: the spreadsheet row (1 = header, None = the whole file), column, message."""

    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(slots=True)
class ImportReport:
    """Counts are what was written, or — in a dry run or when errors block — what would be."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    # Data rows read from the file, and the rows that are (or would be) skipped.
    rows: int = 0
    rejected_header: list[str] = field(default_factory=list)
    rejected_rows: list[list[str]] = field(default_factory=list)
    # Career levels the file names that do not exist yet (created without a rank).
    new_levels: list[str] = field(default_factory=list)
    # A full import that deactivates many people needs an explicit yes (see safety.py).
    mass_deactivation: bool = False
    active_employees: int = 0

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected_rows)

    @property
    def valid_count(self) -> int:
        return self.rows - self.rejected_count

    @property
    def file_errors(self) -> list[RowError]:
        """Problems with the file as a whole (unreadable, missing columns): nothing can import."""
        return [e for e in self.errors if e.row is None or e.row == 1]

    def rejected_file(self) -> bytes | None:
        """The rejected rows as CSV (uploaded columns + the messages), formulas neutralised."""
        if not self.rejected_rows:
            return None
        return csv_bytes(self.rejected_header, self.rejected_rows)

    @property
    def shown_errors(self) -> list[RowError]:
        return self.errors[:ERRORS_SHOWN]

    def as_json(self) -> dict[str, Any]:
        """The counts and the first ERRORS_SHOWN problems (`error_count`: all of them)."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deactivated": self.deactivated,
            "errors": [e.as_dict() for e in self.shown_errors],
            "error_count": len(self.errors),
            "warnings": list(self.warnings),
            "written": self.written,
            "dry_run": self.dry_run,
        }
