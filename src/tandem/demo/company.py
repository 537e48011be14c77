"""A reproducible fictional German company for the demo: Hallberg Technik AG.

Pure code (no database): `build_company()` returns the same rows for the same seed, as an HR
export would deliver them, so the demo loads through the real import.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from tandem.demo.names import FIRST_NAMES, HERITAGE_LANGUAGES, LAST_NAMES

COMPANY = "Hallberg Technik AG"
EMAIL_DOMAIN = "hallberg-technik.example"

# Six career levels, board to apprentices (rank 6 = most senior).
CAREER_LEVELS = {
    6: "Vorstand",
    5: "Bereichsleitung",
    4: "Abteilungsleitung",
    3: "Teamleitung",
    2: "Fachkraft",
    1: "Ausbildung & Berufseinstieg",
}

SITES = ["München", "Hamburg", "Leipzig", "Stuttgart", "Wien", "Zürich"]
HEADQUARTERS = "München"

# Division → departments; every department gets one or more teams.
DIVISIONS: dict[str, list[str]] = {
    "Vertrieb": ["Vertrieb DACH", "Internationaler Vertrieb", "Key Account Management"],
    "Marketing & Kommunikation": [
        "Markenführung",
        "Digitales Marketing",
        "Unternehmenskommunikation",
    ],
    "Produktion": ["Werk München", "Werk Leipzig", "Qualitätssicherung"],
    "Forschung & Entwicklung": ["Elektronik", "Mechanik", "Software"],
    "IT & Digitalisierung": ["IT-Betrieb", "Digitale Plattformen", "Daten & Analytik"],
    "Personal": ["Personalentwicklung", "Recruiting & Ausbildung", "Personalservice"],
    "Finanzen & Controlling": ["Rechnungswesen", "Controlling"],
    "Einkauf & Logistik": ["Strategischer Einkauf", "Logistik"],
    "Kundenservice": ["Service-Center", "Technischer Außendienst"],
}

BOARD = [
    ("Vorstandsvorsitz (CEO)", "Vorstand"),
    ("Vorstand Finanzen (CFO)", "Vorstand"),
    ("Vorstand Technik (CTO)", "Vorstand"),
    ("Vorstand Personal (CHRO)", "Vorstand"),
]

JOB_TITLES = {
    5: "Bereichsleitung {division}",
    4: "Abteilungsleitung {department}",
    3: "Teamleitung {team}",
}
SPECIALIST_TITLES = [
    "Referent/in",
    "Spezialist/in",
    "Sachbearbeiter/in",
    "Ingenieur/in",
    "Projektmanager/in",
    "Berater/in",
    "Analyst/in",
    "Entwickler/in",
    "Koordinator/in",
]
ENTRY_TITLES = [
    "Auszubildende/r",
    "Dual Studierende/r",
    "Trainee",
    "Werkstudent/in",
    "Junior-Referent/in",
]


@dataclass
class DemoPerson:
    employee_id: str | None
    first_name: str
    last_name: str
    email: str
    job_title: str
    org_unit: str
    location: str
    languages: list[str]
    manager_id: str | None
    hire_date: date
    career_level: int
    birth_year: int
    kind: str = "employee"
    tags: set[str] = field(default_factory=set)

    def as_row(self) -> dict[str, str]:
        """The row as a German HR export would have it."""
        return {
            "Personalnummer": self.employee_id or "",
            "Vorname": self.first_name,
            "Nachname": self.last_name,
            "E-Mail": self.email,
            "Position": self.job_title,
            "Abteilung": self.org_unit,
            "Standort": self.location,
            "Sprachen": ", ".join(self.languages),
            "Vorgesetzter": self.manager_id or "",
            "Eintrittsdatum": self.hire_date.strftime("%d.%m.%Y"),
            "Karrierestufe": str(self.career_level),
            "Geburtsjahr": str(self.birth_year),
            "Art": self.kind,
        }


def ascii_local_part(text: str) -> str:
    """E-mail-friendly spelling: ü → ue, ß → ss, ł → l, other accents dropped."""
    special = {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ł": "l",
        "ı": "i",
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ş": "s",
        "ç": "c",
    }
    lowered = "".join(special.get(ch, ch) for ch in text.lower())
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in ".-"))


class _CompanyBuilder:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.people: list[DemoPerson] = []
        self.used_emails: set[str] = set()
        self.next_number = 1000

    def _email(self, first: str, last: str) -> str:
        base = f"{ascii_local_part(first)}.{ascii_local_part(last).replace(' ', '')}"
        candidate, n = base, 1
        while candidate in self.used_emails:
            n += 1
            candidate = f"{base}{n}"
        self.used_emails.add(candidate)
        return f"{candidate}@{EMAIL_DOMAIN}"

    def add(
        self,
        *,
        level: int,
        title: str,
        unit: str,
        manager: DemoPerson | None,
        location: str | None = None,
        kind: str = "employee",
    ) -> DemoPerson:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        languages = ["de"]
        if level >= 2 or rng.random() < 0.8:
            languages.append("en")
        if first in HERITAGE_LANGUAGES and rng.random() < 0.7:
            languages.append(HERITAGE_LANGUAGES[first])
        if location == "Zürich" and rng.random() < 0.4:
            languages.append("fr")
        age = {6: (52, 63), 5: (45, 60), 4: (38, 58), 3: (32, 55), 2: (25, 60), 1: (17, 27)}[level]
        birth_year = self.today.year - rng.randint(*age)
        earliest_hire = max(birth_year + (16 if level == 1 else 22), 1985)
        latest_hire = self.today.year if level <= 2 else self.today.year - 1
        hire = date(
            rng.randint(min(earliest_hire, latest_hire), latest_hire),
            rng.randint(1, 12),
            rng.choice([1, 1, 1, 15]),
        )
        if hire > self.today:
            hire = self.today.replace(day=1)
        employee_id = None
        if kind == "employee":
            self.next_number += rng.randint(1, 7)
            employee_id = f"HT{self.next_number:05d}"
        person = DemoPerson(
            employee_id=employee_id,
            first_name=first,
            last_name=last,
            email=self._email(first, last),
            job_title=title,
            org_unit=unit,
            location=location or (manager.location if manager else HEADQUARTERS),
            languages=languages,
            manager_id=manager.employee_id if manager else None,
            hire_date=hire,
            career_level=level,
            birth_year=birth_year,
            kind=kind,
        )
        self.people.append(person)
        return person

    def build(self) -> list[DemoPerson]:
        rng = self.rng
        ceo = self.add(level=6, title=BOARD[0][0], unit=COMPANY, manager=None)
        ceo.tags.add("ceo")
        board = [ceo] + [
            self.add(level=6, title=title, unit=COMPANY, manager=ceo) for title, _ in BOARD[1:]
        ]
        board[3].tags.add("hr_board")
        board_for = {
            "Finanzen & Controlling": board[1],
            "Einkauf & Logistik": board[1],
            "Produktion": board[2],
            "Forschung & Entwicklung": board[2],
            "IT & Digitalisierung": board[2],
            "Personal": board[3],
        }
        for division, departments in DIVISIONS.items():
            division_path = f"{COMPANY} > {division}"
            head = self.add(
                level=5,
                title=JOB_TITLES[5].format(division=division),
                unit=division_path,
                manager=board_for.get(division, ceo),
            )
            head.tags.add(f"head:{division}")
            for department in departments:
                dept_path = f"{division_path} > {department}"
                site = rng.choice(SITES[1:]) if rng.random() < 0.45 else HEADQUARTERS
                if department in {"Werk Leipzig"}:
                    site = "Leipzig"
                dept_head = self.add(
                    level=4,
                    title=JOB_TITLES[4].format(department=department),
                    unit=dept_path,
                    manager=head,
                    location=site,
                )
                for team_no in range(1, rng.randint(2, 3) + 1):
                    team = f"{department} {team_no}"
                    team_site = rng.choice(SITES) if rng.random() < 0.3 else site
                    lead = self.add(
                        level=3,
                        title=JOB_TITLES[3].format(team=team),
                        unit=f"{dept_path} > {team}",
                        manager=dept_head,
                        location=team_site,
                    )
                    for _ in range(rng.randint(5, 8)):
                        self.add(
                            level=2,
                            title=rng.choice(SPECIALIST_TITLES),
                            unit=f"{dept_path} > {team}",
                            manager=lead,
                            location=team_site,
                        )
                    for _ in range(rng.choice([1, 1, 2, 2, 3])):
                        junior = self.add(
                            level=1,
                            title=rng.choice(ENTRY_TITLES),
                            unit=f"{dept_path} > {team}",
                            manager=lead,
                            location=team_site,
                        )
                        if division == "IT & Digitalisierung":
                            junior.tags.add("digital_junior")
        # Alumni (former apprentices, R15) and one external coach: no employee id.
        for _ in range(6):
            self.add(
                level=1,
                title="Alumni-Netzwerk",
                unit=f"{COMPANY} > Alumni",
                manager=None,
                kind="alumnus",
                location=rng.choice(SITES),
            )
        return self.people


def build_company(*, seed: int = 2026, today: date = date(2026, 11, 1)) -> list[DemoPerson]:
    """About 600 people in six levels; the same seed always gives the same company."""
    return _CompanyBuilder(seed, today).build()
