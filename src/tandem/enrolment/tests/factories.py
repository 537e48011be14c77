"""Test factories of the enrolment app: enrolments, needs, offers, consents, invitations; `enrol`
(the one way to enrol someone through the service), `enrol_late`, valid answers and form data.

`EnrolmentFactory` writes the row directly (any cohort phase; `withdrawn=True` for a withdrawn
one); `enrol` goes through `enrolment_create`, so the cohort must be open (see
`tandem.programs.tests.factories.cohort_in`) and the answers valid.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, InvitationStatus, Role
from tandem.enrolment.models import (
    ConsentRecord,
    Enrolment,
    Invitation,
    LearningNeed,
    TeachingOffer,
)
from tandem.people.models import Person
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.programs.tests.factories import CharterFactory, CohortFactory
from tandem.topics.models import Topic, TopicKind
from tandem.topics.tests.factories import TopicAreaFactory, TopicFactory


class EnrolmentFactory(factory.django.DjangoModelFactory[Enrolment]):
    """An active mentee enrolment in a cohort that is open for enrolment (no topics yet);
    `withdrawn=True` for one withdrawn now."""

    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory, phase=Phase.ENROLMENT_OPEN)
    person = factory.SubFactory(PersonFactory, career_level=5)
    role = Role.MENTEE
    status = EnrolmentStatus.ACTIVE
    motivation = "I want to understand how my team works with digital tools."
    availability = factory.LazyFunction(lambda: ["mon-morning", "wed-afternoon"])
    languages = factory.LazyFunction(lambda: ["de"])

    class Params:
        withdrawn = factory.Trait(
            status=EnrolmentStatus.WITHDRAWN, withdrawn_at=factory.LazyFunction(timezone.now)
        )


class LearningNeedFactory(factory.django.DjangoModelFactory[LearningNeed]):
    class Meta:
        model = LearningNeed

    enrolment = factory.SubFactory(EnrolmentFactory)
    topic = factory.SubFactory(TopicFactory)
    current_level = 2
    target_level = 4


class TeachingOfferFactory(factory.django.DjangoModelFactory[TeachingOffer]):
    class Meta:
        model = TeachingOffer

    enrolment = factory.SubFactory(EnrolmentFactory, role=Role.MENTOR)
    topic = factory.SubFactory(TopicFactory)
    level = 5


class ConsentRecordFactory(factory.django.DjangoModelFactory[ConsentRecord]):
    class Meta:
        model = ConsentRecord

    person = factory.SubFactory(PersonFactory)
    charter = factory.SubFactory(CharterFactory)


class InvitationFactory(factory.django.DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    cohort = factory.SubFactory(CohortFactory, phase=Phase.ENROLMENT_OPEN)
    person = factory.SubFactory(PersonFactory)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    status = InvitationStatus.SENT


def learn_topic(**kwargs: Any) -> Topic:
    return TopicFactory.create(**kwargs)


def give_back_topic(**kwargs: Any) -> Topic:
    area = TopicAreaFactory.create(
        code="test-give-back", kind=TopicKind.GIVE_BACK, name_de="Rückgabe", name_en="Give back"
    )
    return TopicFactory.create(area=area, **kwargs)


def answers_for(role: str, **overrides: Any) -> dict[str, Any]:
    """Valid service arguments for `role` (topics are created); override anything."""
    values: dict[str, Any] = {
        "role": role,
        "consent_charter_version": 1,
        "needs": [],
        "offers": [],
        "give_back": [],
        "motivation": "Curious.",
        "availability": ["tue-midday"],
        "languages": ["de"],
    }
    if role in (Role.MENTEE, Role.EITHER):
        values["needs"] = [(learn_topic(), 2, 5)]
        values["give_back"] = [(give_back_topic(), GiveBackDirection.OFFER)]
    if role in (Role.MENTOR, Role.EITHER):
        values["offers"] = [(learn_topic(), 6)]
        values["teaching_profile"] = "Step by step, with examples from daily work."
        values["give_back"] = [*values["give_back"], (give_back_topic(), GiveBackDirection.WISH)]
    values.update(overrides)
    return values


def enrol(
    cohort: Cohort,
    person: Person,
    actor: User | None = None,
    role: str = Role.MENTEE,
    **overrides: Any,
) -> Enrolment:
    """Enrol through the service with valid answers."""
    from tandem.enrolment.enrolling.services import enrolment_create

    return enrolment_create(
        cohort=cohort, person=person, actor=actor, **answers_for(role, **overrides)
    )


def form_data(
    *,
    role: str = Role.MENTEE,
    needs: Sequence[tuple[Topic, int, int]] = (),
    offers: Sequence[tuple[Topic, int]] = (),
    charter_version: int | None = 1,
    **fields: Any,
) -> dict[str, Any]:
    """POST data of the enrolment form (formset management data included)."""
    data: dict[str, Any] = {
        "role": role,
        "motivation": "I want to learn.",
        "availability": ["mon-morning", "thu-afternoon"],
        "prefers_online": "on",
        "languages": ["de"],
        "needs-TOTAL_FORMS": str(len(needs) + 1),
        "needs-INITIAL_FORMS": "0",
        "offers-TOTAL_FORMS": str(len(offers) + 1),
        "offers-INITIAL_FORMS": "0",
    }
    for index, (topic, current, target) in enumerate(needs):
        data[f"needs-{index}-topic"] = str(topic.pk)
        data[f"needs-{index}-current_level"] = str(current)
        data[f"needs-{index}-target_level"] = str(target)
    for index, (topic, level) in enumerate(offers):
        data[f"offers-{index}-topic"] = str(topic.pk)
        data[f"offers-{index}-level"] = str(level)
    if charter_version is not None:
        data["charter_version"] = str(charter_version)
        data["accept_charter"] = "on"
    data.update(fields)
    return data


def enrol_late(
    cohort: Cohort, person: Person | None = None, *, role: str = Role.MENTEE, **answers: Any
) -> Enrolment:
    """Enrol someone into a cohort that is already past enrolment (matching, running), through
    the service, by a short step back to "enrolment open". Without `person`, a new person of a
    fitting career level (1 for mentors, 5 otherwise)."""
    phase = cohort.phase
    cohort.phase = Phase.ENROLMENT_OPEN
    cohort.save(update_fields=["phase"])
    if person is None:
        person = PersonFactory.create(career_level=1 if role == Role.MENTOR else 5)
    enrolment = enrol(cohort, person, role=role, **answers)
    cohort.phase = phase
    cohort.save(update_fields=["phase"])
    return enrolment
