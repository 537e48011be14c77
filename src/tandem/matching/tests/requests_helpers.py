"""Helpers of the mentor-request tests (R16), on top of the `matching_cohort` persona fixture:
Marlene (mentee) and Jonas (mentor) are a feasible pair in a cohort in the matching phase."""

from __future__ import annotations

from django.core import mail

from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.requests.services import mentor_request_answer, mentor_request_send
from tandem.people.tests.factories import PersonFactory, UserFactory

GOALS = "I would like to use generative AI for my monthly reports."
OFFER = "A look behind the scenes of the sales division, and how budgets are made."


def allow_requests(cohort, *, approval: bool = False, languages=None):
    cohort.allow_self_directed = True
    cohort.self_directed_needs_approval = approval
    fields = ["allow_self_directed", "self_directed_needs_approval"]
    if languages is not None:
        cohort.languages = list(languages)
        fields.append("languages")
    cohort.save(update_fields=fields)
    return cohort


def another_mentor(m, first_name="Ada", **person_fields):
    """A second mentor who teaches the cohort's topic and fits Marlene as well as Jonas does."""
    person_fields.setdefault("career_level", 1)
    person = PersonFactory(first_name=first_name, last_name="Neumann", **person_fields)
    return enrol_late(m.cohort, person, role="mentor", offers=[(m.topic, 6)])


def another_mentee(m, first_name="Petra", **person_fields):
    person_fields.setdefault("career_level", 5)
    person = PersonFactory(first_name=first_name, last_name="Schmidt", **person_fields)
    return enrol_late(m.cohort, person, role="mentee", needs=[(m.topic, 2, 5)])


def user_of(enrolment):
    return UserFactory(email=enrolment.person.email)


def send(m, *, mentee=None, mentor=None, goals=GOALS, offer=OFFER, actor=None):
    mentee = mentee or m.mentee
    return mentor_request_send(
        cohort=m.cohort,
        mentee=mentee,
        mentor=mentor or m.mentor,
        goals=goals,
        offer=offer,
        actor=actor or user_of(mentee),
    )


def answer(request, *, accept: bool, actor=None):
    return mentor_request_answer(
        request=request, accept=accept, actor=actor or user_of(request.mentor)
    )


def mails_to(address: str):
    return [message for message in mail.outbox if address in message.to]
