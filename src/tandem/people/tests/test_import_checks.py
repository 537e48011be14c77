"""Problems across rows and against existing people: each with row, column and a way to fix."""

from __future__ import annotations

import pytest

from tandem.people.importing.services import people_import
from tandem.people.models import Person
from tandem.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

HEADER = ("Personalnummer", "Vorname", "Nachname", "E-Mail", "Vorgesetzter")


def csv_file(*rows, header=HEADER) -> bytes:
    return ("\n".join(";".join(r) for r in [header, *rows]) + "\n").encode()


def run(data: bytes, **options):
    return people_import(data=data, filename="people.csv", actor=None, **options)


def problems(report) -> list[tuple[int | None, str, str]]:
    return [(e.row, e.column, e.message) for e in report.errors]


def test_duplicate_employee_id_is_rejected_on_every_row_with_it():
    report = run(
        csv_file(
            ("E1", "Anna", "Arndt", "anna@example.com", ""),
            ("E1", "Ben", "Brandt", "ben@example.com", ""),
        )
    )
    assert [(row, column) for row, column, _m in problems(report)] == [
        (2, "Personalnummer"),
        (3, "Personalnummer"),
    ]
    assert "employee id 'E1' also appears in row 3" in report.errors[0].message
    assert "remove the duplicate row or correct the employee id" in report.errors[0].message


def test_duplicate_email_differing_only_in_case_is_rejected():
    report = run(
        csv_file(
            ("E1", "Anna", "Arndt", "anna@example.com", ""),
            ("E2", "Anna", "Arndt", "Anna@Example.com", ""),
        )
    )
    assert problems(report)[1] == (
        3,
        "E-Mail",
        "same e-mail as row 2 (compared ignoring upper/lower case and Unicode form); each person "
        "may appear only once — remove the duplicate row or correct the e-mail",
    )
    assert Person.objects.count() == 0


def test_duplicate_email_in_another_unicode_form_is_rejected():
    composed, decomposed = "jana@bäckerei.example", "jana@ba\u0308ckerei.example"
    report = run(
        csv_file(("E1", "Jana", "Arndt", composed, ""), ("E2", "Jana", "Arndt", decomposed, ""))
    )
    assert [row for row, _c, _m in problems(report)] == [2, 3]
    assert "same e-mail as row 3" in report.errors[0].message


def test_invalid_email_is_reported_with_row_and_column():
    report = run(csv_file(("E1", "Anna", "Arndt", "anna(at)example.com", "")))
    assert problems(report) == [
        (
            2,
            "E-Mail",
            "'anna(at)example.com' is not a valid e-mail address; correct it "
            "(for example anna.schmidt@example.com)",
        )
    ]


def test_unknown_manager_is_rejected():
    report = run(csv_file(("E1", "Anna", "Arndt", "anna@example.com", "E404")))
    assert problems(report) == [
        (
            2,
            "Vorgesetzter",
            "unknown manager 'E404': nobody in this file or in Tandem has this employee id; add "
            "the manager to the file, or correct the employee id",
        )
    ]


def test_manager_may_be_in_the_database_or_given_by_email():
    boss = PersonFactory(employee_id="B1", email="boss@example.com")
    report = run(
        csv_file(
            ("E1", "Anna", "Arndt", "anna@example.com", "B1"),
            ("E2", "Ben", "Brandt", "ben@example.com", "ANNA@example.com"),
        )
    )
    assert report.errors == []
    assert Person.objects.get(employee_id="E1").manager == boss
    assert Person.objects.get(employee_id="E2").manager.employee_id == "E1"


def test_person_managing_themselves_is_rejected():
    report = run(csv_file(("E1", "Anna", "Arndt", "anna@example.com", "E1")))
    assert problems(report)[0][:2] == (2, "Vorgesetzter")
    assert "cannot be their own manager" in report.errors[0].message


def test_three_person_cycle_names_the_employee_ids_in_order():
    report = run(
        csv_file(
            ("E1", "Anna", "Arndt", "anna@example.com", "E2"),
            ("E2", "Ben", "Brandt", "ben@example.com", "E3"),
            ("E3", "Cem", "Çelik", "cem@example.com", "E1"),
            ("E4", "Dana", "Dietz", "dana@example.com", ""),
        )
    )
    assert [row for row, _c, _m in problems(report)] == [2, 3, 4]
    assert all(
        m.startswith("manager cycle: E1 → E2 → E3 → E1; change the manager of one of these")
        for _r, _c, m in problems(report)
    )
    assert Person.objects.count() == 0


def test_cycle_formed_together_with_an_existing_person_is_rejected():
    # In Tandem: P1 reports to P2. The file makes P2 report to P1 and leaves P1 out.
    p2 = PersonFactory(employee_id="P2", email="p2@example.com")
    PersonFactory(employee_id="P1", email="p1@example.com", manager=p2)
    report = run(csv_file(("P2", "Paula", "Zwei", "p2@example.com", "P1")))
    assert problems(report) == [
        (
            2,
            "Vorgesetzter",
            "manager cycle: P2 → P1 → P2; change the manager of one of these people so that the "
            "reporting line ends at someone without a manager",
        )
    ]
    p2.refresh_from_db()
    assert p2.manager is None


def test_a_cycle_that_the_file_resolves_is_not_an_error():
    # In Tandem A reports to B; the file turns it round. The final graph has no cycle.
    b = PersonFactory(employee_id="B", email="b@example.com")
    a = PersonFactory(employee_id="A", email="a@example.com", manager=b)
    report = run(
        csv_file(
            ("A", "A", "A", "a@example.com", ""),
            ("B", "B", "B", "b@example.com", "A"),
        )
    )
    assert report.errors == []
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.manager, b.manager) == (None, a)


def test_email_that_belongs_to_a_different_existing_person_is_rejected():
    PersonFactory(employee_id="E7", email="anna@example.com", first_name="Anna", last_name="Alt")
    report = run(csv_file(("E1", "Anna", "Neu", "ANNA@example.com", "")))
    assert problems(report) == [
        (
            2,
            "E-Mail",
            "the e-mail anna@example.com already belongs to Anna Alt (E7), a person with a "
            "different employee id; correct the e-mail, or the employee id if it is the same "
            "person",
        )
    ]


def test_row_matching_one_person_by_id_and_another_by_email_is_rejected():
    PersonFactory(employee_id="E1", email="first@example.com", first_name="Eva", last_name="Eins")
    PersonFactory(employee_id="E2", email="second@example.com", first_name="Zoe", last_name="Zwei")
    report = run(csv_file(("E1", "Eva", "Eins", "second@example.com", "")))
    assert len(report.errors) == 1
    assert report.errors[0].message.startswith(
        "the employee id belongs to Eva Eins (E1) but the e-mail belongs to Zoe Zwei (E2)"
    )


def test_two_rows_for_the_same_existing_person_are_rejected():
    PersonFactory(employee_id=None, email="anna@example.com", first_name="Anna", last_name="A")
    report = run(
        csv_file(
            ("", "Anna", "A", "anna@example.com", ""),
            ("", "Anna", "A", "anna@example.com ", ""),
        )
    )
    assert [row for row, _c, _m in problems(report)] == [2, 3]
    by_id = run(
        csv_file(
            ("E5", "Anna", "A", "anna@example.com", ""), ("E5", "Anna", "A", "x@example.com", "")
        )
    )
    assert "employee id 'E5' also appears in row 3" in by_id.errors[0].message


def test_manager_columns_that_name_different_people_are_rejected():
    header = ("Personalnummer", "Vorname", "Nachname", "E-Mail", "Manager-ID", "Manager E-Mail")
    report = run(
        csv_file(
            ("E1", "Anna", "A", "anna@example.com", "", ""),
            ("E2", "Ben", "B", "ben@example.com", "", ""),
            ("E3", "Cem", "C", "cem@example.com", "E1", "ben@example.com"),
            ("E4", "Dana", "D", "dana@example.com", "E1", "anna@example.com"),
            header=header,
        )
    )
    assert [row for row, _c, _m in problems(report)] == [4]
    assert "name different people" in report.errors[0].message


def test_nothing_is_written_when_any_row_has_errors_but_counts_are_reported():
    existing = PersonFactory(employee_id="E9", email="old@example.com", first_name="Alt")
    report = run(
        csv_file(
            ("E1", "Anna", "Arndt", "anna@example.com", ""),
            ("E9", "Neu", "Name", "old@example.com", ""),
            ("E3", "Cem", "Çelik", "not-an-email", ""),
        )
    )
    assert report.written is False
    assert (report.created, report.updated, report.rejected_count) == (1, 1, 1)
    assert Person.objects.count() == 1
    existing.refresh_from_db()
    assert existing.first_name == "Alt"


def test_errors_come_in_row_order_and_name_the_column_as_the_file_spells_it():
    header = ("Employee ID", "First name", "Last name", "Email", "Hire date")
    report = run(
        csv_file(
            ("1", "Anna", "A", "anna@example.com", "31.02.2020"),
            ("2", "", "B", "b@example", "2020-01-01"),
            header=header,
        )
    )
    assert [(row, column) for row, column, _m in problems(report)] == [
        (2, "Hire date"),
        (3, "First name"),
        (3, "Email"),
    ]
    assert report.errors[0].message == (
        "cannot read '31.02.2020' as a date; use DD.MM.YYYY or YYYY-MM-DD"
    )


def test_missing_required_column_blocks_the_whole_file():
    report = run(csv_file(("E1", "Anna"), header=("Personalnummer", "Vorname")))
    assert [(e.row, e.column) for e in report.errors] == [(1, "last name"), (1, "e-mail")]
    assert "Nachname, Familienname, Last name, Surname" in report.errors[0].message
    assert report.written is False


def test_skipping_a_row_with_errors_can_close_a_cycle_and_then_that_is_rejected_too():
    # In Tandem: R reports to X, D reports to R. The file gives X the manager D and fixes R,
    # but R's row has an error. Skipped, R keeps reporting to X: X → D → R → X.
    x = PersonFactory(employee_id="X", email="x@example.com")
    r = PersonFactory(employee_id="R", email="r@example.com", manager=x)
    PersonFactory(employee_id="D", email="d@example.com", manager=r)
    header = (*HEADER, "Eintrittsdatum")
    data = csv_file(
        ("X", "Xaver", "X", "x@example.com", "D", ""),
        ("R", "Rita", "R", "r@example.com", "", "31.02.2020"),
        header=header,
    )
    # Row 2 alone is fine, but not once row 3 is skipped; said the same way with or without
    # importing the valid rows, so that the preview counts the rows that would be skipped.
    assert [e.row for e in run(data).errors] == [2, 3]
    report = run(data, import_valid_rows=True)
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "Vorgesetzter"),
        (3, "Eintrittsdatum"),
    ]
    assert report.errors[0].message.startswith(
        "manager cycle: X → D → R → X — it forms because row 3 has errors and is skipped"
    )
    assert report.created == report.updated == 0
    x.refresh_from_db()
    assert x.manager is None


def test_an_old_cycle_among_people_outside_the_file_is_only_a_warning():
    a = PersonFactory(employee_id="A", email="a@example.com")
    b = PersonFactory(employee_id="B", email="b@example.com", manager=a)
    Person.objects.filter(pk=a.pk).update(manager=b)  # corrupt data from elsewhere
    report = run(csv_file(("E1", "Anna", "Arndt", "anna@example.com", "")))
    assert report.errors == []
    assert any("already contain a manager cycle (A → B → A)" in w for w in report.warnings)


def test_one_row_by_employee_id_and_another_by_email_for_the_same_person_are_rejected():
    PersonFactory(employee_id="E1", email="anna@example.com", first_name="Anna", last_name="A")
    report = run(
        csv_file(
            ("E1", "Anna", "A", "anna.neu@example.com", ""),
            ("", "Anna", "A", "anna@example.com", ""),
        )
    )
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "Personalnummer"),
        (3, "Personalnummer"),
    ]
    assert report.errors[1].message == (
        "this row and row 2 both refer to Anna A (E1) (one by employee id, one by e-mail); "
        "keep one row for this person"
    )
