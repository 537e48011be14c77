"""Hard rules of a pair: each rule on its own, all violations at once, and the message table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings

from tandem.matching.pairing.hard_rules import (
    MESSAGES,
    RULE_ORDER,
    CohortRules,
    Profile,
    Violation,
    is_feasible,
    pair_violations,
)
from tandem.matching.tests.profile_strategies import cohorts

MENTEE_ID, MENTOR_ID = 1, 2
MENTEE = Profile(
    enrolment_id=MENTEE_ID,
    person_id="boss",
    side="mentee",
    career_level=6,
    hire_date=date(2005, 1, 1),
    org_unit_id="sales",
    manager_id="ceo",
    location_id="berlin",
    languages=frozenset({"de", "en"}),
    formats=frozenset({"online", "in_person"}),
    availability=frozenset({"tue-midday", "thu-morning"}),
)
MENTOR = Profile(
    enrolment_id=MENTOR_ID,
    person_id="junior",
    side="mentor",
    career_level=2,
    hire_date=date(2022, 1, 1),
    org_unit_id="it",
    manager_id="cto",
    location_id="munich",
    languages=frozenset({"en"}),
    formats=frozenset({"online"}),
    availability=frozenset({"tue-midday"}),
)
RULES = CohortRules()


def codes(mentee=MENTEE, mentor=MENTOR, rules=RULES):
    return [v.code for v in pair_violations(mentee, mentor, rules)]


def test_a_compatible_pair_has_no_violations():
    assert codes() == []
    assert is_feasible(MENTEE, MENTOR, RULES)


def test_nobody_is_paired_with_themselves():
    assert codes(mentor=replace(MENTOR, person_id="boss")) == ["same_person"]


def test_people_in_each_others_reporting_line_are_never_paired_in_either_direction():
    rules = CohortRules(reporting_line_pairs=frozenset({frozenset({"junior", "boss"})}))
    assert codes(rules=rules) == ["reporting_line"]
    swapped = codes(
        mentee=replace(MENTEE, person_id="junior"),
        mentor=replace(MENTOR, person_id="boss"),
        rules=rules,
    )
    assert swapped == ["reporting_line"]
    assert "reporting_line" not in codes(mentor=replace(MENTOR, person_id="other"), rules=rules)


def test_same_unit_and_same_manager_are_excluded_only_when_the_cohort_says_so():
    same = replace(MENTOR, org_unit_id="sales", manager_id="ceo")
    assert codes(mentor=same) == []
    strict = CohortRules(exclude_same_org_unit=True, exclude_same_manager=True)
    assert codes(mentor=same, rules=strict) == ["same_org_unit", "same_manager"]
    unknown = replace(MENTEE, org_unit_id=None, manager_id=None)
    assert (
        codes(mentee=unknown, mentor=replace(same, org_unit_id=None, manager_id=None), rules=strict)
        == []
    )


@pytest.mark.parametrize(
    ("mentor_level", "expected"),
    [(2, []), (5, []), (6, ["level_direction"]), (7, ["level_direction"])],
)
def test_the_mentor_must_be_below_the_mentees_career_level(mentor_level, expected):
    assert codes(mentor=replace(MENTOR, career_level=mentor_level)) == expected


def test_an_unknown_career_level_is_a_violation_that_says_whose_level():
    [v] = pair_violations(MENTEE, replace(MENTOR, career_level=None), RULES)
    assert v.code == "level_unknown"
    assert v.message == "Reverse direction: the career level of the mentor is unknown."


def test_the_tenure_rule_wants_the_mentor_hired_after_the_mentee():
    rules = CohortRules(direction="tenure")
    senior_level = replace(MENTOR, career_level=9)
    assert codes(mentor=senior_level, rules=rules) == []
    same_day = replace(MENTOR, hire_date=MENTEE.hire_date)
    assert codes(mentor=same_day, rules=rules) == ["tenure_direction"]
    assert codes(mentee=replace(MENTEE, hire_date=None), rules=rules) == ["tenure_unknown"]


def test_direction_none_ignores_levels_and_dates():
    rules = CohortRules(direction="none")
    assert codes(mentor=replace(MENTOR, career_level=None, hire_date=None), rules=rules) == []


def test_a_common_language_is_required():
    assert codes(mentor=replace(MENTOR, languages=frozenset({"fr"}))) == ["no_common_language"]


def test_formats_must_overlap_and_in_person_only_needs_the_same_site():
    assert codes(mentor=replace(MENTOR, formats=frozenset({"hybrid"}))) == ["no_common_format"]
    in_person = replace(MENTOR, formats=frozenset({"in_person"}))
    assert codes(mentor=in_person) == ["different_site"]
    assert codes(mentor=replace(in_person, location_id="berlin")) == []
    unknown = replace(MENTEE, location_id=None)
    assert codes(mentee=unknown, mentor=replace(in_person, location_id=None)) == ["different_site"]
    both = replace(MENTOR, formats=frozenset({"in_person", "online"}))
    assert codes(mentor=both) == []


def test_at_least_one_common_slot_is_required():
    assert codes(mentor=replace(MENTOR, availability=frozenset({"fri-early"}))) == [
        "no_common_slot"
    ]


def test_eligibility_follows_side_and_flags():
    assert codes(mentor=replace(MENTOR, side="mentee")) == ["mentor_not_eligible"]
    assert codes(mentor=replace(MENTOR, side="either")) == []
    assert codes(mentor=replace(MENTOR, eligible_as_mentor=False)) == ["mentor_not_eligible"]
    assert codes(mentee=replace(MENTEE, side="mentor")) == ["mentee_not_eligible"]
    assert codes(mentee=replace(MENTEE, eligible_as_mentee=False)) == ["mentee_not_eligible"]


def test_do_not_match_pairs_are_directed_by_enrolment():
    assert codes(rules=CohortRules(do_not_match=frozenset({(MENTEE_ID, MENTOR_ID)}))) == [
        "do_not_match"
    ]
    assert codes(rules=CohortRules(do_not_match=frozenset({(MENTOR_ID, MENTEE_ID)}))) == []


def test_all_violations_are_reported_in_the_fixed_order():
    bad = replace(
        MENTOR,
        person_id="boss",
        side="mentee",
        career_level=8,
        org_unit_id="sales",
        manager_id="ceo",
        languages=frozenset(),
        formats=frozenset(),
        availability=frozenset(),
    )
    rules = CohortRules(
        exclude_same_org_unit=True,
        exclude_same_manager=True,
        reporting_line_pairs=frozenset({frozenset({"boss"})}),
        do_not_match=frozenset({(MENTEE_ID, MENTOR_ID)}),
    )
    assert codes(mentor=bad, rules=rules) == [
        "same_person",
        "mentor_not_eligible",
        "reporting_line",
        "same_org_unit",
        "same_manager",
        "level_direction",
        "no_common_language",
        "no_common_format",
        "no_common_slot",
        "do_not_match",
    ]


def test_every_rule_code_has_an_english_message():
    assert set(MESSAGES) == set(RULE_ORDER)
    v = Violation("level_direction", {"mentee_level": 6, "mentor_level": 7})
    assert "(7)" in v.message and "(6)" in v.message


@settings(max_examples=200)  # pure and fast: every pair of each cohort
@given(cohort=cohorts(max_size=3))
def test_violations_always_come_in_rule_order_with_a_message(cohort):
    mentees, mentors, rules = cohort
    for e in mentees:
        for m in mentors:
            found = pair_violations(e, m, rules)
            positions = [RULE_ORDER.index(v.code) for v in found]
            assert positions == sorted(set(positions))
            assert all(v.message for v in found)
            assert is_feasible(e, m, rules) == (not found)
