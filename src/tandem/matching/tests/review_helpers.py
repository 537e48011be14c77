"""Helpers of the review tests: more people in the matching cohort, and the URLs of the page."""

from __future__ import annotations

from tandem.enrolment.tests.factories_enrolment import enrol
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase


def enrol_late(cohort, person=None, *, role="mentee", **answers):
    """Enrol someone into a cohort that is already in matching (via a short step back)."""
    phase = cohort.phase
    cohort.phase = Phase.ENROLMENT_OPEN
    cohort.save(update_fields=["phase"])
    if person is None:
        person = PersonFactory(career_level=1 if role == "mentor" else 5)
    enrolment = enrol(cohort, person, role=role, **answers)
    cohort.phase = phase
    cohort.save(update_fields=["phase"])
    return enrolment


def second_mentor(ns, **answers):
    """Another mentor who teaches the cohort's topic (a feasible partner for every mentee)."""
    answers.setdefault("offers", [(ns.topic, 6)])
    return enrol_late(ns.cohort, role="mentor", **answers)


def second_mentee(ns, **answers):
    """Another mentee who wants to learn the cohort's topic, further than Jonas teaches it (so
    that Marlene is the better fit for Jonas)."""
    answers.setdefault("needs", [(ns.topic, 1, 8)])
    return enrol_late(ns.cohort, role="mentee", **answers)


def set_phase(cohort, phase):
    cohort.phase = phase
    cohort.save(update_fields=["phase"])
