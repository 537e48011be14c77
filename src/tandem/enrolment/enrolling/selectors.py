"""Reads around enrolling: current charter, consent, one's enrolments, open cohorts, eligibility."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.eligibility import (
    facts_from_person,
    role_explanations,
    rules_from_cohort,
)
from tandem.enrolment.models import (
    ConsentRecord,
    Enrolment,
    GiveBackTopic,
    LearningNeed,
    TeachingOffer,
)
from tandem.people.models import Person
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_current_charter  # one definition, shared
from tandem.programs.models import Charter, Cohort


def consent_has_accepted(*, person: Person, charter: Charter) -> bool:
    return ConsentRecord.objects.filter(person=person, charter=charter).exists()


def consent_is_current(*, enrolment: Enrolment) -> bool:
    """Has the person accepted the latest charter version of the enrolment's cohort?

    True when the cohort has no charter at all (there is nothing to accept).
    """
    charter = cohort_current_charter(cohort=enrolment.cohort)
    if charter is None:
        return True
    return consent_has_accepted(person=enrolment.person, charter=charter)


def consent_records(*, person: Person, cohort: Cohort) -> QuerySet[ConsentRecord]:
    """Every acceptance of the person for this cohort, newest first (older versions are kept)."""
    return (
        ConsentRecord.objects.filter(person=person, charter__cohort=cohort)
        .select_related("charter")
        .order_by("-charter__version")
    )


def enrolment_for(*, cohort: Cohort, person: Person) -> Enrolment | None:
    return Enrolment.objects.filter(cohort=cohort, person=person).first()


def enrolment_with_answers(*, pk: int) -> Enrolment | None:
    """One enrolment with everything its pages show (topics in catalogue order)."""
    return (
        Enrolment.objects.select_related(
            "cohort__program", "cohort__coordinator", "person", "location"
        )
        .prefetch_related(
            Prefetch(
                "learning_needs",
                queryset=LearningNeed.objects.select_related("topic").order_by("topic__code"),
            ),
            Prefetch(
                "teaching_offers",
                queryset=TeachingOffer.objects.select_related("topic").order_by("topic__code"),
            ),
            Prefetch(
                "give_back_topics",
                queryset=GiveBackTopic.objects.select_related("topic").order_by("topic__code"),
            ),
            "cohort__sites",
        )
        .filter(pk=pk)
        .first()
    )


def person_enrolments(*, person: Person) -> QuerySet[Enrolment]:
    """The person's enrolments (withdrawn ones included), newest cohort first."""
    return (
        Enrolment.objects.filter(person=person)
        .select_related("cohort__program")
        .order_by("-cohort__starts_on", "cohort__name")
    )


def cohorts_open_for(*, person: Person) -> QuerySet[Cohort]:
    """Cohorts in enrolment that the person is not actively enrolled in (withdrawn ones may
    enrol again)."""
    active = Enrolment.objects.filter(person=person, status=EnrolmentStatus.ACTIVE).values(
        "cohort_id"
    )
    return (
        Cohort.objects.filter(phase=Phase.ENROLMENT_OPEN, program__is_active=True)
        .exclude(pk__in=active)
        .select_related("program", "coordinator")
        .order_by("starts_on", "name")
    )


def enrolment_role_explanations(
    *, cohort: Cohort, person: Person, today: datetime.date | None = None
) -> dict[str, list[str]]:
    """For each role (mentor, mentee, either) the reasons it is not possible; [] = possible."""
    return role_explanations(
        person_facts=facts_from_person(person),
        rules=rules_from_cohort(cohort),
        today=today or timezone.localdate(),
    )
