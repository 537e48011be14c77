"""Running matching for a cohort: proposals for the coordinator's review (R13).

A run replaces the cohort's unpinned proposals (nobody but coordinators has seen them) with the
certified optimum for everyone still free; pinned proposals stay, published and formed tandems
hold their seats. Each run is kept (`MatchingRun`) with its proof and the reasons for everyone
left unmatched, and writes an audit row.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.matching.models import MatchingMode, MatchingRun
from tandem.matching.runs.compute import Outcome, matching_compute
from tandem.matching.runs.selectors import cohort_matching_input
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemSource, TandemStatus

MATCHING_PHASES = (Phase.MATCHING, Phase.RUNNING)


def matching_phase_problem(*, cohort: Cohort) -> str | None:
    """Why pairs cannot be proposed or changed now (None: they can)."""
    if cohort.phase in MATCHING_PHASES:
        return None
    return _(
        "Matching is possible in the phases “Matching” and “Running”; this cohort is in "
        "“%(phase)s”. Move the cohort to the matching phase first."
    ) % {"phase": Phase(cohort.phase).label}


def check_matching_phase(*, cohort: Cohort) -> None:
    problem = matching_phase_problem(cohort=cohort)
    if problem:
        raise ValidationError(problem)


def lock_matching_cohort(*, cohort_id: int) -> Cohort:
    """The cohort row, locked so that runs and changes of one cohort happen one after the other
    (seats cannot be given away twice); refused outside the matching phases."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    check_matching_phase(cohort=cohort)
    return cohort


def _mode(mode: str) -> str:
    if mode not in MatchingMode.values:
        raise ValidationError(
            _("“%(mode)s” is not a matching mode. Choose “score” or “count”.") % {"mode": mode}
        )
    return mode


def cohort_pins(*, cohort: Cohort) -> list[tuple[int, int]]:
    return list(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED, pinned=True).values_list(
            "mentee_id", "mentor_id"
        )
    )


def matching_dry_run(*, cohort: Cohort, mode: str = MatchingMode.SCORE) -> Outcome:
    """What a run would propose now, without writing anything."""
    data = cohort_matching_input(cohort=cohort)
    return matching_compute(data=data.pool(), mode=_mode(mode), pins=cohort_pins(cohort=cohort))


@transaction.atomic
def matching_run(*, cohort: Cohort, actor: Actor, mode: str = MatchingMode.SCORE) -> MatchingRun:
    """Propose the optimal tandems for everyone still free; keep pins; record the run."""
    cohort = lock_matching_cohort(cohort_id=cohort.pk)
    mode = _mode(mode)
    pins = cohort_pins(cohort=cohort)
    pool = cohort_matching_input(cohort=cohort).pool()
    outcome = matching_compute(data=pool, mode=mode, pins=pins)
    result = outcome.result

    # Unpinned proposals were never shown to anyone: a new run replaces them.
    Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED, pinned=False).delete()
    released = {(a, b) for a, b, _v in outcome.released_pins}
    if released:
        for tandem in Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED):
            if (tandem.mentee_id, tandem.mentor_id) in released:
                tandem.delete()
    run = MatchingRun.objects.create(
        cohort=cohort,
        mode=mode,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        mentees=outcome.mentees,
        mentors=outcome.mentors,
        feasible_pairs=outcome.feasible_pairs,
        matched=result.matched,
        total_score=round(result.total_score, 6),
        bound=None if result.bound is None else round(result.bound, 6),
        optimal=result.optimal,
        duration_ms=int(outcome.seconds * 1000),
        unmatched={
            "people": {str(k): v for k, v in outcome.unmatched.items()},
            "released_pins": [
                {"mentee": a, "mentor": b, "rules": [v.code for v in problems]}
                for a, b, problems in outcome.released_pins
            ],
        },
    )
    existing = {
        (t.mentee_id, t.mentor_id): t
        for t in Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED, pinned=True)
    }
    new: list[Tandem] = []
    proposed: list[Tandem] = []
    for pair in outcome.pairs:
        kept = existing.get((pair.mentee_id, pair.mentor_id))
        if kept is not None:
            kept.score, kept.breakdown = pair.score, pair.breakdown_dict()
            kept.save(update_fields=["score", "breakdown"])
            proposed.append(kept)
            continue
        new.append(
            Tandem(
                cohort=cohort,
                mentee_id=pair.mentee_id,
                mentor_id=pair.mentor_id,
                status=TandemStatus.PROPOSED,
                source=TandemSource.MATCHING,
                score=pair.score,
                breakdown=pair.breakdown_dict(),
            )
        )
    for tandem in new:
        tandem.full_clean(exclude=["cohort", "mentor", "mentee"], validate_constraints=False)
    proposed.extend(Tandem.objects.bulk_create(new))
    run.proposals.add(*proposed)
    audit_record(
        actor=actor,
        action="matching.run",
        target=run,
        data={
            "cohort": cohort.pk,
            "mode": mode,
            "proposed": result.matched,
            "optimal": result.optimal,
            "total_score": run.total_score,
            "pins_kept": len(pins) - len(outcome.released_pins),
            "pins_released": len(outcome.released_pins),
        },
    )
    return run
