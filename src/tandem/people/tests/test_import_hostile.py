"""Hostile files: reports, time and memory grow linearly with the file; zip bombs are refused."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.people.importing import reading
from tandem.people.importing.reading import UnreadableFile, read_table
from tandem.people.importing.services import people_import
from tandem.people.models import Person

ERRORS_SHOWN = 1000
HEADER = "Personalnummer;Vorname;Nachname;E-Mail;Vorgesetzter"


def people_csv(rows: list[str]) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def cycle(count: int) -> bytes:
    return people_csv(
        [f"C{i};Anna;Arndt;c{i}@example.com;C{(i + 1) % count}" for i in range(count)]
    )


def run(data: bytes, **options):
    return people_import(data=data, filename="people.csv", actor=None, **options)


@pytest.mark.django_db
def test_a_long_manager_cycle_is_described_once_with_its_length_and_first_people():
    report = run(cycle(300))
    assert len(report.errors) == 300  # every row in the cycle is rejected …
    first = report.errors[0]
    assert (first.row, first.column) == (2, "Vorgesetzter")
    assert first.message.startswith(
        "manager cycle: C0 → C1 → C2 → C3 → C4 → … (300 people in all) → C0; change the manager"
    )
    # … but the cycle is described once; the other rows point to it.
    assert report.errors[1].message == (
        "this person is part of the manager cycle described in row 2 (300 people); fix it there"
    )
    # Nothing grows with the square of the cycle: not the messages, not the rejected rows.
    assert max(len(e.message) for e in report.errors) < 300
    assert len(report.rejected_file()) < 300 * 200


@pytest.mark.django_db
def test_one_employee_id_on_many_rows_names_the_first_rows_and_counts_the_rest():
    rows = [f"E1;Anna;Arndt;a{i}@example.com;" for i in range(100)]
    report = run(people_csv(rows))
    assert len(report.errors) == 100
    assert report.errors[0].message.startswith(
        "employee id 'E1' also appears in rows 3, 4, 5, 6, 7 and 94 more rows; each person"
    )
    assert max(len(e.message) for e in report.errors) < 300


@pytest.mark.django_db
def test_the_report_names_at_most_the_first_thousand_problems_and_gives_the_total():
    rows = [f"E{i};Anna;Arndt;not-an-email-{i};" for i in range(ERRORS_SHOWN + 200)]
    report = run(people_csv(rows))
    data = report.as_json()
    assert len(data["errors"]) == ERRORS_SHOWN
    assert data["error_count"] == ERRORS_SHOWN + 200


@pytest.mark.django_db
def test_the_command_prints_the_first_thousand_problems_and_says_how_many_there_are(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(people_csv([f"E{i};Anna;Arndt;bad-{i};" for i in range(1500)]))
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_people", str(path), stdout=out)
    text = out.getvalue()
    assert text.count("is not a valid e-mail address") == 1000
    assert "Showing the first 1,000 of 1,500 problems" in text
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_people", str(path), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert (len(data["errors"]), data["error_count"]) == (1000, 1500)


@pytest.mark.django_db
def test_a_deep_chain_of_new_people_is_written_with_a_fixed_number_of_statements():
    depth = 400
    rows = [f"C{i};Anna;Arndt;c{i}@example.com;{f'C{i - 1}' if i else ''}" for i in range(depth)]
    with CaptureQueriesContext(connection) as queries:
        report = run(people_csv(list(reversed(rows))))
    assert report.errors == [] and report.created == depth
    assert len(queries) < 25  # before: one INSERT per level of the chain
    managers = dict(Person.objects.values_list("employee_id", "manager__employee_id"))
    assert managers["C0"] is None
    assert all(managers[f"C{i}"] == f"C{i - 1}" for i in range(1, depth))


def bomb(unpacked_mb: int = 20) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for _ in range(unpacked_mb):
                sheet.write(b" " * 2**20)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the workbook must not be opened")

    monkeypatch.setattr("openpyxl.load_workbook", never)
    with pytest.raises(UnreadableFile) as refused:
        read_table(bomb(), "people.xlsx")
    assert "the Excel file is compressed" in refused.value.message
    assert "not a normal export of people" in refused.value.message


def test_an_archive_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "XLSX_MAX_UNPACKED", 10 * 2**20)
    monkeypatch.setattr(reading, "XLSX_MAX_RATIO", 10**9)
    with pytest.raises(UnreadableFile) as refused:
        reading.check_archive(bomb(12))
    assert refused.value.message.startswith("the Excel file would unpack to 12 MB, more than")


def test_a_normal_workbook_passes_the_archive_check():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Vorname", "Nachname", "E-Mail"])
    for i in range(2000):
        workbook.active.append(["Anna", "Arndt", f"a{i}@example.com"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "people.xlsx")
    assert len(table.rows) == 2000


@pytest.mark.django_db
def test_the_preview_of_a_large_cycle_stores_a_capped_report_and_a_linear_rejected_file(
    coordinator,
):
    from tandem.people.importing.records import person_import_preview

    record = person_import_preview(data=cycle(1500), filename="hr.csv", actor=coordinator)
    assert len(record.report["errors"]) == ERRORS_SHOWN
    assert record.report["error_count"] == 1500
    # Before, every row carried the whole cycle: 1,500 × 1,500 ids, about 13 MB.
    assert len(bytes(record.rejected)) < 1500 * 150
