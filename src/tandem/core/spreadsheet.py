"""Safe values for CSV/XLSX files that people open in a spreadsheet (CSV/formula injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """Return the cell text so that no spreadsheet evaluates it as a formula.

    A leading apostrophe is what Excel and LibreOffice themselves use to mark literal text.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV for German Excel: UTF-8 with BOM, semicolon separated, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(h) for h in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
