"""Reading uploads: formats, encodings, delimiters, row numbers and unreadable files."""

from __future__ import annotations

import codecs
import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tandem.people.importing.reading import UnreadableFile, decode, read_table

HEADER = ["Personalnummer", "Vorname", "Nachname", "E-Mail", "Standort"]
ROW = ["1001", "Jürgen", "Groß", "juergen.gross@example.com", "Köln"]


def text_csv(delimiter: str = ";", rows=(ROW,)) -> str:
    return "\r\n".join(delimiter.join(r) for r in [HEADER, *rows]) + "\r\n"


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_every_delimiter_is_detected_from_the_header_line(delimiter):
    table = read_table(text_csv(delimiter).encode(), "people.csv")
    assert table.delimiter == delimiter
    assert table.header == HEADER
    assert table.rows == [(2, ROW)]


def test_a_comma_inside_quotes_does_not_decide_the_delimiter():
    data = 'Vorname;Nachname;"E-Mail, dienstlich"\nAnna;Groß;anna@example.com\n'.encode()
    assert read_table(data).delimiter == ";"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # with BOM, native order
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # BOM-less, found by its NUL bytes
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("cp1252"), "cp1252"),  # German Excel "CSV (Trennzeichen-getrennt)"
    ],
)
def test_every_encoding_reads_umlauts_correctly(encoded, encoding):
    table = read_table(encoded(text_csv()), "people.csv")
    assert table.encoding == encoding
    assert table.header[0] == "Personalnummer"  # no BOM left in the first heading
    assert table.rows[0][1][1:3] == ["Jürgen", "Groß"]
    assert table.rows[0][1][4] == "Köln"


def test_cp1252_is_the_fallback_when_utf8_fails():
    assert decode("Größe;Maß".encode("cp1252")) == ("Größe;Maß", "cp1252")


def test_empty_lines_are_skipped_but_row_numbers_match_the_spreadsheet():
    data = text_csv(rows=[ROW, [""] * 5, ROW]).replace(";;;;\r\n", "\r\n").encode()
    data += b"\r\n\r\n"
    table = read_table(data)
    assert [number for number, _cells in table.rows] == [2, 4]


def test_short_rows_are_padded_and_long_rows_are_a_row_problem():
    data = "Vorname;Nachname;E-Mail\nAnna;Groß\nBen;Brot;ben@example.com;Berlin\n".encode()
    table = read_table(data)
    assert table.rows[0] == (2, ["Anna", "Groß", ""])
    assert [p.row for p in table.problems] == [3]
    assert "double quotes" in table.problems[0].message


def test_xlsx_is_detected_by_content_and_numbers_and_dates_are_converted():
    data = xlsx_bytes(
        [
            ["Personalnummer", "Vorname", "Nachname", "E-Mail", "Eintrittsdatum"],
            [1234, "Jürgen", "Groß", "j@example.com", datetime(2020, 2, 1)],
            [None, None, None, None, None],
            [1235.0, "Anna", "Bär", "a@example.com", date(2021, 3, 4)],
        ]
    )
    table = read_table(data, "export.csv")  # a wrong name does not matter
    assert table.format == "xlsx"
    assert table.rows[0] == (2, ["1234", "Jürgen", "Groß", "j@example.com", datetime(2020, 2, 1)])
    assert table.rows[1][0] == 4
    assert table.rows[1][1][0] == "1235"


def test_xlsx_reads_only_the_first_sheet():
    workbook = Workbook()
    workbook.active.append(["Vorname", "Nachname", "E-Mail"])
    workbook.active.append(["Anna", "Bär", "a@example.com"])
    other = workbook.create_sheet("Notizen")
    other.append(["nothing", "to", "see"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "people.xlsx")
    assert table.header == ["Vorname", "Nachname", "E-Mail"]
    assert len(table.rows) == 1


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"", "people.csv", "the file is empty"),
        (b"  \r\n\r\n", "people.csv", "the file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "people.pdf", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "people.xls", ".xls"),
        (b"PK\x03\x04 this is no workbook", "people.xlsx", "not a readable Excel workbook"),
        (b"Vorname;Nachname;E-Mail\r\n", "people.csv", "no rows with people"),
        (b"Vorname;Nachname\x01\x02\x03\x04\x05\x06", "people.csv", "binary data"),
        (b"plain text", "people.xlsx", "not one"),
    ],
)
def test_unreadable_files_get_one_clear_message(data, filename, expected):
    with pytest.raises(UnreadableFile) as exc:
        read_table(data, filename)
    assert expected in exc.value.message


def test_an_unreadable_file_is_one_file_error_in_the_report():
    from tandem.people.importing.services import people_import

    report = people_import(data=b"%PDF-1.4 ...", filename="x.pdf", actor=None)
    assert [(e.row, e.column) for e in report.errors] == [(None, "")]
    assert "PDF" in report.errors[0].message
    assert report.written is False


def test_excel_sep_hint_line_sets_the_delimiter_and_is_not_a_row():
    data = ("sep=,\r\n" + text_csv(",")).encode()
    table = read_table(data)
    assert (table.delimiter, table.header, table.rows[0][0]) == (",", HEADER, 2)


def test_quoted_values_may_contain_separators_and_line_breaks():
    data = 'Vorname;Nachname;Position\r\n"Anna";"Groß; Dr.";"Leitung\r\nVertrieb"\r\nBen;Bär;x\r\n'
    table = read_table(data.encode())
    assert table.rows == [
        (2, ["Anna", "Groß; Dr.", "Leitung\r\nVertrieb"]),
        (3, ["Ben", "Bär", "x"]),
    ]


def test_old_mac_line_ends_are_read():
    table = read_table(text_csv().replace("\r\n", "\r").encode())
    assert table.rows == [(2, ROW)]
