"""Why someone stayed unmatched, in German: every rule count with its plural; the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from tandem.matching.pairing.messages import _RULE_COUNT_PHRASES, rule_count_phrase, unmatched_text
from tandem.people.tests.factories import PersonFactory


@pytest.mark.parametrize("code", sorted(_RULE_COUNT_PHRASES))
@pytest.mark.parametrize("n", [1, 5])
def test_every_rule_count_is_german_in_the_singular_and_the_plural(code, n):
    with translation.override("en"):
        english = rule_count_phrase(code, n)
    with translation.override("de"):
        german = rule_count_phrase(code, n)
    assert str(n) in german
    assert german != english


def test_an_unmatched_mentee_is_explained_in_german():
    entry = {
        "side": "mentee",
        "code": "no_feasible_partner",
        "candidates": 5,
        "ranked": [["no_common_slot", 5, 2], ["reporting_line", 1, 0]],
    }
    with translation.override("de"):
        text = unmatched_text(entry)
    assert text == (
        "Niemand passt als Mentor/in (5 geprüft): 5 haben kein gemeinsames Zeitfenster "
        "(bei 2 davon nur das); 1 steht in der Berichtslinie."
    )


def test_the_match_command_explains_the_unmatched_in_german(matching_cohort):
    ns = matching_cohort
    ns.mentor.person.manager = PersonFactory(manager=ns.mentee.person, career_level=4)
    ns.mentor.person.save(update_fields=["manager"])
    out = io.StringIO()
    with translation.override("de"):
        call_command("match", str(ns.cohort.pk), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Ohne Vorschlag:" in text
    assert (
        "Marlene Müller (Mentee): Niemand passt als Mentor/in (1 geprüft): "
        "1 steht in der Berichtslinie (bei 1 davon nur das)." in text
    )
    assert "reporting line" not in text
