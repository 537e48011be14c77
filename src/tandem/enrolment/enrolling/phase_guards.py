"""What a participant may do with their enrolment in each phase of the cohort (pure: no database).

| phase          | enrol | change answers                  | withdraw                          |
|----------------|-------|---------------------------------|-----------------------------------|
| draft          | no    | –                               | yes (leaves the pool)             |
| enrolment_open | yes   | everything                      | yes (leaves the pool)             |
| matching       | no    | soft answers only               | yes (coordinator is told)         |
| running        | no    | no                              | yes (tandem ends without blame)   |
| closing        | no    | no                              | yes (tandem ends without blame)   |
| closed         | no    | no                              | no (nothing left to withdraw from)|
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

DRAFT = "draft"
ENROLMENT_OPEN = "enrolment_open"
MATCHING = "matching"
RUNNING = "running"
CLOSING = "closing"
CLOSED = "closed"

CHANGE_ALL = "all"
CHANGE_SOFT = "soft"

# Phases after which a withdrawal concerns more than the pool: the coordinator is told.
PHASES_AFTER_MATCHING_STARTED = frozenset({MATCHING, RUNNING, CLOSING})


def enrol_phase_problem(*, phase: str, starts_on: datetime.date) -> str | None:
    """Why nobody can enrol in this phase, and when it is possible; None while enrolment is open."""
    if phase == ENROLMENT_OPEN:
        return None
    if phase == DRAFT:
        return _(
            "Enrolment for this cohort has not opened yet. The coordinator opens it some weeks "
            "before the start on %(date)s; you can enrol then."
        ) % {"date": date_format(starts_on, "DATE_FORMAT")}
    if phase == CLOSED:
        return _(
            "This cohort has ended. Look for a cohort that is open for enrolment on “My programs”."
        )
    return _(
        "Enrolment for this cohort has closed; the coordinator is now forming the tandems. Look "
        "for the next cohort on “My programs”, or ask the coordinator whether a late place is "
        "possible."
    )


def change_scope(*, phase: str) -> str | None:
    """What may change in this phase: everything, the soft answers only, or nothing (None)."""
    if phase == ENROLMENT_OPEN:
        return CHANGE_ALL
    if phase == MATCHING:
        return CHANGE_SOFT
    return None


def change_phase_problem(*, phase: str) -> str | None:
    """Why answers cannot be changed at all in this phase; None when at least some can."""
    if change_scope(phase=phase) is not None:
        return None
    if phase == DRAFT:
        return _("Enrolment for this cohort has not opened yet.")
    if phase == CLOSED:
        return _("This cohort has ended; your answers can no longer be changed.")
    return _(
        "The tandems of this cohort have been formed, so your answers can no longer be changed "
        "here. If something important has changed, please contact your coordinator."
    )


def soft_change_refusal() -> str:
    """The message for a change of role, topics, formats, languages or site during matching."""
    return _(
        "Matching is in progress, so your role, topics, give-back topics, formats, languages and "
        "site can no longer be changed here. You can still change your motivation, questions, "
        "goals, interests and availability. If something important has changed, please contact "
        "your coordinator."
    )


def withdraw_phase_problem(*, phase: str) -> str | None:
    """Why a withdrawal is not possible in this phase; None when it is (every phase until
    closed)."""
    if phase == CLOSED:
        return _("This cohort has already ended, so there is nothing left to withdraw from.")
    return None


def withdrawal_needs_coordinator(*, phase: str) -> bool:
    """After matching has started, a withdrawal affects a (planned) tandem: tell the coordinator."""
    return phase in PHASES_AFTER_MATCHING_STARTED
