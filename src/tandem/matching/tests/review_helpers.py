"""Helpers of the review tests: more people in the matching cohort, and the URLs of the page."""

from __future__ import annotations

from tandem.enrolment.tests.factories import enrol_late


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
