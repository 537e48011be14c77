"""A named career level that is not ranked yet: the reverse-direction rule says so instead of
calling the level unknown (or treating it as level 0)."""

from __future__ import annotations

from dataclasses import replace
from typing import TypedDict

from django.utils.translation import override

from tandem.matching.pairing.check import pair_check
from tandem.matching.pairing.hard_rules import CohortRules, Profile, pair_violations
from tandem.matching.pairing.messages import rule_count_phrase, unmatched_text, violation_text
from tandem.people.models import CareerLevel


class Common(TypedDict):
    """What both profiles share, so that only the levels can keep them apart."""

    languages: frozenset[str]
    formats: frozenset[str]
    availability: frozenset[str]


COMMON: Common = {
    "languages": frozenset({"de"}),
    "formats": frozenset({"online"}),
    "availability": frozenset({"tue-midday"}),
}
MENTEE_ID, MENTOR_ID = 1, 2
MENTEE = Profile(enrolment_id=MENTEE_ID, person_id="boss", side="mentee", career_level=6, **COMMON)
MENTOR = Profile(
    enrolment_id=MENTOR_ID, person_id="junior", side="mentor", career_level=2, **COMMON
)
UNRANKED = {"career_level": None, "career_level_unranked": True}
RULES = CohortRules(direction="career_level")


def codes(mentee=MENTEE, mentor=MENTOR):
    return [v.code for v in pair_violations(mentee, mentor, RULES)]


def test_an_unranked_level_is_its_own_violation_naming_whose_level():
    [v] = pair_violations(MENTEE, replace(MENTOR, **UNRANKED), RULES)
    assert v.code == "level_unranked"
    assert v.message == (
        "Reverse direction: the career level of the mentor is not yet ranked; ask the "
        "coordinator to order the career levels on the Career levels page."
    )
    assert codes(mentee=replace(MENTEE, **UNRANKED), mentor=replace(MENTOR, **UNRANKED)) == [
        "level_unranked"
    ]


def test_an_unknown_and_an_unranked_level_are_both_named():
    mentee = replace(MENTEE, career_level=None)
    assert codes(mentee=mentee, mentor=replace(MENTOR, **UNRANKED)) == [
        "level_unknown",
        "level_unranked",
    ]


def test_other_directions_do_not_care_about_ranks():
    rules = CohortRules(direction="none")
    assert pair_violations(MENTEE, replace(MENTOR, **UNRANKED), rules) == []


def test_the_unmatched_reason_counts_people_with_unranked_levels():
    with override("en"):
        assert rule_count_phrase("level_unranked", 3) == (
            "3 have a career level that is not yet ranked"
        )
        text = unmatched_text(
            {"side": "mentee", "code": "no_feasible_partner", "candidates": 4,
             "ranked": [("level_unranked", 4, 4)]}
        )  # fmt: skip
    assert "4 have a career level that is not yet ranked" in text


def test_the_german_message_is_translated():
    [v] = pair_violations(MENTEE, replace(MENTOR, **UNRANKED), RULES)
    with override("de"):
        text = violation_text(v)
    assert "noch nicht" in text and "Karrierestufen" in text


def test_the_pair_check_names_an_unranked_level_of_a_real_person(matching_cohort):
    person = matching_cohort.mentor.person
    person.level = CareerLevel.objects.create(name="Werkstudent")
    person.career_level = None
    person.save(update_fields=["level", "career_level"])
    with override("en"):
        result = pair_check(
            cohort=matching_cohort.cohort,
            mentee=matching_cohort.mentee,
            mentor=matching_cohort.mentor,
        )
    assert result.codes == ["level_unranked"]
    assert "not yet ranked" in result.texts[0]
