"""Helpers of the cohort tests: cohorts in a given state and enrolments in them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.utils import timezone

from tandem.enrolment.models import Enrolment
from tandem.people.tests.factories import PersonFactory, UserFactory
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.programs.tests.factories import CharterFactory, CohortFactory


def coordinator_user(email: str = "kai.koordinator@example.com"):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name="coordinator"))
    return user


def enrol(cohort: Cohort, role: str = "mentor", *, person=None, withdrawn: bool = False):
    person = person or PersonFactory()
    return Enrolment.objects.create(
        cohort=cohort,
        person=person,
        role=role,
        status="withdrawn" if withdrawn else "active",
        withdrawn_at=timezone.now() if withdrawn else None,
    )


def ready_cohort(*, phase: str = Phase.DRAFT, coordinator=None, **fields) -> Cohort:
    """A cohort with a named coordinator and a charter: ready to open enrolment."""
    cohort = CohortFactory(phase=phase, coordinator=coordinator or coordinator_user(), **fields)
    CharterFactory(cohort=cohort)
    return cohort
