"""The invitation summary counts only invited people who are enrolled now."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tandem.enrolment.invitations.selectors import invitation_counts
from tandem.enrolment.models import Enrolment, Invitation
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def invite(cohort: Cohort, status: str, enrolment_status: str | None = None) -> Invitation:
    person = PersonFactory.create()
    if enrolment_status:
        Enrolment.objects.create(
            cohort=cohort,
            person=person,
            role="mentee",
            status=enrolment_status,
            withdrawn_at=timezone.now() if enrolment_status == "withdrawn" else None,
        )
    return Invitation.objects.create(
        cohort=cohort, person=person, token=f"tok-{person.pk}", status=status
    )


def test_an_invited_person_who_withdrew_is_not_counted_as_enrolled():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    invite(cohort, "accepted", "active")
    invite(cohort, "accepted", "withdrawn")
    invite(cohort, "sent")
    invite(cohort, "declined")
    counts = invitation_counts(cohort=cohort)
    assert (counts["total"], counts["pending"], counts["accepted"], counts["declined"]) == (
        4,
        1,
        1,
        1,
    )


def test_enrolments_in_other_cohorts_do_not_inflate_the_counts():
    cohort, other = CohortFactory(phase=Phase.ENROLMENT_OPEN), CohortFactory()
    invitation = invite(cohort, "accepted", "active")
    Enrolment.objects.create(cohort=other, person=invitation.person, role="mentor")
    counts = invitation_counts(cohort=cohort)
    assert (counts["total"], counts["accepted"]) == (1, 1)
