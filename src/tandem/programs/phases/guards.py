"""Guards of a cohort's phases (pure: no database).

A cohort moves forward one phase at a time through ``PHASE_ORDER``:
draft → enrolment open → matching → running → closing → closed. The one step back is from
"enrolment open" to "draft", and only while nobody has enrolled yet.

``transition_problems(facts, to_phase)`` returns the reasons a step is not possible now, each in
the active language and saying how to fix it; an empty list means the step is allowed. The
services read the facts from the database (``selectors_cohorts.cohort_facts``) and refuse with
these messages; the cohort page shows them before anyone presses a button.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.programs.choices import PHASE_ORDER, Phase


@dataclass(frozen=True)
class CohortFacts:
    """What the guards need to know about a cohort, read at one moment."""

    phase: str
    starts_on: datetime.date
    ends_on: datetime.date
    # A named contact for questions and difficulties (R5) …
    coordinator_named: bool = False
    # … who holds the coordinator role.
    coordinator_has_role: bool = False
    has_charter: bool = False
    # Enrolments of any status (withdrawn ones included): "nobody has enrolled" means zero.
    enrolments_total: int = 0
    # Active enrolments by role ("either" people can take both roles).
    active_mentors: int = 0
    active_mentees: int = 0
    active_either: int = 0
    # Tandems come with matching: until then both are 0.
    tandems: int = 0
    unconfirmed_tandems: int = 0
    is_pilot: bool = False
    pilot_max_tandems: int | None = None
    # Closing → closed: the improvements for the next round are written down …
    improvements_filled: bool = False
    # … or the coordinator said explicitly that there are none.
    improvements_waived: bool = False

    @property
    def active_enrolments(self) -> int:
        return self.active_mentors + self.active_mentees + self.active_either


def phase_index(phase: str) -> int:
    return PHASE_ORDER.index(Phase(phase))


def next_phase(phase: str) -> Phase | None:
    """The phase after ``phase``, or None after the last one."""
    index = phase_index(phase)
    return PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else None


def is_step_back(from_phase: str, to_phase: str) -> bool:
    """The one allowed way back: enrolment open → draft."""
    return from_phase == Phase.ENROLMENT_OPEN and to_phase == Phase.DRAFT


def _label(phase: str) -> str:
    return str(Phase(phase).label)


def _order_problem(facts: CohortFacts, to_phase: str) -> str | None:
    if to_phase not in Phase.values:
        return _("“%(phase)s” is not a phase. Choose one of the phases shown on the page.") % {
            "phase": to_phase
        }
    if facts.phase == Phase.CLOSED:
        return _(
            "The cohort is closed and cannot change its phase. "
            "To run another round, create the next cohort from this one."
        )
    if to_phase == facts.phase:
        return _("The cohort is already in the phase “%(phase)s”.") % {"phase": _label(to_phase)}
    if is_step_back(facts.phase, to_phase):
        return None
    following = next_phase(facts.phase)
    if to_phase != following:
        return _(
            "A cohort moves one phase at a time: from “%(current)s” the next phase is "
            "“%(next)s”, not “%(target)s”."
        ) % {
            "current": _label(facts.phase),
            "next": _label(following) if following else "–",
            "target": _label(to_phase),
        }
    return None


def _back_to_draft_problems(facts: CohortFacts) -> list[str]:
    if facts.enrolments_total:
        return [
            ngettext(
                "%(count)d person has already enrolled (counting anyone who has withdrawn since), "
                "so the cohort cannot go back to draft. Change the settings while enrolment is "
                "open instead.",
                "%(count)d people have already enrolled (counting anyone who has withdrawn "
                "since), so the cohort cannot go back to draft. Change the settings while "
                "enrolment is open instead.",
                facts.enrolments_total,
            )
            % {"count": facts.enrolments_total}
        ]
    return []


def _open_enrolment_problems(facts: CohortFacts) -> list[str]:
    problems = []
    if not facts.coordinator_named:
        problems.append(
            _(
                "Name a coordinator as the contact for questions and difficulties: "
                "edit the cohort settings and choose one under “Contact”."
            )
        )
    elif not facts.coordinator_has_role:
        problems.append(
            _(
                "The named contact no longer has the coordinator role. Choose another "
                "coordinator in the cohort settings, or grant the role again."
            )
        )
    if not facts.has_charter:
        problems.append(
            _(
                "Publish a confidentiality charter and data-processing notice first: "
                "participants accept it when they enrol. Open “Charter” on the cohort page."
            )
        )
    if facts.ends_on <= facts.starts_on:
        problems.append(
            _("The end date must be after the start date. Correct the dates in the settings.")
        )
    return problems


def _matching_problems(facts: CohortFacts) -> list[str]:
    problems = []
    if facts.active_mentors + facts.active_either < 1:
        problems.append(
            _(
                "Nobody has enrolled who can be a mentor. Wait for enrolments or invite "
                "possible mentors before matching."
            )
        )
    if facts.active_mentees + facts.active_either < 1:
        problems.append(
            _(
                "Nobody has enrolled who can be a mentee. Wait for enrolments or invite "
                "possible mentees before matching."
            )
        )
    if not problems and facts.active_enrolments < 2:
        problems.append(
            _(
                "A tandem needs two people, but only one person is enrolled. Wait for more "
                "enrolments before matching."
            )
        )
    return problems


def _running_problems(facts: CohortFacts) -> list[str]:
    problems = []
    if facts.unconfirmed_tandems:
        problems.append(
            ngettext(
                "%(count)d tandem is not confirmed yet. Confirm it or dissolve it before the "
                "cohort starts.",
                "%(count)d tandems are not confirmed yet. Confirm or dissolve them before the "
                "cohort starts.",
                facts.unconfirmed_tandems,
            )
            % {"count": facts.unconfirmed_tandems}
        )
    cap = facts.pilot_max_tandems
    if facts.is_pilot and cap is not None and facts.tandems > cap:
        problems.append(
            _(
                "This pilot allows at most %(cap)d tandems but has %(count)d. Dissolve some "
                "tandems or raise the pilot's maximum in the settings."
            )
            % {"cap": cap, "count": facts.tandems}
        )
    return problems


def _closed_problems(facts: CohortFacts) -> list[str]:
    if facts.improvements_filled or facts.improvements_waived:
        return []
    return [
        _(
            "Note what to change for the next round (improvements), or tick “No improvements "
            "to note” to close without them."
        )
    ]


_RULES = {
    Phase.ENROLMENT_OPEN: _open_enrolment_problems,
    Phase.MATCHING: _matching_problems,
    Phase.RUNNING: _running_problems,
    Phase.CLOSED: _closed_problems,
}


def transition_problems(facts: CohortFacts, to_phase: str) -> list[str]:
    """Why the cohort cannot move to ``to_phase`` now; empty when it can."""
    order = _order_problem(facts, to_phase)
    if order is not None:
        return [order]
    if is_step_back(facts.phase, to_phase):
        return _back_to_draft_problems(facts)
    rule = _RULES.get(Phase(to_phase))
    return rule(facts) if rule else []


def phase_due(
    phase: str, *, starts_on: datetime.date, ends_on: datetime.date, today: datetime.date
) -> Phase | None:
    """The phase a cohort is due to move to by its dates, or None while nothing is due.

    Before the start a cohort should be running by its start date; a running cohort should move
    to closing by its end date. Closing and closed cohorts wait for people, not dates.
    """
    if phase in (Phase.DRAFT, Phase.ENROLMENT_OPEN, Phase.MATCHING) and today >= starts_on:
        return next_phase(phase)
    if phase == Phase.RUNNING and today >= ends_on:
        return Phase.CLOSING
    return None
