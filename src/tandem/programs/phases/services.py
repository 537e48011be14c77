"""Phase changes of a cohort: guarded, recorded with time and actor (transition row + audit row)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.core.services import audit_record
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_facts
from tandem.programs.models import Cohort, CohortTransition
from tandem.programs.phases.guards import is_step_back, transition_problems

# The audit action of each step (the way back to draft has its own).
TRANSITION_ACTIONS = {
    Phase.ENROLMENT_OPEN: "cohort.open_enrolment",
    Phase.MATCHING: "cohort.start_matching",
    Phase.RUNNING: "cohort.start",
    Phase.CLOSING: "cohort.begin_closing",
    Phase.CLOSED: "cohort.close",
}
BACK_TO_DRAFT_ACTION = "cohort.back_to_draft"


@transaction.atomic
def cohort_transition(
    *,
    cohort: Cohort,
    to_phase: str,
    actor: User,
    improvements_waived: bool = False,
) -> CohortTransition:
    """Move the cohort to ``to_phase`` or refuse with every reason and how to fix it.

    ``improvements_waived`` is the explicit "no improvements to note" of the close step.
    """
    return _transition(
        cohort=cohort, to_phase=to_phase, actor=actor, improvements_waived=improvements_waived
    )


def _transition(
    *,
    cohort: Cohort,
    to_phase: str,
    actor: User,
    improvements_waived: bool = False,
    improvements: str | None = None,
) -> CohortTransition:
    # The row is locked so that two coordinators pressing the same button make one step.
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if improvements is not None:
        locked.improvements = improvements
    problems = transition_problems(
        cohort_facts(cohort=locked, improvements_waived=improvements_waived), to_phase
    )
    if problems:
        raise ValidationError(problems)
    from_phase = locked.phase
    locked.phase = to_phase
    locked.full_clean()
    locked.save(update_fields=["phase", "improvements", "updated_at"])
    cohort.phase, cohort.improvements = locked.phase, locked.improvements
    cohort.updated_at = locked.updated_at
    step = CohortTransition.objects.create(
        cohort=locked, from_phase=from_phase, to_phase=to_phase, actor=actor
    )
    action = (
        BACK_TO_DRAFT_ACTION
        if is_step_back(from_phase, to_phase)
        else TRANSITION_ACTIONS[Phase(to_phase)]
    )
    data: dict[str, object] = {"from": from_phase, "to": to_phase}
    if to_phase == Phase.CLOSED:
        data["improvements_noted"] = bool(locked.improvements.strip())
    audit_record(actor=actor, action=action, target=locked, data=data)
    return step


def cohort_open_enrolment(*, cohort: Cohort, actor: User) -> CohortTransition:
    return cohort_transition(cohort=cohort, to_phase=Phase.ENROLMENT_OPEN, actor=actor)


def cohort_back_to_draft(*, cohort: Cohort, actor: User) -> CohortTransition:
    return cohort_transition(cohort=cohort, to_phase=Phase.DRAFT, actor=actor)


def cohort_start_matching(*, cohort: Cohort, actor: User) -> CohortTransition:
    return cohort_transition(cohort=cohort, to_phase=Phase.MATCHING, actor=actor)


def cohort_start(*, cohort: Cohort, actor: User) -> CohortTransition:
    return cohort_transition(cohort=cohort, to_phase=Phase.RUNNING, actor=actor)


def cohort_begin_closing(*, cohort: Cohort, actor: User) -> CohortTransition:
    return cohort_transition(cohort=cohort, to_phase=Phase.CLOSING, actor=actor)


@transaction.atomic
def cohort_close(
    *,
    cohort: Cohort,
    actor: User,
    improvements: str | None = None,
    no_improvements: bool = False,
) -> CohortTransition:
    """Close the cohort (R26). ``improvements`` (what to change next round) replaces the noted
    text when given; closing needs that text or ``no_improvements=True``. On refusal nothing is
    saved."""
    return _transition(
        cohort=cohort,
        to_phase=Phase.CLOSED,
        actor=actor,
        improvements_waived=no_improvements,
        improvements=improvements.strip() if improvements is not None else None,
    )
