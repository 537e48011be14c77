"""Factories for the invitation tests: invitations and minimal enrolments."""

from __future__ import annotations

import secrets

import factory

from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus, Role
from tandem.enrolment.models import Enrolment, Invitation
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory


class OpenCohortFactory(CohortFactory):
    """A cohort whose enrolment is open: invitations can be sent."""

    phase = Phase.ENROLMENT_OPEN


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    cohort = factory.SubFactory(OpenCohortFactory)
    person = factory.SubFactory(PersonFactory)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    status = InvitationStatus.SENT


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An active enrolment with the minimum of answers (the enrolment form fills the rest)."""

    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(OpenCohortFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.MENTEE
    status = EnrolmentStatus.ACTIVE
