"""Shared factories of the programs app (programs, cohorts, charters)."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from tandem.programs.choices import Phase
from tandem.programs.cohort_defaults import add_months
from tandem.programs.models import Charter, Cohort, Program


def _start() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=30)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Program {n}")
    purpose = "Juniors mentor seniors on digital topics."


class CohortFactory(factory.django.DjangoModelFactory):
    """A draft cohort starting in 30 days and running six months; no coordinator yet."""

    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Round {n}")
    phase = Phase.DRAFT
    starts_on = factory.LazyFunction(_start)
    ends_on = factory.LazyAttribute(lambda o: add_months(o.starts_on, 6))
    coordinator = None
    languages = factory.LazyFunction(lambda: ["de", "en"])
    pilot_max_tandems = factory.LazyAttribute(lambda o: 5 if o.is_pilot else None)
    is_pilot = False


class CharterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Charter

    cohort = factory.SubFactory(CohortFactory)
    version = factory.LazyAttribute(
        lambda o: (
            (o.cohort.charters.order_by("-version").values_list("version", flat=True).first() or 0)
            + 1
        )
    )
    confidentiality_text = "What is said in the tandem stays in the tandem."
    data_processing_text = "We store your profile for matching and delete it after the round."
