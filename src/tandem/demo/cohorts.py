"""The demo program: a running pilot cohort and a second cohort open for enrolment.

Everything goes through the real services (invitations, enrolments, phase steps), so the demo
shows an audit trail and data exactly as a coordinator would produce them. Dates are relative to
today so that the pilot is always running and the second cohort always upcoming.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import User
from django.utils import timezone, translation

from tandem.demo.clock import DemoClock, at, demo_history
from tandem.demo.pilot_life import DAY, pilot_tandems_live
from tandem.enrolment.choices import AVAILABILITY_SLOTS
from tandem.enrolment.enrolling.services import enrolment_create
from tandem.enrolment.invitations.services import invitation_decline, invitations_send
from tandem.enrolment.models import Enrolment
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.people.models import Person
from tandem.programs.charters.services import charter_publish, default_charter_texts
from tandem.programs.cohorts.services import (
    cohort_create,
    cohort_open_enrolment,
    cohort_start,
    cohort_start_matching,
    program_create,
)
from tandem.programs.events.services import cohort_propose_events, event_update
from tandem.programs.models import Charter, Cohort, Program
from tandem.topics.models import Topic

PROGRAM_NAME = "Digitale Tandems"
PILOT_NAME = "Pilotdurchgang"
SECOND_NAME = "Zweiter Durchgang"
PURPOSE = (
    "Junge Kolleginnen und Kollegen zeigen Führungskräften, wie digitale Werkzeuge den Alltag "
    "verändern – von KI-Assistenten bis zur Automatisierung. Im Gegenzug teilen die "
    "Führungskräfte ihre Erfahrung in Führung, Verhandlung und Strategie."
)
FOCUS = ["generative-ai", "workflow-automation", "social-intranet", "leading-younger-generations"]
DIGITAL = [
    "generative-ai",
    "workflow-automation",
    "linkedin-profile",
    "excel-formulas",
    "data-visualisation",
    "social-intranet",
    "slack-teams",
    "hybrid-work",
    "chatbots",
    "leading-younger-generations",
    "video-tutorials",
    "seo",
]
GIVE_BACK = [
    "leadership",
    "negotiation",
    "strategy",
    "stakeholder-management",
    "career-planning",
    "networking",
    "board-presentations",
]
INTERESTS = [
    "Bergwandern",
    "Fotografie",
    "Rennrad",
    "Jazz",
    "Kochen",
    "Schach",
    "Podcasts",
    "Gärtnern",
    "Fußball",
    "Bouldern",
    "Segeln",
    "Brettspiele",
]
TEACHING_PROFILES = [
    "Ich erkläre Schritt für Schritt am eigenen Bildschirm und lasse selbst ausprobieren.",
    "Ich bin geduldig, wenn etwas beim dritten Mal noch nicht klappt, und frage nach Beispielen "
    "aus dem Arbeitsalltag.",
    "Ich zeige lieber als ich erkläre – und schreibe danach eine kurze Anleitung.",
]


@dataclass(frozen=True)
class DemoProgram:
    program: Program
    pilot: Cohort
    second: Cohort


def _topics(codes: list[str]) -> dict[str, Topic]:
    return {t.code: t for t in Topic.objects.filter(code__in=codes)}


# The demo mentor and mentee share this slot, so that they can be a tandem in the pilot.
SHARED_SLOT = "tue-midday"


def _answers(
    person: Person, rng: random.Random, cohort_languages: list[str], slot: str | None = None
) -> dict:
    slots = set(rng.sample(AVAILABILITY_SLOTS, rng.randint(3, 6)))
    if slot:
        slots.add(slot)
    return {
        "motivation": "Ich möchte voneinander lernen und neue Perspektiven gewinnen.",
        "goals": "Nach sechs Treffen kann ich das Gelernte selbstständig im Alltag anwenden.",
        "availability": sorted(slots),
        "languages": [code for code in person.languages if code in cohort_languages] or ["de"],
        "location": person.location,
        "interests": ", ".join(rng.sample(INTERESTS, 2)),
    }


def _enrol_mentee(
    cohort, person, actor, rng, topics, learn: list[str], charter_version: int, slot=None
):
    gives = rng.sample(GIVE_BACK, 2)
    return enrolment_create(
        cohort=cohort,
        person=person,
        actor=actor,
        role="mentee",
        consent_charter_version=charter_version,
        needs=[(topics[c], rng.randint(1, 2), rng.randint(4, 5)) for c in learn],
        give_back=[(topics[c], "offer") for c in gives],
        questions="Wie setze ich das in meinem Bereich sinnvoll ein, ohne mich zu verzetteln?",
        role_model_consent=rng.random() < 0.6,
        **_answers(person, rng, cohort.languages, slot),
    )


def _enrol_mentor(
    cohort, person, actor, rng, topics, teach: list[str], charter_version: int, slot=None
):
    wishes = rng.sample(GIVE_BACK, 2)
    return enrolment_create(
        cohort=cohort,
        person=person,
        actor=actor,
        role="mentor",
        consent_charter_version=charter_version,
        offers=[(topics[c], rng.randint(5, 7)) for c in teach],
        give_back=[(topics[c], "wish") for c in wishes],
        teaching_profile=rng.choice(TEACHING_PROFILES),
        wants_didactics_training=rng.random() < 0.7,
        **_answers(person, rng, cohort.languages, slot),
    )


def _prepare_cohort(*, program, name, starts_on, ends_on, actor, pilot: bool) -> Cohort:
    cohort = cohort_create(
        program=program,
        actor=actor,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        is_pilot=pilot,
        pilot_max_tandems=8 if pilot else None,
        coordinator=actor,
        languages=["de", "en"],
        mentor_max_career_level=2,
        mentee_min_career_level=4,
        # The pilot meets every two weeks: six weeks in, a pair quiet since its first meeting
        # shows as stalled in the coordinator's overview (R23's "a tandem going quiet").
        cadence="biweekly" if pilot else "monthly",
    )
    confidentiality, data_processing = default_charter_texts()
    charter_publish(
        cohort=cohort,
        confidentiality_text=confidentiality,
        data_processing_text=data_processing,
        actor=actor,
    )
    cohort_open_enrolment(cohort=cohort, actor=actor)
    for index, event in enumerate(cohort_propose_events(cohort=cohort, actor=actor)):
        if index == 1:
            event_update(event=event, actor=actor, video_url="https://meet.example/tandem-halbzeit")
        else:
            event_update(event=event, actor=actor, place="Hauptverwaltung München, Raum Isar")
    return cohort


def _form_pilot_tandems(
    pilot: Cohort, *, actor, mentor: Person, mentee: Person, clock: DemoClock, today
) -> None:
    """The pilot's tandems, made as a coordinator and the partners would: the demo mentor and
    mentee paired by hand (so both demo logins see their tandem), matching for everyone else,
    publish; every partner accepts the next day, and confirms three days later (the demo pair
    after a virtual coffee)."""
    from tandem.matching.proposals.publish import matching_publish
    from tandem.matching.proposals.services import (
        tandem_accept,
        tandem_coffee_set,
        tandem_confirm,
    )
    from tandem.matching.review.services import proposal_create
    from tandem.matching.runs.services import matching_run

    proposal_create(
        cohort=pilot,
        mentee=Enrolment.objects.get(cohort=pilot, person=mentee),
        mentor=Enrolment.objects.get(cohort=pilot, person=mentor),
        actor=actor,
    )
    matching_run(cohort=pilot, actor=actor)
    published = matching_publish(cohort=pilot, actor=actor)
    clock.set(at(today - 59 * DAY, 10))
    for tandem in published:
        tandem_accept(tandem=tandem, enrolment=tandem.mentee, actor=None)
        tandem_accept(tandem=tandem, enrolment=tandem.mentor, actor=None)
        if tandem.mentee.person_id == mentee.pk:
            tandem_coffee_set(
                tandem=tandem,
                enrolment=tandem.mentor,
                at=at(today - 57 * DAY, 15),
                place="https://meet.example/kaffee-tandem",
                actor=None,
            )
    clock.set(at(today - 56 * DAY, 9))
    for tandem in published:
        tandem_confirm(tandem=tandem, enrolment=tandem.mentee, actor=None)
        tandem_confirm(tandem=tandem, enrolment=tandem.mentor, actor=None)


def _people(level_from: int, level_to: int, *, exclude: set[int], count: int, rng) -> list[Person]:
    pool = list(
        Person.objects.filter(
            is_active=True,
            kind="employee",
            career_level__gte=level_from,
            career_level__lte=level_to,
        )
        .exclude(pk__in=exclude)
        .order_by("employee_id")
    )
    return rng.sample(pool, min(count, len(pool)))


def demo_program_load(
    *, actor: User, mentor: Person, mentee: Person, seed: int = 2026
) -> DemoProgram:
    """Create the demo program once; later runs find it and change nothing.

    Coordinator steps are done by `actor`; enrolments and the withdrawal by the participants
    themselves, who have no accounts yet (actor None: recorded as "system"). The pilot's tandems
    are played through their first six weeks (`demo/pilot_life.py`).
    """
    existing = Program.objects.filter(name=PROGRAM_NAME).first()
    if existing is not None:
        return DemoProgram(
            existing,
            existing.cohorts.get(name=PILOT_NAME),
            existing.cohorts.get(name=SECOND_NAME),
        )
    rng = random.Random(seed)
    topics = _topics(DIGITAL + GIVE_BACK)
    today = timezone.localdate()
    pilot_start = today - 45 * DAY

    # The pilot (R6): eight pairs, three months, running for six weeks. It is played on the days
    # it happened (see demo/clock.py): set up ten weeks ago, matched eight, started six weeks ago.
    with demo_history(at(today - 75 * DAY, 9)) as clock:
        program = program_create(
            actor=actor, name=PROGRAM_NAME, purpose=PURPOSE, focus_topics=[topics[c] for c in FOCUS]
        )
        pilot = _prepare_cohort(
            program=program,
            name=PILOT_NAME,
            starts_on=pilot_start,
            ends_on=pilot_start + 91 * DAY,
            actor=actor,
            pilot=True,
        )
        leaders = [mentee, *_people(4, 6, exclude={mentee.pk}, count=7, rng=rng)]
        juniors = [mentor, *_people(1, 1, exclude={mentor.pk}, count=8, rng=rng)]
        invitations_send(cohort=pilot, people=leaders + juniors, actor=actor)
        version = cast(Charter, pilot.charters.order_by("-version").first()).version  # one exists
        for index, person in enumerate(leaders):
            clock.set(at(today - 72 * DAY, 8) + index * datetime.timedelta(hours=3))
            slot = SHARED_SLOT if person == mentee else None
            _enrol_mentee(pilot, person, None, rng, topics, rng.sample(DIGITAL, 2), version, slot)
        for index, person in enumerate(juniors[:-1]):
            clock.set(at(today - 70 * DAY, 8) + index * datetime.timedelta(hours=3))
            slot = SHARED_SLOT if person == mentor else None
            _enrol_mentor(pilot, person, None, rng, topics, rng.sample(DIGITAL, 3), version, slot)
        clock.set(at(today - 66 * DAY, 11))
        invitation_decline(invitation=pilot.invitations.get(person=juniors[-1]))
        clock.set(at(today - 60 * DAY, 9))
        cohort_start_matching(cohort=pilot, actor=actor)
        _form_pilot_tandems(
            pilot, actor=actor, mentor=mentor, mentee=mentee, clock=clock, today=today
        )
        clock.set(at(pilot_start, 8))
        cohort_start(cohort=pilot, actor=actor)
        with translation.override("de"):
            pilot_tandems_live(
                cohort=pilot, mentor_email=mentor.email, clock=clock, today=today, seed=seed
            )

    # The second round: leaders first, then juniors; enrolment is open.
    second_start = today + 45 * DAY
    second = _prepare_cohort(
        program=program,
        name=SECOND_NAME,
        starts_on=second_start,
        ends_on=second_start + 182 * DAY,
        actor=actor,
        pilot=False,
    )
    taken = {p.pk for p in leaders + juniors}
    leaders2 = _people(4, 6, exclude=taken, count=14, rng=rng)
    juniors2 = _people(1, 1, exclude=taken, count=14, rng=rng)
    invitations_send(cohort=second, people=leaders2, actor=actor)
    invitations_send(cohort=second, people=[*juniors2, mentor, mentee], actor=actor)
    version = cast(Charter, second.charters.order_by("-version").first()).version  # one exists
    # Generative AI is wanted by many and taught by many; data visualisation has no mentor yet.
    for index, person in enumerate(leaders2[:9]):
        learn = ["generative-ai", "data-visualisation" if index < 5 else "linkedin-profile"]
        _enrol_mentee(second, person, None, rng, topics, learn, version)
    for index, person in enumerate(juniors2[:8]):
        teach = ["generative-ai", "workflow-automation" if index < 5 else "slack-teams"]
        _enrol_mentor(second, person, None, rng, topics, teach, version)
    for person in (leaders2[9], juniors2[8], juniors2[9]):
        invitation_decline(invitation=second.invitations.get(person=person))
    withdrawing = Enrolment.objects.get(cohort=second, person=juniors2[7])
    enrolment_withdraw(enrolment=withdrawing, actor=None, reason="Projektphase, leider keine Zeit.")
    return DemoProgram(program, pilot, second)
