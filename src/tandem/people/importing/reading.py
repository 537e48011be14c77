"""Bytes → header + rows, each row with its spreadsheet row number (header = row 1).

CSV (`,` `;` or tab, detected from the header line) in UTF-8 with or without BOM, UTF-16 (with
BOM, or BOM-less detected by its NUL bytes) or Windows-1252, and XLSX (first sheet), detected by
content rather than by file name. Empty lines are skipped but still counted, so that row numbers
match what a spreadsheet program shows.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from typing import cast

from django.utils.translation import gettext as _

from tandem.people.importing.report import RowError

Cell = str | date  # datetime is a date subclass; XLSX date cells stay typed

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and .doc) files
PDF_MAGIC = b"%PDF"
DELIMITERS = ("\t", ";", ",")
# An .xlsx is a ZIP archive: refuse one that would unpack to more than this, or whose parts are
# compressed more than a spreadsheet ever is (a zip bomb), before anything is unpacked. A real
# export of 100,000 people unpacks to about 100 MB, at a ratio of about 10.
XLSX_MAX_UNPACKED = 500 * 2**20
XLSX_MAX_RATIO = 100
XLSX_RATIO_FROM = 2**20  # small parts may compress better: only parts above 1 MB count
_QUOTED = re.compile(r'"[^"]*"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\udc80-\udcff]")
# The csv module refuses fields over 128 KB with a bare "field larger than field limit": let
# every field through, so that the field's own check names its row, column and limit.
csv.field_size_limit(2**31 - 1)


class UnreadableFile(Exception):
    """The file cannot be read as a table at all; `message` says why and what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(slots=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[Cell]]]
    format: str
    encoding: str = ""
    delimiter: str = ""
    problems: list[RowError] = field(default_factory=list)
    # A row before the headings that had cells but all empty (";;;;"): where headings belong.
    empty_heading_row: int | None = None


def empty_heading_message(row: int) -> str:
    return _(
        "row %(row)s, where the column headings belong, contains only separators and no "
        "headings; write the column headings (for example Vorname;Nachname;E-Mail) in that row"
    ) % {"row": row}


def read_table(data: bytes, filename: str = "") -> Table:
    """Read an uploaded file; raises UnreadableFile with one clear message if impossible."""
    if not data or not data.strip():
        raise UnreadableFile(
            _("the file is empty; export the list of people again and upload that file")
        )
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        raise UnreadableFile(
            _(
                "this is an old Excel file (.xls), which cannot be read; open it in Excel and "
                "save it as Excel workbook (.xlsx) or as CSV"
            )
        )
    if data.startswith(PDF_MAGIC):
        raise UnreadableFile(
            _("this is a PDF document, not a table; export the list as CSV or Excel (.xlsx)")
        )
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise UnreadableFile(
            _(
                "the file is named like an Excel workbook but its content is not one; save it "
                "again from Excel as .xlsx, or export it as CSV"
            )
        )
    text, encoding = decode(data)
    sample = text[:8192]
    # A few control characters (a NUL byte in a cell) are reported on their row and column.
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise UnreadableFile(
            _(
                "the file does not look like a CSV or Excel file (it contains binary data); "
                "export the list as CSV or Excel (.xlsx)"
            )
        )
    return _read_csv(text, encoding)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM followed by Windows-1252 text: fall through
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _undecodable() from exc
    elif data[:4096].count(0) * 4 >= len(data[:4096]):
        # UTF-16 without BOM: text in Latin script is about every second byte NUL. One NUL
        # byte in a cell is not that: it is reported on its row.
        sample = data[:4096]
        encoding = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise _undecodable() from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8 throughout. Invalid bytes become lone surrogates (U+DC80–U+DCFF), one per byte.
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
    invalid = len(_SURROGATE.findall(text))
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid  # non-ASCII UTF-8
    if invalid > valid:
        try:
            # German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252. Cells written
            # in UTF-8 within such a file read as "JÃ¼rgen": parsing reports them.
            return data.removeprefix(codecs.BOM_UTF8).decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            if not valid:
                raise _undecodable() from exc
    # Mostly UTF-8 with some invalid bytes: they stay as surrogates and parsing reports the
    # cells that contain them, instead of garbling the whole file as Windows-1252.
    return text, "utf-8"


def _undecodable() -> UnreadableFile:
    return UnreadableFile(
        _(
            "the characters in the file cannot be read; save it as 'CSV UTF-8' (in Excel: "
            "Save as → CSV UTF-8) or as Excel workbook (.xlsx)"
        )
    )


def detect_delimiter(line: str) -> str:
    """The separator used in the header line: the most frequent of tab, `;` and `,`."""
    unquoted = _QUOTED.sub("", line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def lines(text: str) -> Iterator[str]:
    """The lines with their line ends, one at a time: no second copy of a 50 MB text (a
    StringIO would hold four bytes per character)."""
    if "\n" not in text:
        text = text.replace("\r", "\n")  # old Mac line ends
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start)
        end = length if end < 0 else end + 1
        yield text[start:end]
        start = end


def _first_line(text: str) -> str:
    return next((line for line in lines(text) if line.strip()), "")


def _read_csv(text: str, encoding: str) -> Table:
    source = lines(text)
    first = _first_line(text)
    hint = first.strip().strip('"')
    if len(hint) == 5 and hint.lower().startswith("sep=") and hint[4] in DELIMITERS:
        # Excel's "sep=;" line: Excel hides it, so the headings stay row 1.
        delimiter = hint[4]
        next(line for line in source if line.strip())
    else:
        delimiter = detect_delimiter(first)
    reader = csv.reader(source, delimiter=delimiter)
    try:
        # _collect only reads the rows and builds new lists, so rows of str are rows of Cell
        records = cast("Iterable[tuple[int, list[Cell]]]", enumerate(reader, start=1))
        return _collect(records, "csv", encoding=encoding, delimiter=delimiter)
    except csv.Error as exc:
        raise UnreadableFile(
            _("the CSV file is malformed (%(detail)s); export it again from the HR system")
            % {"detail": exc}
        ) from exc


def check_archive(data: bytes) -> None:
    """Refuse a ZIP archive that would unpack to an unreasonable size, from its central
    directory alone (nothing is decompressed). The sizes there cannot lie to us: zipfile stops
    reading a part at its declared size and fails the CRC check if it is longer."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not readable as ZIP at all: openpyxl's failure gives the message
    unpacked = sum(part.file_size for part in parts)
    ratios = [
        part.file_size / max(part.compress_size, 1)
        for part in parts
        if part.file_size > XLSX_RATIO_FROM
    ]
    if unpacked > XLSX_MAX_UNPACKED:
        raise UnreadableFile(
            _(
                "the Excel file would unpack to %(size)s MB, more than the %(limit)s MB an "
                "import reads; it is not a normal export of people — export the list again, "
                "or as CSV"
            )
            % {"size": unpacked // 2**20, "limit": XLSX_MAX_UNPACKED // 2**20}
        )
    if ratios and max(ratios) > XLSX_MAX_RATIO:
        raise UnreadableFile(
            _(
                "the Excel file is compressed %(ratio)s times (a normal workbook: about 10 "
                "times); such a file is not a normal export of people and is not read — "
                "export the list again, or as CSV"
            )
            % {"ratio": int(max(ratios))}
        )


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    check_archive(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors all mean the same to the user
        raise UnreadableFile(
            _(
                "the file is a ZIP archive but not a readable Excel workbook (.xlsx); open it "
                "in Excel and save it again as .xlsx, or export the list as CSV"
            )
        ) from exc
    try:
        if not workbook.worksheets:
            raise UnreadableFile(_("the Excel workbook has no worksheet with data"))
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some exporters store a wrong sheet size
        records = (
            (number, [_xlsx_value(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        return _collect(records, "xlsx")
    finally:
        workbook.close()


def _xlsx_value(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # Excel stores every number as a float: employee id 1234 arrives as 1234.0.
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def _is_blank(cells: list[Cell]) -> bool:
    return all(isinstance(c, str) and not c.strip() for c in cells)


def _collect(
    records: Iterable[tuple[int, list[Cell]]],
    format_name: str,
    *,
    encoding: str = "",
    delimiter: str = "",
) -> Table:
    header: list[str] | None = None
    rows: list[tuple[int, list[Cell]]] = []
    problems: list[RowError] = []
    width = 0
    empty_heading_row: int | None = None
    for number, cells in records:
        if _is_blank(cells):
            if header is None and empty_heading_row is None and len(cells) > 1:
                empty_heading_row = number
            continue
        if header is None:
            header = [str(c).replace("\ufeff", "").strip() for c in cells]
            while header and not header[-1]:
                header.pop()
            width = len(header)
            continue
        if len(cells) > width:
            extra = cells[width:]
            if not _is_blank(extra):
                problems.append(_overflow_problem(number, len(cells), width, delimiter))
            cells = cells[:width]
        elif len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        rows.append((number, cells))
    if header is None:
        raise UnreadableFile(
            _("the file is empty; export the list of people again and upload that file")
        )
    if not rows:
        if empty_heading_row is not None:
            raise UnreadableFile(empty_heading_message(empty_heading_row))
        raise UnreadableFile(
            _(
                "the file has column headings but no rows with people; export the list again "
                "including the data rows"
            )
        )
    header = [_valid_text(h) for h in header]
    return Table(header, rows, format_name, encoding, delimiter, problems, empty_heading_row)


def _valid_text(text: str) -> str:
    """Invalid bytes (kept as surrogates for the cell checks) shown as �."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _overflow_problem(number: int, cells: int, width: int, delimiter: str) -> RowError:
    if not delimiter:
        return RowError(
            number,
            "",
            _(
                "this row has values to the right of the last column heading (column "
                "%(width)s); add a heading for that column or delete the values"
            )
            % {"width": width},
        )
    shown = {"\t": _("tab"), ";": ";", ",": ","}.get(delimiter, delimiter)
    return RowError(
        number,
        "",
        _(
            "this row has more values (%(cells)s) than the file has column headings "
            "(%(width)s); a value probably contains the separator '%(delimiter)s' — put such "
            "values in double quotes, or add the missing column heading"
        )
        % {"cells": cells, "width": width, "delimiter": shown},
    )
