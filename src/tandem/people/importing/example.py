"""The downloadable example file: German headings, two people, one reporting to the other."""

from __future__ import annotations

from tandem.core.spreadsheet import csv_bytes

EXAMPLE_HEADER = (
    "Personalnummer",
    "Vorname",
    "Nachname",
    "E-Mail",
    "Position",
    "Abteilung",
    "Standort",
    "Sprachen",
    "Vorgesetzter",
    "Eintrittsdatum",
    "Karrierestufe",
    "Geburtsjahr",
    "Art",
    "Aktiv",
)
EXAMPLE_ROWS = (
    (
        "1001",
        "Petra",
        "Schäfer",
        "petra.schaefer@example.com",
        "Bereichsleiterin Vertrieb",
        "Vertrieb",
        "München",
        "Deutsch, Englisch",
        "",
        "01.04.2009",
        "6",
        "1971",
        "Mitarbeiter",
        "ja",
    ),
    (
        "1002",
        "Jonas",
        "Yılmaz",
        "jonas.yilmaz@example.com",
        "Werkstudent Marketing",
        "Vertrieb > Marketing",
        "München",
        "Deutsch, Türkisch, Englisch",
        "1001",
        "01.10.2023",
        "1",
        "2001",
        "Mitarbeiter",
        "ja",
    ),
)


def example_file() -> bytes:
    """UTF-8 with BOM and semicolons, as German Excel opens it without questions."""
    return csv_bytes(EXAMPLE_HEADER, EXAMPLE_ROWS)
