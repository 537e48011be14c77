"""Helpers of the answer tests (`matching/proposals/tests/`) and of the partner pages' tests: a
published proposal of Marlene (mentee) and Jonas (mentor), the answers through the services, and
the mails of one person."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tandem.enrolment.models import Enrolment
from tandem.matching.proposals.services import tandem_accept
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.tests.factories import TandemFactory

COORDINATOR_EMAIL = "clara.coordinator@example.com"


def publish(cohort: Cohort, mentee: Enrolment, mentor: Enrolment, **fields: Any) -> Tandem:
    """A proposal of the pair as the coordinator's publishing leaves it."""
    fields.setdefault("status", TandemStatus.PUBLISHED)
    fields.setdefault("published_at", timezone.now())
    return TandemFactory.create(cohort=cohort, mentee=mentee, mentor=mentor, **fields)


def accept_both(tandem: Tandem, capture=None) -> Tandem:
    for partner in (tandem.mentor, tandem.mentee):
        tandem_accept(tandem=tandem, enrolment=partner, actor=None)
    tandem.refresh_from_db()
    return tandem


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def english_cohort(matching_cohort):
    """The shared matching cohort, written to in English (its first language)."""
    matching_cohort.cohort.languages = ["en", "de"]
    matching_cohort.cohort.save(update_fields=["languages"])
    return matching_cohort


@pytest.fixture
def proposal(english_cohort) -> Tandem:
    """Marlene (mentee) and Jonas (mentor), proposed to both and not answered yet."""
    return publish(english_cohort.cohort, english_cohort.mentee, english_cohort.mentor)


def rich_pair(coordinator, mentee_person, mentor_person) -> Tandem:
    """A published proposal with answers on every reason the pages show.

    Marlene (mentee) wants AI assistants (now 3, target 7), Excel formulas (now 2, target 4) and
    SEO (now 1, target 3); Jonas teaches AI at 8 and Excel at 5, not SEO. Marlene offers
    leadership and negotiation; Jonas wishes leadership and strategy. They share jazz and cooking,
    Tuesday midday, German, and meeting online; they work in different units.
    """
    from tandem.enrolment.choices import GiveBackDirection, Role
    from tandem.enrolment.tests.factories import enrol, give_back_topic, learn_topic
    from tandem.people.tests.factories import OrgUnitFactory
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator=coordinator, languages=["en", "de"])
    ai = learn_topic(name_de="KI-Assistenten", name_en="AI assistants")
    excel = learn_topic(name_de="Excel-Formeln", name_en="Excel formulas")
    seo = learn_topic(name_de="Suchmaschinenoptimierung", name_en="Search engine optimisation")
    lead = give_back_topic(name_de="Führung", name_en="Leadership")
    negotiation = give_back_topic(name_de="Verhandlung", name_en="Negotiation")
    strategy = give_back_topic(name_de="Strategie", name_en="Strategy")
    for person in (mentee_person, mentor_person):
        person.org_unit = OrgUnitFactory()
        person.save(update_fields=["org_unit"])
    mentee = enrol(
        cohort,
        mentee_person,
        role=Role.MENTEE,
        needs=[(ai, 3, 7), (excel, 2, 4), (seo, 1, 3)],
        give_back=[(lead, GiveBackDirection.OFFER), (negotiation, GiveBackDirection.OFFER)],
        interests="Jazz, Bergwandern; Kochen",
        availability=["tue-midday", "thu-morning"],
        languages=["de", "en"],
        prefers_in_person=False,
        prefers_hybrid=False,
    )
    mentor = enrol(
        cohort,
        mentor_person,
        role=Role.MENTOR,
        offers=[(ai, 8), (excel, 5)],
        give_back=[(lead, GiveBackDirection.WISH), (strategy, GiveBackDirection.WISH)],
        interests="jazz / Kochen, Fußball",
        availability=["tue-midday", "fri-evening"],
        languages=["de"],
        teaching_profile="Mit Beispielen aus dem Alltag.",
    )
    cohort.phase = Phase.MATCHING
    cohort.save(update_fields=["phase"])
    return publish(cohort, mentee, mentor)
