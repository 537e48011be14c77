"""Programs asks enrolment who belongs to a cohort (programs/cohorts/membership.py) instead of
reading enrolment's tables through reverse relations (issue 9: no reads up the layers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.cohorts import membership
from tandem.programs.tests.factories import CohortFactory

PROGRAMS = Path(__file__).resolve().parents[1]
# Reverse relations that lead from programs' models to the apps above it.
UPWARD = re.compile(r"\bcohorts?\.(enrolments|invitations|tandems|matching_runs)\b")


def test_programs_code_reads_no_table_of_an_app_above_it():
    offenders = [
        f"{path.relative_to(PROGRAMS)}:{number}"
        for path in PROGRAMS.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if UPWARD.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


@pytest.mark.django_db
def test_enrolment_answers_who_is_enrolled_and_who_is_invited():
    cohort, person, stranger = CohortFactory(), PersonFactory(), PersonFactory()
    asked = membership.cohort_membership()
    assert not asked.is_enrolled(cohort=cohort, person=person)
    InvitationFactory(cohort=cohort, person=person)
    assert asked.is_invited(cohort=cohort, person=person)
    assert not asked.is_invited(cohort=cohort, person=stranger)
    EnrolmentFactory(cohort=cohort, person=person)
    assert asked.is_enrolled(cohort=cohort, person=person)
    assert asked.lock_enrolled(cohort=cohort, person=person)
    assert not asked.lock_enrolled(cohort=cohort, person=stranger)


def test_a_missing_registration_is_a_configuration_error(monkeypatch):
    monkeypatch.setattr(membership, "_registered", [])
    with pytest.raises(ImproperlyConfigured, match="enrolment app"):
        membership.cohort_membership()
