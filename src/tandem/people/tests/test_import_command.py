"""`tandem import-people`: text and JSON output, exit codes, --dry-run, --import-valid."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tandem.people.models import Person

pytestmark = pytest.mark.django_db

GOOD = "Personalnummer;Vorname;Nachname;E-Mail\nE1;Anna;Arndt;anna@example.com\n"
WITH_ERROR = GOOD + "E2;Ben;Brandt;ben(at)example.com\nE3;Cem;=1+1;cem@example.com\n"


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "people.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write


def read_csv(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


def run(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_people", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        assert isinstance(exc.code, int)  # the command exits with a status number
        code = exc.code
    return out.getvalue(), err.getvalue(), code


def test_text_output_lists_the_counts_and_exits_zero(write):
    out, _err, code = run(write(GOOD))
    assert code == 0
    assert "created: 1, updated: 0, unchanged: 0, deactivated: 0" in out
    assert "Import done." in out
    assert Person.objects.filter(employee_id="E1").exists()


def test_errors_are_printed_per_row_and_column_and_exit_one(write):
    out, _err, code = run(write(WITH_ERROR))
    assert code == 1
    assert "row 3, column E-Mail: 'ben(at)example.com' is not a valid e-mail address" in out
    assert "Nothing was written" in out
    assert Person.objects.count() == 0


def test_json_output_has_exactly_the_documented_shape(write):
    out, _err, code = run(write(WITH_ERROR), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert set(data) == {
        "created",
        "updated",
        "unchanged",
        "deactivated",
        "errors",
        "error_count",
        "warnings",
        "written",
        "dry_run",
    }
    assert (data["created"], data["written"], data["dry_run"]) == (2, False, False)
    assert data["errors"][0] == {
        "row": 3,
        "column": "E-Mail",
        "message": "'ben(at)example.com' is not a valid e-mail address; correct it "
        "(for example anna.schmidt@example.com)",
    }


def test_dry_run_writes_nothing_and_says_so(write):
    out, _err, code = run(write(GOOD), "--dry-run", "--format", "json")
    assert code == 0
    assert json.loads(out)["dry_run"] is True
    assert Person.objects.count() == 0


def test_import_valid_writes_the_valid_rows_but_still_exits_one(write, tmp_path):
    rejected = tmp_path / "rejected.csv"
    out, err, code = run(write(WITH_ERROR), "--import-valid", "--rejected-out", str(rejected))
    assert code == 1
    assert "created: 2" in out
    assert "1 row with errors was skipped." in out
    assert str(rejected) in err
    assert set(Person.objects.values_list("employee_id", flat=True)) == {"E1", "E3"}
    header, row = read_csv(rejected)
    assert header == ["Personalnummer", "Vorname", "Nachname", "E-Mail", "Error"]
    assert row[:4] == ["E2", "Ben", "Brandt", "ben(at)example.com"]
    assert row[4].startswith("E-Mail: 'ben(at)example.com' is not a valid e-mail address")


def test_formula_cells_in_the_rejected_file_are_neutralised(write, tmp_path):
    rejected = tmp_path / "rejected.csv"
    text = 'Vorname;Nachname;E-Mail\n=HYPERLINK("http://evil.example");+4989;broken\n'
    run(write(text), "--rejected-out", str(rejected))
    _header, row = read_csv(rejected)
    assert row[:3] == ['\'=HYPERLINK("http://evil.example")', "'+4989", "broken"]


def test_windows_1252_file_with_umlauts(write):
    text = "Vorname;Nachname;E-Mail;Standort\nJürgen;Groß;j@example.com;Köln\n"
    _out, _err, code = run(write(text, encoding="cp1252"))
    assert code == 0
    person = Person.objects.get()
    assert (person.first_name, person.last_name, person.location.name) == ("Jürgen", "Groß", "Köln")


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="does not exist; check the path"):
        call_command("import_people", "/nonexistent/people.csv")


def test_an_unreadable_file_is_one_error_and_exit_one(write):
    out, _err, code = run(write("", name="empty.csv"))
    assert code == 1
    assert "file: the file is empty" in out


def test_full_deactivates_missing_employees(write):
    from tandem.people.tests.factories import PersonFactory

    gone = PersonFactory()
    _out, _err, code = run(write(GOOD), "--full")
    gone.refresh_from_db()
    assert code == 0
    assert gone.is_active is False


def test_the_tandem_cli_accepts_the_hyphenated_name(write, capsys):
    from tandem.cli import main

    main(["tandem", "import-people", write(GOOD), "--dry-run", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["created"] == 1
