"""Safety nets of the import: a "full" import that would deactivate many people needs an
explicit yes (pure rule; the web flow and the command ask for it)."""

from __future__ import annotations

# A full import is a mass deactivation when it would deactivate at least this many people …
MASS_DEACTIVATION_MIN_PEOPLE = 10
# … and more than this share of the active employees (1 row against 560 people: 559 of 560).
MASS_DEACTIVATION_SHARE = 0.10


def is_mass_deactivation(*, deactivated: int, active_employees: int) -> bool:
    """True when deactivating `deactivated` of `active_employees` needs an explicit yes."""
    return (
        deactivated >= MASS_DEACTIVATION_MIN_PEOPLE
        and deactivated > MASS_DEACTIVATION_SHARE * active_employees
    )
