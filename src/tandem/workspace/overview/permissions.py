"""The coordinator's list of a cohort's tandems (metadata only): coordinators."""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator

rules.add_perm("workspace.view_cohort_progress", is_staff_coordinator)
