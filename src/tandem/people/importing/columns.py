"""Which file column means which field: the alias table (mirrored in docs/import-format.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tandem.people.importing.report import RowError

# Canonical field → accepted column names. Matching ignores case, spaces, "-", "_" and ".".
ALIASES: dict[str, tuple[str, ...]] = {
    "employee_id": (
        "Personalnummer",
        "Personal-Nr.",
        "Pers.-Nr.",
        "Mitarbeiter-ID",
        "Mitarbeiternummer",
        "Mitarbeiter-Nr.",
        "Employee ID",
        "Employee number",
        "Employee no.",
        "Personnel number",
        "ID",
    ),
    "first_name": ("Vorname", "First name", "Given name"),
    "last_name": ("Nachname", "Familienname", "Last name", "Surname", "Family name"),
    "email": ("E-Mail", "Email", "E-Mail-Adresse", "Mail", "Email address"),
    "job_title": ("Position", "Funktion", "Stellenbezeichnung", "Job title", "Title"),
    "org_unit": (
        "Abteilung",
        "Organisationseinheit",
        "Bereich",
        "Department",
        "Org unit",
        "Organisational unit",
        "Team",
    ),
    "location": ("Standort", "Arbeitsort", "Location", "Site", "Office"),
    "languages": ("Sprache", "Sprachen", "Sprache(n)", "Languages", "Language"),
    "manager": ("Vorgesetzter", "Vorgesetzte", "Vorgesetzte(r)", "Führungskraft", "Manager"),
    "manager_id": (
        "Manager-ID",
        "Vorgesetzten-ID",
        "Personalnummer Vorgesetzter",
        "Personalnummer Führungskraft",
        "Manager employee id",
    ),
    "manager_email": (
        "Manager E-Mail",
        "Vorgesetzter E-Mail",
        "E-Mail Vorgesetzter",
        "E-Mail Führungskraft",
        "Manager email address",
    ),
    "hire_date": ("Eintrittsdatum", "Eintritt", "Hire date", "Start date"),
    "career_level": (
        "Karrierestufe",
        "Karrierelevel",
        "Ebene",
        "Hierarchieebene",
        "Stufe",
        "Level",
        "Grade",
        "Career level",
    ),
    "birth_year": ("Geburtsjahr", "Birth year", "Year of birth"),
    "kind": ("Art", "Typ", "Personengruppe", "Kind", "Type"),
    "active": ("Aktiv", "Active", "Status"),
}

LABELS = {
    "employee_id": gettext_lazy("employee id"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "email": gettext_lazy("e-mail"),
    "job_title": gettext_lazy("job title"),
    "org_unit": gettext_lazy("org unit"),
    "location": gettext_lazy("location"),
    "languages": gettext_lazy("languages"),
    "manager": gettext_lazy("manager"),
    "manager_id": gettext_lazy("manager's employee id"),
    "manager_email": gettext_lazy("manager's e-mail"),
    "hire_date": gettext_lazy("hire date"),
    "career_level": gettext_lazy("career level"),
    "birth_year": gettext_lazy("birth year"),
    "kind": gettext_lazy("kind"),
    "active": gettext_lazy("active"),
}

REQUIRED = ("first_name", "last_name", "email")
MANAGER_FIELDS = ("manager_id", "manager_email", "manager")

_IGNORED = re.compile(r"[\s\-_.]+")


def header_key(text: object) -> str:
    """The comparable form of a column name: NFC, case-folded, without spaces, - _ and ."""
    return _IGNORED.sub("", unicodedata.normalize("NFC", str(text or "")).casefold())


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, aliases in ALIASES.items():
        for alias in (name, *aliases):
            key = header_key(alias)
            if index.setdefault(key, name) != name:  # pragma: no cover - guarded by a test
                raise ValueError(f"column alias {alias!r} is used for two fields")
    return index


ALIAS_INDEX = _build_index()


@dataclass(slots=True)
class ColumnMap:
    """Where each recognised field sits in the file, and what the file calls it."""

    index: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.index

    @property
    def has_manager(self) -> bool:
        return any(name in self.index for name in MANAGER_FIELDS)

    def name(self, field_name: str) -> str:
        """The column heading as the file spells it (or the field's label if absent)."""
        return self.names.get(field_name) or str(LABELS[field_name])


def accepted_names(field_name: str) -> str:
    return ", ".join(ALIASES[field_name])


def map_columns(header: list[str]) -> tuple[ColumnMap, list[RowError]]:
    """Match every heading to a field; unknown headings are kept as warnings, not dropped."""
    columns = ColumnMap()
    errors: list[RowError] = []
    for position, heading in enumerate(header):
        text = str(heading or "").strip()
        name = ALIAS_INDEX.get(header_key(text))
        if name is None:
            columns.unknown.append(
                text or _("(column %(number)s without heading)") % {"number": position + 1}
            )
            continue
        if name in columns.index:
            errors.append(
                RowError(
                    1,
                    text,
                    _(
                        "the columns '%(first)s' and '%(second)s' both mean the %(field)s; "
                        "keep one of them and delete or rename the other"
                    )
                    % {"first": columns.names[name], "second": text, "field": LABELS[name]},
                )
            )
            continue
        columns.index[name] = position
        columns.names[name] = text
    for name in REQUIRED:
        if name not in columns.index:
            errors.append(
                RowError(
                    1,
                    str(LABELS[name]),
                    _(
                        "the file has no column for the %(field)s; add one with one of these "
                        "headings: %(names)s"
                    )
                    % {"field": LABELS[name], "names": accepted_names(name)},
                )
            )
    return columns, errors
