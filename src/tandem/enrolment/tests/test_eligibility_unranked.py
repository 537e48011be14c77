"""Eligibility limits on career levels when a person's named level is not ranked yet."""

from __future__ import annotations

import datetime

from django.utils import translation

from tandem.enrolment.eligibility import (
    CohortRules,
    PersonFacts,
    facts_from_person,
    role_problems,
)
from tandem.people.models import CareerLevel
from tandem.people.tests.factories import PersonFactory

TODAY = datetime.date(2025, 6, 15)
UNRANKED = PersonFacts(career_level=None, hire_date=None, level_unranked=True)


def problems(role, facts, rules):
    with translation.override("en"):
        return role_problems(role=role, person_facts=facts, rules=rules, today=TODAY)


def test_a_mentor_limit_says_that_the_levels_are_not_yet_ranked():
    assert problems("mentor", UNRANKED, CohortRules(mentor_max_career_level=2)) == [
        "Mentors in this cohort are at most at career level 2, but career levels are not yet "
        "ranked: ask the coordinator to order them on the Career levels page."
    ]


def test_a_mentee_minimum_says_that_the_levels_are_not_yet_ranked():
    assert problems("mentee", UNRANKED, CohortRules(mentee_min_career_level=4)) == [
        "Mentees start at career level 4, but career levels are not yet ranked: ask the "
        "coordinator to order them on the Career levels page."
    ]


def test_without_level_limits_an_unranked_level_does_not_matter():
    for role in ("mentor", "mentee", "either"):
        assert problems(role, UNRANKED, CohortRules()) == []


def test_the_facts_of_a_person_know_an_unranked_level(db):
    unranked = PersonFactory(level=CareerLevel.objects.create(name="Fachkraft"))
    ranked = PersonFactory(
        level=CareerLevel.objects.create(name="Direktor", rank=2), career_level=2
    )
    assert facts_from_person(unranked).level_unranked is True
    assert facts_from_person(ranked).level_unranked is False
    assert facts_from_person(PersonFactory(career_level=None)).level_unranked is False


def test_a_hire_date_stored_in_year_9999_does_not_break_the_tenure_limit():
    """Stored before import dates were range-checked: a server error on the invitation page once."""
    import datetime

    from tandem.enrolment.eligibility import tenure_limit_date

    assert tenure_limit_date(datetime.date(9999, 1, 1), 3) == datetime.date.max
    assert tenure_limit_date(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 28)
