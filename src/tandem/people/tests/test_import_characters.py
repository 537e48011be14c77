"""No silent garbling: wrong encodings, invalid bytes and invisible characters are reported."""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import assume, given
from hypothesis import strategies as st

from tandem.people.importing.parsing import FieldError, cell_text, parse_email
from tandem.people.importing.parsing import parse_required_text as parse_name
from tandem.people.importing.reading import UnreadableFile, read_table
from tandem.people.importing.services import people_import
from tandem.people.models import Person
from tandem.people.tests.factories import PersonFactory

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HEADER = "Personalnummer;Vorname;Nachname;E-Mail\n"


def run(data: bytes, **options):
    return people_import(data=data, filename="people.csv", actor=None, **options)


def problems(report) -> list[tuple[int | None, str, str]]:
    return [(e.row, e.column, e.message) for e in report.errors]


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_utf8_row_in_a_windows_1252_file_is_reported_not_imported_as_mojibake():
    data = (
        HEADER.encode("cp1252")
        + "E1;Jörg;Müller;joerg@example.com\n".encode("cp1252")
        + "E2;Käthe;Weiß;kaethe@example.com\n".encode("cp1252")
        + "E3;Jürgen;Groß;juergen@example.com\n".encode()
    )
    report = run(data)
    assert [(row, column) for row, column, _m in problems(report)] == [
        (4, "Vorname"),
        (4, "Nachname"),
    ]
    message = report.errors[0].message
    assert message.startswith("'JÃ¼rgen' looks garbled by a wrong character encoding")
    assert "probably 'Jürgen'" in message and "save the whole file as 'CSV UTF-8'" in message
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_a_windows_1252_row_in_a_utf8_file_is_reported_and_the_utf8_rows_stay_intact():
    data = (
        HEADER.encode()
        + "E1;Jörg;Müller;joerg@example.com\n".encode()
        + "E2;Sören;Öztürk;soeren@example.com\n".encode()
        + "E3;Käthe;Weiß;kaethe@example.com\n".encode("cp1252")
    )
    report = run(data, import_valid_rows=True)
    assert [(row, column) for row, column, _m in problems(report)] == [
        (4, "Vorname"),
        (4, "Nachname"),
    ]
    assert "not valid UTF-8" in report.errors[0].message
    assert "read as Windows-1252 it would be 'Käthe'" in report.errors[0].message
    assert sorted(Person.objects.values_list("last_name", flat=True)) == ["Müller", "Öztürk"]
    rejected = report.rejected_file().decode("utf-8-sig")
    assert "K\ufffdthe" in rejected  # the invalid byte written out as �, not as a crash


@pytest.mark.django_db
def test_invalid_bytes_are_reported_not_turned_into_other_letters():
    report = run(HEADER.encode() + b"E1;Ann\xed\xa0\x80a;Arndt;anna@example.com\n")
    assert problems(report)[0][:2] == (2, "Vorname")
    assert "looks garbled by a wrong character encoding" in report.errors[0].message
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_a_plain_windows_1252_file_still_imports():
    data = (HEADER + "E1;Jörg;Müller;joerg@example.com\n").encode("cp1252")
    report = run(data)
    assert report.errors == []
    assert Person.objects.get().first_name == "Jörg"


@pytest.mark.django_db
def test_the_command_exits_with_one_for_a_garbled_file(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(
        (HEADER + "E1;Jörg;Müller;joerg@example.com\nE2;Käthe;Weiß;k@example.com\n").encode(
            "cp1252"
        )
        + "E3;Jürgen;Groß;j@example.com\n".encode()
    )
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import_people", str(path), stdout=out)
    assert exited.value.code == 1
    assert "row 4, column Vorname: 'JÃ¼rgen' looks garbled" in out.getvalue()


@pytest.mark.parametrize(
    "name", ["Lukáš", "Tomášek", "Dášenka", "Müller", "Öztürk", "Ñúñez", "Ærø", "Jiří", "Zoë"]
)
def test_real_names_with_accents_are_not_taken_for_garbled_text(name):
    assert cell_text(name) == name


@given(
    st.text(
        st.characters(min_codepoint=0xC0, max_codepoint=0xFFFF, categories=("Lu", "Ll", "Lo")),
        min_size=1,
        max_size=20,
    )
)
def test_any_name_in_any_script_read_in_the_wrong_encoding_is_refused(name):
    try:
        garbled = name.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        assume(False)
    with pytest.raises(FieldError):
        cell_text(garbled)


# --- invisible characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "char"),
    [
        ("Jür\u202egen", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Anna\u2066Lena", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("An\x00na", "U+0000 NUL"),
        ("An\x07na", "U+0007"),
        ("Jür\u200bgen", "U+200B ZERO WIDTH SPACE"),
        ("Jür\ufeffgen", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_control_and_invisible_characters_inside_a_name_are_refused(value, char):
    with pytest.raises(FieldError) as refused:
        parse_name(value, label="first name")
    assert f"the cell contains the invisible character {char}" in refused.value.message


def test_invisible_characters_at_the_edges_of_a_name_are_removed():
    assert parse_name("\ufeffJürgen\u200b ", label="first name") == "Jürgen"
    assert parse_name(" \u200eAnna", label="first name") == "Anna"


def test_a_right_to_left_override_is_refused_even_at_the_edge():
    with pytest.raises(FieldError):
        parse_name("Anna\u202e", label="first name")


def test_a_zero_width_non_joiner_inside_a_persian_name_is_kept():
    assert parse_name("مهر\u200cناز", label="first name") == "مهر\u200cناز"


@pytest.mark.parametrize("value", ["anna@exa\u200bmple.com", "an\u200dna@example.com"])
def test_invisible_characters_inside_an_email_are_refused(value):
    with pytest.raises(FieldError) as refused:
        parse_email(value)
    assert "invisible character" in refused.value.message


def test_an_email_with_a_byte_order_mark_in_front_is_cleaned():
    assert parse_email("\ufeffanna@example.com\u200b") == "anna@example.com"


def _visible(text: str) -> str:
    """The reference rule, written independently: NFC, edges without white space and Cf
    characters, inner white space folded."""
    chars = list(unicodedata.normalize("NFC", text))

    def edge(char: str) -> bool:
        return char.isspace() or (unicodedata.category(char) == "Cf" and char not in BIDI)

    while chars and edge(chars[0]):
        chars.pop(0)
    while chars and edge(chars[-1]):
        chars.pop()
    return " ".join("".join(chars).split())


@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_any_name_survives_a_csv_round_trip_or_is_reported(name):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([["Vorname", "E-Mail"], [name, "a@example.com"]])
    try:
        table = read_table(buffer.getvalue().encode(), "people.csv")
    except UnreadableFile:
        assume(False)  # e.g. a name of only white space leaves no data row
    cells = dict(zip(table.header, table.rows[0][1], strict=True))
    try:
        value = cell_text(cells["Vorname"])
    except FieldError:
        return  # reported on its row: fine
    assert value == _visible(name)


@pytest.mark.django_db
def test_an_import_warns_about_removed_edge_characters_with_the_rows():
    data = (HEADER + "E1;\ufeffJürgen;Müller\u200b;j@example.com\nE2;Anna;Arndt;a@e.com\n").encode()
    report = run(data)
    assert report.errors == []
    assert Person.objects.get(employee_id="E1").last_name == "Müller"
    assert any(
        w.startswith("Invisible characters (such as a byte-order mark or a zero-width space)")
        and w.endswith("were removed in 1 row: 2.")
        for w in report.warnings
    )


@pytest.mark.django_db
def test_a_person_form_refuses_a_right_to_left_override_and_strips_a_byte_order_mark():
    person = PersonFactory.build(first_name="\ufeffAnna", last_name="Arndt\u202e")
    with pytest.raises(ValidationError) as refused:
        person.full_clean(exclude=["email_key"])
    assert set(refused.value.message_dict) == {"last_name"}
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in refused.value.message_dict["last_name"][0]
    assert person.first_name == "Anna"


# --- what the file really is ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_nul_byte_in_a_cell_is_reported_on_its_row_not_as_an_empty_file():
    data = HEADER.encode() + b"E1;An\x00na;Arndt;anna@example.com\nE2;Ben;Brandt;b@example.com\n"
    report = run(data)
    assert problems(report)[0][:2] == (2, "Vorname")
    assert "U+0000 NUL" in report.errors[0].message
    assert len(report.errors) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 3])
def test_a_heading_row_of_only_separators_is_named_as_the_problem(rows):
    data = ";;;\n" + "".join(f"E{i};Anna;Arndt;a{i}@example.com\n" for i in range(rows))
    report = run(data.encode())
    assert [(e.row, e.message) for e in report.errors] == [
        (
            None,
            "row 1, where the column headings belong, contains only separators and no "
            "headings; write the column headings (for example Vorname;Nachname;E-Mail) in "
            "that row",
        )
    ]


@pytest.mark.django_db
def test_an_over_long_cell_names_its_row_column_and_limit():
    data = HEADER + "E1;" + "A" * 200_000 + ";Arndt;anna@example.com\n"
    report = run(data.encode())
    assert problems(report) == [
        (
            2,
            "Vorname",
            "the value is 200000 characters long, at most 150 are allowed; shorten it",
        )
    ]


def test_an_over_long_email_names_the_limit_and_quotes_only_its_start():
    with pytest.raises(FieldError) as refused:
        parse_email("a" * 300 + "@example.com")
    assert "at most 254 are allowed" in refused.value.message
