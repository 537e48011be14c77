"""What an import writes: create, update by id or e-mail, unchanged, full, atomicity, audit."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.core.models import AuditEvent
from tandem.people.importing import apply as apply_module
from tandem.people.importing import services as services_module
from tandem.people.importing.example import EXAMPLE_HEADER
from tandem.people.importing.services import people_import
from tandem.people.models import CareerLevel, Location, OrgUnit, Person
from tandem.people.tests.factories import LocationFactory, OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.django_db

FULL_HEADER = EXAMPLE_HEADER  # the same German headings as the downloadable example
BOSS = ("1001", "Petra", "Schäfer", "petra@example.com", "Leitung", "Vertrieb", "München")
BOSS_ROW = (*BOSS, "Deutsch, Englisch", "", "01.04.2009", "6", "1971", "Mitarbeiterin", "ja")
REPORT_ROW = (
    "1002",
    "Jonas",
    "Yılmaz",
    "jonas@example.com",
    "Werkstudent",
    "Vertrieb > Marketing",
    "münchen",
    "de/tr",
    "1001",
    "2023-10-01",
    "1",
    "2001",
    "",
    "",
)


def csv_file(*rows, header=FULL_HEADER) -> bytes:
    return ("\n".join(";".join(r) for r in [header, *rows]) + "\n").encode()


def run(data: bytes, **options):
    return people_import(data=data, filename="people.csv", actor=None, **options)


def test_new_people_are_created_with_every_field():
    CareerLevel.objects.create(rank=6, name="Senior")
    boss_by_level_name = (*BOSS_ROW[:10], "senior", *BOSS_ROW[11:])
    # The report comes first: the manager is created before them all the same.
    report = run(csv_file(REPORT_ROW, boss_by_level_name))
    assert (report.created, report.updated, report.unchanged, report.errors) == (2, 0, 0, [])
    assert report.written is True
    boss = Person.objects.get(employee_id="1001")
    jonas = Person.objects.get(employee_id="1002")
    assert (boss.career_level, boss.birth_year, boss.hire_date) == (6, 1971, date(2009, 4, 1))
    assert boss.languages == ["de", "en"]
    assert jonas.manager == boss
    assert jonas.email_key == "jonas@example.com"
    assert (jonas.org_unit.name, jonas.org_unit.parent) == ("Marketing", boss.org_unit)
    assert boss.org_unit.parent is None
    assert jonas.location == boss.location
    assert Location.objects.count() == 1  # "münchen" and "München" are the same site
    assert (jonas.kind, jonas.is_active, jonas.job_title) == ("employee", True, "Werkstudent")


def test_reimport_of_the_same_file_counts_everyone_as_unchanged():
    run(csv_file(BOSS_ROW, REPORT_ROW))
    report = run(csv_file(BOSS_ROW, REPORT_ROW))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_existing_person_is_updated_by_employee_id_even_with_a_new_email():
    person = PersonFactory(employee_id="1001", email="old@example.com", first_name="Petra")
    report = run(csv_file(BOSS_ROW))
    assert (report.created, report.updated) == (0, 1)
    person.refresh_from_db()
    assert (person.email, person.email_key, person.last_name) == (
        "petra@example.com",
        "petra@example.com",
        "Schäfer",
    )


def test_existing_person_is_matched_by_email_and_gets_the_employee_id():
    person = PersonFactory(employee_id=None, email="Petra@Example.com")
    report = run(csv_file(BOSS_ROW))
    assert (report.created, report.updated) == (0, 1)
    person.refresh_from_db()
    assert person.employee_id == "1001"
    assert person.email == "petra@example.com"


def test_absent_columns_leave_fields_as_they_are():
    unit = OrgUnitFactory(name="Einkauf")
    person = PersonFactory(
        employee_id="1001", email="petra@example.com", org_unit=unit, career_level=4,
        languages=["fr"], job_title="Einkäuferin",
    )  # fmt: skip
    header = ("Personalnummer", "Vorname", "Nachname", "E-Mail")
    report = run(csv_file(("1001", "Petra", "Schäfer", "petra@example.com"), header=header))
    assert report.updated == 1
    person.refresh_from_db()
    assert (person.org_unit, person.career_level, person.languages, person.job_title) == (
        unit,
        4,
        ["fr"],
        "Einkäuferin",
    )


def test_an_empty_cell_in_a_present_column_clears_the_field():
    boss = PersonFactory(employee_id="B1")
    person = PersonFactory(
        employee_id="1001", email="petra@example.com", manager=boss, career_level=4,
        languages=["fr"], job_title="Einkäuferin", hire_date=date(2000, 1, 1),
        location=LocationFactory(name="Köln"), org_unit=OrgUnitFactory(),
    )  # fmt: skip
    row = ("1001", "Petra", "Schäfer", "petra@example.com", "", "", "", "", "", "", "", "", "", "")
    report = run(csv_file(row))
    assert report.updated == 1
    person.refresh_from_db()
    assert person.manager is None and person.location is None and person.org_unit is None
    assert (person.career_level, person.languages, person.job_title, person.hire_date) == (
        None,
        [],
        "",
        None,
    )
    assert person.kind == "employee"  # an empty kind keeps the kind


def test_plain_org_unit_name_reuses_the_one_unit_with_that_name_anywhere():
    parent = OrgUnitFactory(name="Vertrieb")
    marketing = OrgUnitFactory(name="Marketing", parent=parent)
    header = ("Vorname", "Nachname", "E-Mail", "Abteilung")
    run(csv_file(("Anna", "A", "anna@example.com", "Marketing"), header=header))
    assert Person.objects.get().org_unit == marketing
    # Two units called "Team 1": a plain name then means the top-level one.
    OrgUnitFactory(name="Team 1", parent=parent)
    OrgUnitFactory(name="Team 1", parent=marketing)
    run(csv_file(("Ben", "B", "ben@example.com", "Team 1"), header=header))
    assert Person.objects.get(email="ben@example.com").org_unit.parent is None


def test_full_import_deactivates_missing_employees_but_not_alumni_or_externals():
    missing = PersonFactory(kind=Person.Kind.EMPLOYEE)
    alumnus = PersonFactory(kind=Person.Kind.ALUMNUS)
    external = PersonFactory(kind=Person.Kind.EXTERNAL)
    returning = PersonFactory(employee_id="1001", email="petra@example.com", is_active=False)
    dry = run(csv_file(BOSS_ROW), full=True, dry_run=True)
    assert (dry.deactivated, dry.updated, dry.written) == (1, 1, False)
    assert any("deactivates" in w for w in dry.warnings)
    report = run(csv_file(BOSS_ROW), full=True)
    assert (report.deactivated, report.updated) == (1, 1)
    states = {p.pk: p.is_active for p in Person.objects.all()}
    assert states == {missing.pk: False, alumnus.pk: True, external.pk: True, returning.pk: True}
    assert Person.objects.count() == 4  # deactivated, never deleted


def test_without_full_nobody_missing_is_deactivated():
    missing = PersonFactory()
    report = run(csv_file(BOSS_ROW))
    assert report.deactivated == 0
    missing.refresh_from_db()
    assert missing.is_active


def test_active_column_can_deactivate_someone_in_the_file():
    person = PersonFactory(employee_id="1001", email="petra@example.com")
    row = (*BOSS_ROW[:-1], "nein")
    run(csv_file(row))
    person.refresh_from_db()
    assert person.is_active is False


def test_full_import_with_valid_rows_keeps_people_named_in_rejected_rows():
    person = PersonFactory(employee_id="1001", email="petra@example.com")
    bad = (*BOSS_ROW[:9], "31.02.2020", *BOSS_ROW[10:])
    report = run(csv_file(bad, REPORT_ROW), full=True, import_valid_rows=True)
    person.refresh_from_db()
    assert person.is_active
    assert report.deactivated == 0


def test_importing_valid_rows_skips_errors_and_rows_that_depend_on_them():
    bad_boss = (*BOSS_ROW[:3], "petra(at)example.com", *BOSS_ROW[4:])
    other = ("1003", "Lea", "Lang", "lea@example.com", "", "", "", "", "", "", "", "", "", "")
    blocked = run(csv_file(bad_boss, REPORT_ROW, other))
    assert blocked.written is False
    assert [e.row for e in blocked.errors] == [2, 3]
    assert blocked.errors[1].message == (
        "the manager (row 2) has errors and is skipped, so this row is skipped too; fix row 2"
    )
    report = run(csv_file(bad_boss, REPORT_ROW, other), import_valid_rows=True)
    assert report.written is True
    assert (report.created, report.rejected_count) == (1, 2)
    assert list(Person.objects.values_list("employee_id", flat=True)) == ["1003"]


def test_rejected_rows_file_has_the_messages_and_neutralised_formulas():
    evil = ("1009", '=HYPERLINK("http://x.example")', "+49 89 1234", "bad", *[""] * 10)
    report = run(csv_file(BOSS_ROW, evil), import_valid_rows=True)
    content = report.rejected_file().decode("utf-8-sig")
    lines = content.splitlines()
    assert lines[0].endswith(";Error")
    assert lines[0].startswith("Personalnummer;Vorname;Nachname;E-Mail")
    assert len(lines) == 2
    assert "'=HYPERLINK" in lines[1]
    assert ";'+49 89 1234;" in lines[1]
    assert "E-Mail: 'bad' is not a valid e-mail address" in lines[1]


def test_rows_with_errors_can_be_fixed_and_imported_again():
    bad = (*BOSS_ROW[:9], "31.02.2020", *BOSS_ROW[10:])
    report = run(csv_file(bad), import_valid_rows=True)
    fixed = report.rejected_file().decode("utf-8-sig").replace("31.02.2020", "28.02.2020")
    again = run(fixed.encode("utf-8"))
    assert again.errors == []
    assert again.created == 1
    assert any("'Error'" in w for w in again.warnings)  # the message column is ignored


@pytest.mark.parametrize("step", ["update", "audit"])
def test_a_crash_mid_way_leaves_the_database_unchanged(step, monkeypatch):
    person = PersonFactory(employee_id="1001", email="petra@example.com", first_name="Alt")
    units, locations, audits = OrgUnit.objects.count(), Location.objects.count(), 0

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    if step == "audit":
        monkeypatch.setattr(services_module, "audit_record", boom)
    else:
        # Fails after the new people and org units have been inserted.
        monkeypatch.setattr(apply_module, "bulk_update_fast", boom)
    with pytest.raises(RuntimeError):
        run(csv_file(BOSS_ROW, REPORT_ROW))
    person.refresh_from_db()
    assert person.first_name == "Alt"
    assert Person.objects.count() == 1  # the created report is rolled back too
    assert (OrgUnit.objects.count(), Location.objects.count()) == (units, locations)
    assert AuditEvent.objects.count() == audits


def test_the_import_writes_one_audit_row_with_the_counts(coordinator):
    people_import(data=csv_file(BOSS_ROW, REPORT_ROW), filename="hr.csv", actor=coordinator)
    event = AuditEvent.objects.get(action="people.import")
    assert event.actor == coordinator
    assert event.data["created"] == 2
    assert event.data["filename"] == "hr.csv"


def test_dry_run_counts_but_writes_nothing():
    report = run(csv_file(BOSS_ROW, REPORT_ROW), dry_run=True)
    assert (report.created, report.written, report.dry_run) == (2, False, True)
    assert Person.objects.count() == OrgUnit.objects.count() == 0
    assert not AuditEvent.objects.exists()


def make_rows(count: int, offset: int = 0) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for n in range(offset, offset + count):
        manager = "" if n == offset else str(offset)
        unit = f"Bereich {n % 3} > Team {n % 5}"
        rows.append(
            (str(n), "Vor", f"Name{n}", f"p{n}@example.com", "", unit, f"Site {n % 4}", "de",
             manager, "01.01.2020", "2", "1990", "", "")
        )  # fmt: skip
    return rows


def test_there_are_no_queries_per_row():
    with CaptureQueriesContext(connection) as small:
        run(csv_file(*make_rows(5)))
    with CaptureQueriesContext(connection) as large:
        run(csv_file(*make_rows(300, offset=1000)))

    def not_inserts(queries):
        return [q for q in queries if not q["sql"].startswith("INSERT")]

    def reads(queries):
        return [q for q in queries if not q["sql"].startswith(("INSERT", "UPDATE"))]

    # The same reads (people, units, sites, career levels) for 5 rows as for 300 …
    assert len(not_inserts(large)) == len(not_inserts(small)) <= 8
    # … and inserts in batches (SQLite takes at most 999 parameters per statement).
    assert len(large) < 20
    with CaptureQueriesContext(connection) as again:
        report = run(csv_file(*make_rows(300, offset=1000)))
    assert report.unchanged == 300
    assert len(again) == len(reads(small)) + 1  # the reads and the audit row


def test_xlsx_export_with_numeric_ids_and_date_cells_imports():
    import io
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Employee number", "First name", "Surname", "Email", "Manager", "Start date"])
    sheet.append([1001, "Petra", "Schäfer", "petra@example.com", None, datetime(2009, 4, 1)])
    sheet.append([1002.0, "Jonas", "Yılmaz", "jonas@example.com", 1001.0, datetime(2023, 10, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = people_import(data=buffer.getvalue(), filename="export.xlsx", actor=None)
    assert (report.created, report.errors) == (2, [])
    jonas = Person.objects.get(employee_id="1002")
    assert (jonas.manager.employee_id, jonas.hire_date) == ("1001", date(2023, 10, 1))


def test_every_kind_of_field_is_updated_for_few_and_for_many_people():
    boss = PersonFactory(employee_id="B1", email="boss@example.com")
    old_unit, old_site = OrgUnitFactory(name="Alt"), LocationFactory(name="Altstadt")
    people = [
        PersonFactory(
            employee_id=f"P{n}", email=f"p{n}@example.com", org_unit=old_unit, location=old_site,
            career_level=1, birth_year=1980, hire_date=date(2001, 1, 1), languages=["fr"],
        )
        for n in range(7)
    ]  # fmt: skip
    rows = [
        # Two people with values of their own (each changed field on its own) …
        ("P0", "Zoë", "Groß", "zoe@example.org", "Chefin", "Neu > Team A", "Köln",
         "de, en", "B1", "02.03.2020", "4", "1990", "Alumna", "nein"),
        ("P1", "Ömer", "Öztürk", "oemer@example.org", "Azubi", "Neu", "Berlin",
         "tr", "P0", "2021-04-05", "2", "2001", "Extern", "ja"),
        # … and five who share every new value (one UPDATE per value).
        *[(f"P{n}", "Lea", "Lang", f"lea{n}@example.org", "Team", "Neu > Team B", "Bonn",
           "de", "B1", "01.01.2022", "3", "1995", "", "") for n in range(2, 7)],
    ]  # fmt: skip
    report = run(csv_file(*rows))
    assert (report.updated, report.errors) == (7, [])
    zoe, oemer, lea = (Person.objects.get(pk=people[n].pk) for n in (0, 1, 2))
    assert (zoe.first_name, zoe.email, zoe.email_key) == (
        "Zoë",
        "zoe@example.org",
        "zoe@example.org",
    )
    assert (zoe.job_title, zoe.org_unit.name, zoe.org_unit.parent.name) == (
        "Chefin",
        "Team A",
        "Neu",
    )
    assert (zoe.location.name, zoe.languages, zoe.manager) == ("Köln", ["de", "en"], boss)
    assert (zoe.hire_date, zoe.career_level, zoe.birth_year) == (date(2020, 3, 2), 4, 1990)
    assert (zoe.kind, zoe.is_active) == ("alumnus", False)
    assert (oemer.manager, oemer.org_unit.parent, oemer.kind) == (zoe, None, "external")
    assert zoe.updated_at > zoe.created_at
    assert (lea.last_name, lea.email_key, lea.location.name) == ("Lang", "lea2@example.org", "Bonn")
    assert (lea.org_unit.name, lea.manager, lea.languages) == ("Team B", boss, ["de"])
    assert (lea.hire_date, lea.career_level, lea.birth_year) == (date(2022, 1, 1), 3, 1995)
    assert (lea.kind, lea.is_active) == ("employee", True)
    again = run(csv_file(*rows))
    assert again.unchanged == 7
