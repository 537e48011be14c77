"""Who may change a cohort's nudge timings: the coordinators (as every cohort setting)."""

import rules

from tandem.people.roles import is_staff_coordinator

rules.add_perm("nudges.change_timings", is_staff_coordinator)
