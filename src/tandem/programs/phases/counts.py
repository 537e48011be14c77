"""The counts a cohort's phase guards need from the apps above programs.

Enrolments and tandems are owned by apps that sit above programs (see ARCHITECTURE.md), so
programs cannot import them. Instead each of them registers, when it starts (its
`AppConfig.ready`), a counter for the fields it owns. This is the one sanctioned way for a lower
app to ask a higher one: explicit, typed, and checked — a missing counter is a configuration
error, never a silent zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from tandem.programs.models import Cohort

CohortCounter = Callable[["Cohort"], Mapping[str, int]]

# The fields of `CohortFacts` that are counted above programs, by owner.
COUNTED_FIELDS: Mapping[str, frozenset[str]] = {
    "enrolment": frozenset(
        {"enrolments_total", "active_mentors", "active_mentees", "active_either"}
    ),
    "tandems": frozenset({"tandems", "unconfirmed_tandems"}),
}

_counters: dict[str, CohortCounter] = {}


def register_cohort_counter(*, owner: str, counter: CohortCounter) -> None:
    """Called once by `owner`'s AppConfig.ready; registering again replaces (reloads in tests)."""
    if owner not in COUNTED_FIELDS:
        raise ImproperlyConfigured(f"No cohort counts are expected from {owner!r}.")
    _counters[owner] = counter


def cohort_counts(*, cohort: Cohort) -> dict[str, int]:
    """Every counted field of the cohort, asked from each owner (one small query each)."""
    values: dict[str, int] = {}
    for owner, fields in COUNTED_FIELDS.items():
        counter = _counters.get(owner)
        if counter is None:
            raise ImproperlyConfigured(
                f"The app {owner!r} has not registered its cohort counter (is it installed?)."
            )
        counted = dict(counter(cohort))
        if counted.keys() != fields:
            raise ImproperlyConfigured(
                f"{owner!r} counted {sorted(counted)}, not {sorted(fields)}."
            )
        values.update(counted)
    return values
