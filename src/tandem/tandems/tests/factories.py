"""Shared factories of the tandems app."""

from __future__ import annotations

import uuid

import factory
from django.utils import timezone

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus


class TandemFactory(factory.django.DjangoModelFactory[Tandem]):
    """A proposed tandem of a mentor and a mentee, both enrolled in one cohort in matching.

    Traits: ``published``, ``confirmed`` (formed), ``dissolved``, ``ended``. Pass ``cohort=`` to
    place it in a given cohort, or ``mentor=``/``mentee=`` to reuse enrolments (a mentor may have
    several tandems).
    """

    class Meta:
        model = Tandem

    class Params:
        published = factory.Trait(status=TandemStatus.PUBLISHED)
        confirmed = factory.Trait(
            status=TandemStatus.CONFIRMED,
            mentor_answer=PartnerAnswer.ACCEPTED,
            mentee_answer=PartnerAnswer.ACCEPTED,
            mentor_confirmed_at=factory.LazyFunction(timezone.now),
            mentee_confirmed_at=factory.LazyFunction(timezone.now),
            confirmed_at=factory.LazyFunction(timezone.now),
            formed_key=factory.LazyFunction(uuid.uuid4),
        )
        dissolved = factory.Trait(
            status=TandemStatus.DISSOLVED, ended_at=factory.LazyFunction(timezone.now)
        )
        ended = factory.Trait(
            status=TandemStatus.ENDED,
            confirmed_at=factory.LazyFunction(timezone.now),
            formed_key=factory.LazyFunction(uuid.uuid4),
            ended_at=factory.LazyFunction(timezone.now),
        )

    cohort = factory.SubFactory(CohortFactory, phase=Phase.MATCHING)
    mentor = factory.SubFactory(
        EnrolmentFactory, cohort=factory.SelfAttribute("..cohort"), role=Role.MENTOR
    )
    mentee = factory.SubFactory(
        EnrolmentFactory, cohort=factory.SelfAttribute("..cohort"), role=Role.MENTEE
    )
    status = TandemStatus.PROPOSED
