"""Eligibility rules (R15): pure, without a database, with a property test against an oracle."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tandem.enrolment.eligibility import (
    CohortRules,
    PersonFacts,
    possible_roles,
    role_explanations,
    role_problems,
    tenure_limit_date,
)

TODAY = datetime.date(2025, 6, 15)


NO_LIMITS = CohortRules()


def problems(role, facts, rules=NO_LIMITS, today=TODAY):
    with translation.override("en"):
        return role_problems(role=role, person_facts=facts, rules=rules, today=today)


def junior(**kwargs):
    values = {"career_level": 1, "hire_date": datetime.date(2024, 9, 1)}
    values.update(kwargs)
    return PersonFacts(**values)


def test_everyone_may_take_every_role_when_the_cohort_sets_no_limits():
    for role in ("mentor", "mentee", "either"):
        assert problems(role, junior()) == []


def test_a_mentor_above_the_career_level_limit_is_told_the_limit_and_their_level():
    rules = CohortRules(mentor_max_career_level=2)
    assert problems("mentor", junior(career_level=4), rules) == [
        "Mentors in this cohort are at most at career level 2; your level is 4."
    ]


def test_a_mentor_with_too_much_tenure_is_told_the_limit_and_their_hire_date():
    rules = CohortRules(mentor_max_tenure_years=3)
    with translation.override("de"):
        messages = role_problems(
            role="mentor",
            person_facts=junior(hire_date=datetime.date(2015, 3, 1)),
            rules=rules,
            today=TODAY,
        )
    assert len(messages) == 1
    assert "01.03.2015" in messages[0]
    english = problems("mentor", junior(hire_date=datetime.date(2015, 3, 1)), rules)
    assert english[0].startswith("Mentors may have at most 3 years of tenure; you joined on ")


def test_tenure_is_counted_to_the_day():
    rules = CohortRules(mentor_max_tenure_years=3)
    exactly_three_years = junior(hire_date=datetime.date(2022, 6, 15))
    one_day_more = junior(hire_date=datetime.date(2022, 6, 14))
    assert problems("mentor", exactly_three_years, rules) == []
    assert len(problems("mentor", one_day_more, rules)) == 1


def test_a_leap_day_hire_date_has_an_anniversary_in_every_year():
    assert tenure_limit_date(datetime.date(2020, 2, 29), 1) == datetime.date(2021, 2, 28)
    assert tenure_limit_date(datetime.date(2020, 2, 29), 4) == datetime.date(2024, 2, 29)


def test_alumni_are_refused_as_mentors_when_the_cohort_says_so():
    alumnus = PersonFacts(career_level=None, hire_date=None, kind="alumnus")
    assert problems("mentor", alumnus, CohortRules(mentor_allow_alumni=False)) == [
        "Alumni cannot mentor in this cohort."
    ]
    assert problems("mentor", alumnus, CohortRules(mentor_allow_alumni=True)) == []


def test_alumni_are_not_measured_against_the_employee_limits():
    alumnus = PersonFacts(career_level=5, hire_date=datetime.date(2000, 1, 1), kind="alumnus")
    rules = CohortRules(mentor_max_career_level=2, mentor_max_tenure_years=3)
    assert problems("mentor", alumnus, rules) == []


def test_external_people_mentor_only_when_the_cohort_allows_it():
    external = PersonFacts(career_level=None, hire_date=None, kind="external")
    assert problems("mentor", external, CohortRules(mentor_allow_external=False)) == [
        "People from outside the organisation cannot mentor in this cohort."
    ]
    assert problems("mentor", external, CohortRules(mentor_allow_external=True)) == []


def test_a_mentee_below_the_minimum_level_is_told_the_minimum_and_their_level():
    rules = CohortRules(mentee_min_career_level=4)
    assert problems("mentee", junior(career_level=2), rules) == [
        "Mentees start at career level 4; your level is 2."
    ]
    assert problems("mentee", junior(career_level=4), rules) == []


def test_missing_directory_facts_are_explained_when_a_limit_needs_them():
    unknown = PersonFacts(career_level=None, hire_date=None)
    rules = CohortRules(
        mentor_max_career_level=2, mentor_max_tenure_years=3, mentee_min_career_level=4
    )
    mentor = problems("mentor", unknown, rules)
    assert len(mentor) == 2
    assert all("not recorded in the directory" in message for message in mentor)
    assert "not recorded" in problems("mentee", unknown, rules)[0]


def test_an_inactive_person_cannot_take_any_role():
    inactive = junior(is_active=False)
    for role in ("mentor", "mentee", "either"):
        [message] = problems(role, inactive)
        assert "inactive" in message


def test_either_is_possible_when_one_role_is_possible():
    rules = CohortRules(mentee_min_career_level=4)
    assert problems("either", junior(career_level=1), rules) == []
    explanations = role_explanations(person_facts=junior(), rules=rules, today=TODAY)
    assert explanations["mentor"] == []
    assert explanations["mentee"]
    assert explanations["either"] == []


def test_either_lists_the_reasons_for_both_roles_when_none_is_possible():
    rules = CohortRules(mentor_max_career_level=2, mentee_min_career_level=6)
    assert problems("either", junior(career_level=4), rules) == [
        "Mentors in this cohort are at most at career level 2; your level is 4.",
        "Mentees start at career level 6; your level is 4.",
    ]
    assert possible_roles(person_facts=junior(career_level=4), rules=rules, today=TODAY) == []


def test_an_unknown_role_is_refused_with_an_explanation():
    assert problems("boss", junior()) == [
        "Choose whether you want to take part as mentor, mentee or either."
    ]


# --- Property: a person is refused a role iff (at least) one rule is violated. ---

levels = st.none() | st.integers(min_value=1, max_value=10)
hire_dates = st.none() | st.dates(min_value=datetime.date(1980, 1, 1), max_value=TODAY)
facts_strategy = st.builds(
    PersonFacts,
    career_level=levels,
    hire_date=hire_dates,
    kind=st.sampled_from(["employee", "alumnus", "external"]),
    is_active=st.booleans(),
)
rules_strategy = st.builds(
    CohortRules,
    mentor_max_career_level=levels,
    mentor_max_tenure_years=st.none() | st.integers(min_value=0, max_value=30),
    mentor_allow_alumni=st.booleans(),
    mentor_allow_external=st.booleans(),
    mentee_min_career_level=levels,
)


def full_years(start: datetime.date, end: datetime.date) -> float:
    """Tenure in years, counted naively by days (a 'year' ends on the anniversary)."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    anniversary_passed = (end.month, end.day) != (start.month, start.day)
    # More than `years` full years once a day past the anniversary.
    return years + (0.5 if anniversary_passed else 0)


def violated(role: str, facts: PersonFacts, rules: CohortRules) -> list[str]:
    """The oracle: the names of the rules the person violates for this role."""
    if not facts.is_active:
        return ["inactive"]
    broken = []
    if role == "mentor":
        if facts.kind == "alumnus":
            return [] if rules.mentor_allow_alumni else ["alumni"]
        if facts.kind == "external":
            return [] if rules.mentor_allow_external else ["external"]
        limit = rules.mentor_max_career_level
        if limit is not None and (facts.career_level is None or facts.career_level > limit):
            broken.append("mentor level")
        years = rules.mentor_max_tenure_years
        if years is not None and (
            facts.hire_date is None or full_years(facts.hire_date, TODAY) > years
        ):
            broken.append("tenure")
    if role == "mentee":
        limit = rules.mentee_min_career_level
        if limit is not None and (facts.career_level is None or facts.career_level < limit):
            broken.append("mentee level")
    return broken


@pytest.mark.parametrize("role", ["mentor", "mentee"])
@given(facts=facts_strategy, rules=rules_strategy)
def test_a_person_is_refused_a_role_iff_a_rule_is_violated(role, facts, rules):
    messages = problems(role, facts, rules)
    expected = violated(role, facts, rules)
    assert bool(messages) == bool(expected)
    # One message per violated rule, each a full sentence.
    assert len(messages) == len(expected)
    assert all(message.endswith(".") for message in messages)


@given(facts=facts_strategy, rules=rules_strategy)
def test_either_is_refused_iff_both_roles_are_refused(facts, rules):
    refused = bool(problems("either", facts, rules))
    assert refused == (
        bool(violated("mentor", facts, rules)) and bool(violated("mentee", facts, rules))
    )
