"""Who may take which role in a cohort (R15): pure rules, no database.

The cohort sets the limits (empty = no limit); the person's facts come from the directory. Each
violated rule yields exactly one message that says what the rule is and what the person's fact is,
so that nobody is refused a role without knowing why.

Scope of the rules:
- An inactive directory entry cannot take any role.
- Mentors: alumni and external people are governed by their own switches ("alumni may mentor",
  "external people may mentor"); the career-level and tenure limits are about employees, so they
  apply to employees only. An employee whose level or hire date is not recorded cannot be checked
  against a limit and is refused with a message asking to have the entry completed.
- Mentees: the minimum career level applies to everyone; an unrecorded level fails a set minimum.
- "Either" is possible when at least one of the two roles is possible.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MENTOR = "mentor"
MENTEE = "mentee"
EITHER = "either"
SINGLE_ROLES = (MENTOR, MENTEE)

EMPLOYEE = "employee"
ALUMNUS = "alumnus"
EXTERNAL = "external"


@dataclass(frozen=True)
class PersonFacts:
    """What the directory says about a person, as far as eligibility is concerned."""

    career_level: int | None
    hire_date: datetime.date | None
    kind: str = EMPLOYEE  # employee / alumnus / external
    is_active: bool = True
    # The person has a named career level that coordinators have not ranked yet.
    level_unranked: bool = False


@dataclass(frozen=True)
class CohortRules:
    """A cohort's eligibility settings; None means "no limit"."""

    mentor_max_career_level: int | None = None
    mentor_max_tenure_years: int | None = None
    mentor_allow_alumni: bool = True
    mentor_allow_external: bool = False
    mentee_min_career_level: int | None = None


class EligibilitySettings(Protocol):
    """What `rules_from_cohort` reads: a `programs.Cohort` has it."""

    @property
    def mentor_max_career_level(self) -> int | None: ...
    @property
    def mentor_max_tenure_years(self) -> int | None: ...
    @property
    def mentor_allow_alumni(self) -> bool: ...
    @property
    def mentor_allow_external(self) -> bool: ...
    @property
    def mentee_min_career_level(self) -> int | None: ...


def facts_from_person(person: object) -> PersonFacts:
    """The facts of a `people.Person` (reads attributes only)."""
    return PersonFacts(
        career_level=getattr(person, "career_level", None),
        hire_date=getattr(person, "hire_date", None),
        kind=getattr(person, "kind", EMPLOYEE) or EMPLOYEE,
        is_active=bool(getattr(person, "is_active", True)),
        level_unranked=bool(getattr(person, "level_unranked", False)),
    )


def rules_from_cohort(cohort: EligibilitySettings) -> CohortRules:
    """The rules of a `programs.Cohort` (reads attributes only)."""
    return CohortRules(
        mentor_max_career_level=cohort.mentor_max_career_level,
        mentor_max_tenure_years=cohort.mentor_max_tenure_years,
        mentor_allow_alumni=cohort.mentor_allow_alumni,
        mentor_allow_external=cohort.mentor_allow_external,
        mentee_min_career_level=cohort.mentee_min_career_level,
    )


def tenure_limit_date(hire_date: datetime.date, years: int) -> datetime.date:
    """The last day on which someone hired on `hire_date` has at most `years` of tenure
    (29 February becomes 28 February in years without it)."""
    year = hire_date.year + years
    if year > datetime.MAXYEAR:  # a hire date stored before dates were range-checked
        return datetime.date.max
    try:
        return hire_date.replace(year=year)
    except ValueError:
        return hire_date.replace(year=year, day=28)


def _short_date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _mentor_problems(
    facts: PersonFacts, rules: CohortRules, today: datetime.date, *, for_coordinator: bool = False
) -> list[str]:
    if facts.kind == ALUMNUS:
        return [] if rules.mentor_allow_alumni else [_("Alumni cannot mentor in this cohort.")]
    if facts.kind == EXTERNAL:
        if rules.mentor_allow_external:
            return []
        return [_("People from outside the organisation cannot mentor in this cohort.")]
    problems: list[str] = []
    max_level = rules.mentor_max_career_level
    if max_level is not None:
        if facts.career_level is None and facts.level_unranked:
            problems.append(
                (
                    _(
                        "Mentors in this cohort are at most at career level %(max)s, but career "
                        "levels are not yet ranked: order them on the Career levels page."
                    )
                    if for_coordinator
                    else _(
                        "Mentors in this cohort are at most at career level %(max)s, but career "
                        "levels are not yet ranked: ask the coordinator to order them on the "
                        "Career levels page."
                    )
                )
                % {"max": max_level}
            )
        elif facts.career_level is None:
            problems.append(
                (
                    _(
                        "Mentors in this cohort are at most at career level %(max)s, but this "
                        "person's career level is not recorded in the directory."
                    )
                    if for_coordinator
                    else _(
                        "Mentors in this cohort are at most at career level %(max)s, but your "
                        "career level is not recorded in the directory. Please ask your "
                        "coordinator to complete your entry."
                    )
                )
                % {"max": max_level}
            )
        elif facts.career_level > max_level:
            problems.append(
                (
                    _(
                        "Mentors in this cohort are at most at career level %(max)s; "
                        "this person's level is %(level)s."
                    )
                    if for_coordinator
                    else _(
                        "Mentors in this cohort are at most at career level %(max)s; "
                        "your level is %(level)s."
                    )
                )
                % {"max": max_level, "level": facts.career_level}
            )
    max_years = rules.mentor_max_tenure_years
    if max_years is not None:
        if facts.hire_date is None and for_coordinator:
            problems.append(
                ngettext(
                    "Mentors may have at most %(years)s year of tenure, but this person's hire "
                    "date is not recorded in the directory.",
                    "Mentors may have at most %(years)s years of tenure, but this person's hire "
                    "date is not recorded in the directory.",
                    max_years,
                )
                % {"years": max_years}
            )
        elif facts.hire_date is None:
            problems.append(
                ngettext(
                    "Mentors may have at most %(years)s year of tenure, but your hire date is not "
                    "recorded in the directory. Please ask your coordinator to complete your "
                    "entry.",
                    "Mentors may have at most %(years)s years of tenure, but your hire date is not "
                    "recorded in the directory. Please ask your coordinator to complete your "
                    "entry.",
                    max_years,
                )
                % {"years": max_years}
            )
        elif today > tenure_limit_date(facts.hire_date, max_years):
            problems.append(
                (
                    ngettext(
                        "Mentors may have at most %(years)s year of tenure; this person joined on "
                        "%(date)s.",
                        "Mentors may have at most %(years)s years of tenure; this person joined on "
                        "%(date)s.",
                        max_years,
                    )
                    if for_coordinator
                    else ngettext(
                        "Mentors may have at most %(years)s year of tenure; you joined on "
                        "%(date)s.",
                        "Mentors may have at most %(years)s years of tenure; you joined on "
                        "%(date)s.",
                        max_years,
                    )
                )
                % {"years": max_years, "date": _short_date(facts.hire_date)}
            )
    return problems


def _mentee_problems(
    facts: PersonFacts, rules: CohortRules, *, for_coordinator: bool = False
) -> list[str]:
    min_level = rules.mentee_min_career_level
    if min_level is None:
        return []
    if facts.career_level is None and facts.level_unranked:
        return [
            (
                _(
                    "Mentees start at career level %(min)s, but career levels are not yet ranked: "
                    "order them on the Career levels page."
                )
                if for_coordinator
                else _(
                    "Mentees start at career level %(min)s, but career levels are not yet ranked: "
                    "ask the coordinator to order them on the Career levels page."
                )
            )
            % {"min": min_level}
        ]
    if facts.career_level is None:
        return [
            (
                _(
                    "Mentees start at career level %(min)s, but this person's career level is not "
                    "recorded in the directory."
                )
                if for_coordinator
                else _(
                    "Mentees start at career level %(min)s, but your career level is not recorded "
                    "in the directory. Please ask your coordinator to complete your entry."
                )
            )
            % {"min": min_level}
        ]
    if facts.career_level < min_level:
        return [
            (
                _("Mentees start at career level %(min)s; this person's level is %(level)s.")
                if for_coordinator
                else _("Mentees start at career level %(min)s; your level is %(level)s.")
            )
            % {"min": min_level, "level": facts.career_level}
        ]
    return []


def _single_role_problems(
    role: str,
    facts: PersonFacts,
    rules: CohortRules,
    today: datetime.date,
    *,
    for_coordinator: bool = False,
) -> list[str]:
    if role == MENTOR:
        return _mentor_problems(facts, rules, today, for_coordinator=for_coordinator)
    return _mentee_problems(facts, rules, for_coordinator=for_coordinator)


def role_problems(
    *,
    role: str,
    person_facts: PersonFacts,
    rules: CohortRules,
    today: datetime.date,
    for_coordinator: bool = False,
) -> list[str]:
    """Why the person cannot take `role` in a cohort with these rules; empty when they can.

    For "either", the answer is empty when at least one of the two roles is possible; otherwise it
    holds the reasons for both. The texts speak to the person ("your level is 3"), or with
    `for_coordinator` about them ("this person's level is 3").
    """
    if role not in (*SINGLE_ROLES, EITHER):
        return [_("Choose whether you want to take part as mentor, mentee or either.")]
    if not person_facts.is_active:
        return [
            _(
                "Your entry in the organisation's directory is marked as inactive, so you cannot "
                "enrol. Please contact your coordinator if this is a mistake."
            )
        ]
    if role != EITHER:
        return _single_role_problems(
            role, person_facts, rules, today, for_coordinator=for_coordinator
        )
    per_role = [
        _single_role_problems(r, person_facts, rules, today, for_coordinator=for_coordinator)
        for r in SINGLE_ROLES
    ]
    if any(not problems for problems in per_role):
        return []
    return [message for problems in per_role for message in problems]


def possible_roles(
    *, person_facts: PersonFacts, rules: CohortRules, today: datetime.date
) -> list[str]:
    """The roles (mentor, mentee, either) the person may choose, in this order."""
    single = [
        role
        for role in SINGLE_ROLES
        if not role_problems(role=role, person_facts=person_facts, rules=rules, today=today)
    ]
    return [*single, EITHER] if single else []


def role_explanations(
    *, person_facts: PersonFacts, rules: CohortRules, today: datetime.date
) -> dict[str, list[str]]:
    """Every role with the reasons it is not possible (an empty list: possible)."""
    return {
        role: role_problems(role=role, person_facts=person_facts, rules=rules, today=today)
        for role in (*SINGLE_ROLES, EITHER)
    }


def effective_roles(role: str) -> Iterable[str]:
    """The single roles a chosen role stands for ("either" → mentor and mentee)."""
    return SINGLE_ROLES if role == EITHER else (role,)
