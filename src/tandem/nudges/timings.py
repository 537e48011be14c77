"""A cohort's nudge timings: reading them (defaults when the cohort has none) and saving a
coordinator's changes."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tandem.core.services import Actor, audit_record
from tandem.nudges.due import DEFAULT_TIMINGS
from tandem.nudges.models import CohortNudgeTimings
from tandem.programs.models import Cohort

FIELDS = tuple(DEFAULT_TIMINGS.__dataclass_fields__)


def cohort_nudge_timings(*, cohort: Cohort) -> CohortNudgeTimings:
    """The cohort's timings row, or an unsaved one with the defaults."""
    found = CohortNudgeTimings.objects.filter(cohort=cohort).first()
    return found if found is not None else CohortNudgeTimings(cohort=cohort)


@transaction.atomic
def cohort_nudge_timings_save(
    *, cohort: Cohort, values: dict[str, Any], actor: Actor
) -> CohortNudgeTimings:
    """Set the cohort's timings (every field of `due.Timings`); refused with a message at the
    field when a second step would not come after the first, or a number is out of range."""
    timings, _created = CohortNudgeTimings.objects.select_for_update().get_or_create(cohort=cohort)
    before = {name: getattr(timings, name) for name in FIELDS}
    for name in FIELDS:
        if name in values:
            setattr(timings, name, values[name])
    timings.full_clean()
    timings.save()
    changed = {
        name: getattr(timings, name) for name in FIELDS if getattr(timings, name) != before[name]
    }
    audit_record(
        actor=actor,
        action="nudges.timings.save",
        target=cohort,
        data={"cohort": cohort.pk, "changed": changed},
    )
    return timings
