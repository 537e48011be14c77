"""DigComp 2.2 proficiency levels 1–8 in four bands (pure module: no models, no database).

Used by the catalogue page and, later, by the self-assessment at enrolment (R10). Each level is
described by DigComp's three dimensions: complexity of tasks, autonomy, and cognitive domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from tandem.topics.localize import localized

LEVEL_MIN = 1
LEVEL_MAX = 8


class InvalidLevelError(ValueError):
    """Raised for anything that is not a whole number from 1 to 8."""


@dataclass(frozen=True)
class Band:
    code: str
    levels: tuple[int, int]
    label_de: str
    label_en: str

    @property
    def label(self) -> str:
        return localized(self.label_de, self.label_en)


@dataclass(frozen=True)
class Level:
    number: int
    band: Band
    label_de: str
    label_en: str
    description_de: str
    description_en: str

    @property
    def label(self) -> str:
        return localized(self.label_de, self.label_en)

    @property
    def description(self) -> str:
        return localized(self.description_de, self.description_en)


FOUNDATION = Band("foundation", (1, 2), "Grundlagen", "Foundation")
INTERMEDIATE = Band("intermediate", (3, 4), "Mittelstufe", "Intermediate")
ADVANCED = Band("advanced", (5, 6), "Fortgeschritten", "Advanced")
HIGHLY_SPECIALISED = Band("highly_specialised", (7, 8), "Hoch spezialisiert", "Highly specialised")
BANDS: tuple[Band, ...] = (FOUNDATION, INTERMEDIATE, ADVANCED, HIGHLY_SPECIALISED)

LEVELS: tuple[Level, ...] = (
    Level(
        1,
        FOUNDATION,
        "Grundlagen 1",
        "Foundation 1",
        "Einfache Aufgaben, mit Anleitung; sich an Grundbegriffe erinnern.",
        "Simple tasks, with guidance; remembering the basics.",
    ),
    Level(
        2,
        FOUNDATION,
        "Grundlagen 2",
        "Foundation 2",
        "Einfache Aufgaben, selbstständig und mit Anleitung, wo nötig; sich erinnern.",
        "Simple tasks, on my own and with guidance where needed; remembering.",
    ),
    Level(
        3,
        INTERMEDIATE,
        "Mittelstufe 3",
        "Intermediate 3",
        "Klar umrissene Routineaufgaben und einfache Probleme, selbstständig; verstehen.",
        "Well-defined, routine tasks and straightforward problems, on my own; understanding.",
    ),
    Level(
        4,
        INTERMEDIATE,
        "Mittelstufe 4",
        "Intermediate 4",
        "Aufgaben und klar umrissene, nicht alltägliche Probleme, unabhängig und nach eigenem "
        "Bedarf; verstehen.",
        "Tasks and well-defined, non-routine problems, independently and as I need; understanding.",
    ),
    Level(
        5,
        ADVANCED,
        "Fortgeschritten 5",
        "Advanced 5",
        "Verschiedene Aufgaben und Probleme; andere dabei anleiten; anwenden.",
        "Different tasks and problems, while guiding others; applying.",
    ),
    Level(
        6,
        ADVANCED,
        "Fortgeschritten 6",
        "Advanced 6",
        "Die passendsten Aufgaben wählen; sich in komplexen Situationen auf andere einstellen; "
        "bewerten.",
        "The most appropriate tasks; adapting to others in a complex context; evaluating.",
    ),
    Level(
        7,
        HIGHLY_SPECIALISED,
        "Hoch spezialisiert 7",
        "Highly specialised 7",
        "Komplexe Probleme mit wenigen Lösungen lösen; zur Fachpraxis beitragen und andere "
        "anleiten; gestalten.",
        "Resolving complex problems with limited solutions; contributing to professional "
        "practice and guiding others; creating.",
    ),
    Level(
        8,
        HIGHLY_SPECIALISED,
        "Hoch spezialisiert 8",
        "Highly specialised 8",
        "Komplexe Probleme mit vielen Einflussfaktoren lösen; neue Ideen und Verfahren für das "
        "Fachgebiet vorschlagen; gestalten.",
        "Resolving complex problems with many interacting factors; proposing new ideas and "
        "processes to the field; creating.",
    ),
)


def validate_level(level: object) -> int:
    """Return the level as an int, or raise InvalidLevelError (bool and 3.5 are not levels)."""
    if isinstance(level, bool) or not isinstance(level, int):
        raise InvalidLevelError(f"A proficiency level is a whole number, not {level!r}.")
    if not LEVEL_MIN <= level <= LEVEL_MAX:
        raise InvalidLevelError(
            f"A proficiency level is between {LEVEL_MIN} and {LEVEL_MAX}, not {level}."
        )
    return level


def is_valid_level(level: object) -> bool:
    try:
        validate_level(level)
    except InvalidLevelError:
        return False
    return True


def level_info(level: int) -> Level:
    """The description of one level (1–8)."""
    return LEVELS[validate_level(level) - 1]


def band_for_level(level: int) -> Band:
    """The band a level belongs to: 1–2 foundation, 3–4 intermediate, 5–6 advanced, 7–8 highly
    specialised."""
    return level_info(level).band


def levels_in_band(band: Band) -> tuple[Level, ...]:
    return tuple(level for level in LEVELS if level.band == band)


def level_choices() -> list[tuple[int, str]]:
    """(number, label) pairs in the active language, for a form's select."""
    return [(level.number, f"{level.label} – {level.description}") for level in LEVELS]
