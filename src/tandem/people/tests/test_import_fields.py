"""Column names (German and English aliases) and the per-field parsers (pure)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tandem.people.importing.columns import ALIAS_INDEX, ALIASES, header_key, map_columns
from tandem.people.importing.parsing import (
    FieldError,
    parse_active,
    parse_birth_year,
    parse_career_level,
    parse_date,
    parse_email,
    parse_kind,
    parse_languages,
    parse_manager_ref,
    parse_org_unit,
)

TODAY = date(2025, 6, 1)
DOCS = Path(__file__).resolve().parents[4] / "docs" / "import-format.md"


def test_every_alias_maps_to_exactly_one_field():
    for name, aliases in ALIASES.items():
        for alias in aliases:
            assert ALIAS_INDEX[header_key(alias)] == name


def test_the_documentation_lists_every_alias():
    text = DOCS.read_text(encoding="utf-8")
    for name, aliases in ALIASES.items():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{name}`"))
        for alias in aliases:
            assert f"`{alias}`" in row, (name, alias)


@pytest.mark.parametrize(
    "header",
    [
        ["Personalnummer", "Vorname", "Nachname", "E-Mail", "Abteilung", "Vorgesetzter"],
        ["Employee ID", "First name", "Last name", "Email", "Department", "Manager"],
        ["employee_id", "FIRST_NAME", "last-name", "e.mail", "org unit", "MANAGER"],
        [
            " Mitarbeiter-ID ",
            "Vorname",
            "Familienname",
            "E-Mail-Adresse",
            "Bereich",
            "Führungskraft",
        ],
    ],
)
def test_german_and_english_headings_match_ignoring_case_spaces_and_punctuation(header):
    columns, errors = map_columns(header)
    assert errors == []
    assert list(columns.index) == [
        "employee_id",
        "first_name",
        "last_name",
        "email",
        "org_unit",
        "manager",
    ]
    assert columns.unknown == []


def test_unknown_columns_are_kept_as_warnings():
    columns, errors = map_columns(["Vorname", "Nachname", "E-Mail", "Kostenstelle", ""])
    assert errors == []
    assert columns.unknown == ["Kostenstelle", "(column 5 without heading)"]


def test_a_missing_required_column_names_the_accepted_headings():
    _columns, errors = map_columns(["Vorname", "Nachname", "Telefon"])
    assert len(errors) == 1
    assert "no column for the e-mail" in errors[0].message
    assert "E-Mail, Email, E-Mail-Adresse, Mail" in errors[0].message


def test_two_columns_for_the_same_field_are_an_error():
    _columns, errors = map_columns(["Vorname", "Nachname", "E-Mail", "Mail"])
    assert len(errors) == 1
    assert errors[0].column == "Mail"
    assert "'E-Mail' and 'Mail' both mean the e-mail" in errors[0].message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-02-01", date(2020, 2, 1)),
        ("01.02.2020", date(2020, 2, 1)),
        ("1.2.2020", date(2020, 2, 1)),
        ("01.02.20", date(2020, 2, 1)),
        ("01.02.99", date(1999, 2, 1)),
        (datetime(2020, 2, 1, 0, 0), date(2020, 2, 1)),
        (date(2020, 2, 1), date(2020, 2, 1)),
        ("", None),
    ],
)
def test_dates_in_iso_german_and_xlsx_form(value, expected):
    assert parse_date(value, today=TODAY) == expected


@pytest.mark.parametrize(
    "value", ["31.02.2020", "2020-13-01", "02/01/2020", "Feb 1, 2020", "43831"]
)
def test_an_unreadable_or_impossible_date_says_which_formats_work(value):
    with pytest.raises(FieldError) as exc:
        parse_date(value, today=TODAY)
    assert exc.value.message == (f"cannot read '{value}' as a date; use DD.MM.YYYY or YYYY-MM-DD")


def test_career_level_is_a_positive_number_or_the_name_of_a_level():
    assert parse_career_level("4") == 4
    assert parse_career_level(" Vorstand ") == "Vorstand"
    assert parse_career_level("") is None
    for bad in ("0", "-1", "2.5"):
        with pytest.raises(FieldError, match="whole number from 1"):
            parse_career_level(bad)


def test_birth_year_is_four_digits_between_1900_and_this_year():
    assert parse_birth_year("1971", today=TODAY) == 1971
    for bad in ("1899", "2026", "71", "neunzehnhundert"):
        with pytest.raises(FieldError, match="between 1900 and 2025"):
            parse_birth_year(bad, today=TODAY)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Deutsch, Englisch", ["de", "en"]),
        ("de; en / fr | it", ["de", "en", "fr", "it"]),
        ("German,English,French", ["de", "en", "fr"]),
        ("Türkisch, Polnisch, Niederländisch, Portugiesisch", ["tr", "pl", "nl", "pt"]),
        ("Russisch/Arabisch/Chinesisch/Japanisch", ["ru", "ar", "zh", "ja"]),
        (
            "Ukrainisch, Kroatisch, Spanisch, Italienisch, Französisch",
            ["uk", "hr", "es", "it", "fr"],
        ),
        ("DE, de-AT, Deutsch", ["de"]),
        ("", []),
    ],
)
def test_languages_accept_iso_codes_and_english_and_german_names(value, expected):
    assert parse_languages(value) == expected


def test_an_unknown_language_is_named():
    with pytest.raises(FieldError, match="unknown language 'Klingonisch'"):
        parse_languages("Deutsch, Klingonisch")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mitarbeiter", "employee"),
        ("Mitarbeiter(in)", "employee"),
        ("employee", "employee"),
        ("Alumni", "alumnus"),
        ("Alumna", "alumnus"),
        ("Extern", "external"),
        ("external", "external"),
        ("", None),
    ],
)
def test_kinds_in_german_and_english(value, expected):
    assert parse_kind(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[("ja", True), ("Yes", True), ("1", True), ("true", True), ("aktiv", True)],
        *[("nein", False), ("no", False), ("0", False), ("FALSE", False), ("inaktiv", False)],
        ("", None),
    ],
)
def test_active_in_german_and_english(value, expected):
    assert parse_active(value) is expected


def test_unknown_kind_and_active_values_say_what_works():
    with pytest.raises(FieldError, match="Mitarbeiter"):
        parse_kind("Praktikant")
    with pytest.raises(FieldError, match="ja/nein"):
        parse_active("vielleicht")


def test_emails_are_normalised_and_invalid_ones_rejected():
    assert parse_email("  Anna.Baer@Bäckerei.Example.COM ") == "Anna.Baer@bäckerei.example.com"
    # Django's EmailValidator, like the model's EmailField: no umlauts before the @.
    for bad in ("anna", "anna@", "anna@@example.com", "anna@exa mple", "anna.bär@example.com"):
        with pytest.raises(FieldError, match="not a valid e-mail address"):
            parse_email(bad)


def test_org_unit_paths_split_on_the_arrow():
    assert parse_org_unit("Vertrieb > Marketing") == ("Vertrieb", "Marketing")
    assert parse_org_unit("IT") == ("IT",)
    with pytest.raises(FieldError, match="empty part"):
        parse_org_unit("Vertrieb >  > Marketing")


def test_manager_cell_is_an_employee_id_or_an_email():
    assert parse_manager_ref("1001", field_name="manager") == ("id", "1001")
    assert parse_manager_ref("Chef@Example.com", field_name="manager") == (
        "email",
        "chef@example.com",
    )
    assert parse_manager_ref("", field_name="manager_id") is None
    with pytest.raises(FieldError):
        parse_manager_ref("chef", field_name="manager_email")


def test_messages_are_plain_sentences_without_python_reprs():
    with pytest.raises(FieldError) as exc:
        parse_date("morgen", today=TODAY)
    assert not re.search(r"[{}]|None", exc.value.message)


@pytest.mark.parametrize("typed", ["01.01.9999", "01.01.0001", "31.12.1899", "2029-01-01"])
def test_an_implausible_hire_date_is_refused_with_the_range(typed):
    from tandem.people.importing.parsing import parse_hire_date

    with pytest.raises(FieldError, match="not a plausible hire date"):
        parse_hire_date(typed, today=TODAY)


@pytest.mark.parametrize("typed", ["01.01.1985", "2020-03-01", "01.06.2026"])
def test_past_and_near_future_hire_dates_are_accepted(typed):
    from tandem.people.importing.parsing import parse_hire_date

    assert parse_hire_date(typed, today=TODAY) is not None
