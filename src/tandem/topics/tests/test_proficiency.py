from __future__ import annotations

import pytest
from django.utils import translation

from tandem.topics import proficiency
from tandem.topics.proficiency import (
    ADVANCED,
    FOUNDATION,
    HIGHLY_SPECIALISED,
    INTERMEDIATE,
    InvalidLevelError,
    band_for_level,
    is_valid_level,
    level_info,
    levels_in_band,
)


@pytest.mark.parametrize(
    ("level", "band"),
    [
        (1, FOUNDATION),
        (2, FOUNDATION),
        (3, INTERMEDIATE),
        (4, INTERMEDIATE),
        (5, ADVANCED),
        (6, ADVANCED),
        (7, HIGHLY_SPECIALISED),
        (8, HIGHLY_SPECIALISED),
    ],
)
def test_each_level_belongs_to_its_band(level, band):
    assert band_for_level(level) == band
    assert band.levels[0] <= level <= band.levels[1]


@pytest.mark.parametrize("level", [0, 9, -1, 3.5, "3", None, True])
def test_anything_but_a_whole_number_from_1_to_8_is_refused(level):
    assert not is_valid_level(level)
    with pytest.raises(InvalidLevelError):
        band_for_level(level)


def test_there_are_eight_levels_in_four_bands_of_two():
    assert [level.number for level in proficiency.LEVELS] == list(range(1, 9))
    assert [len(levels_in_band(band)) for band in proficiency.BANDS] == [2, 2, 2, 2]


def test_every_level_has_labels_and_descriptions_in_both_languages():
    for level in proficiency.LEVELS:
        assert level.label_de and level.label_en
        assert level.description_de and level.description_en
        assert level.description_de != level.description_en


def test_level_labels_follow_the_active_language():
    with translation.override("de"):
        assert level_info(7).band.label == "Hoch spezialisiert"
        assert level_info(1).description.startswith("Einfache Aufgaben")
    with translation.override("en"):
        assert level_info(7).band.label == "Highly specialised"
        assert proficiency.level_choices()[0][0] == 1
