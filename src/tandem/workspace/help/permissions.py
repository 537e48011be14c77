"""The help inbox of a cohort: its contact alone (see `contact.py`). Asking for help and asking
for a re-match are space actions (`workspace.change_space`, the two partners)."""

from __future__ import annotations

import rules

from tandem.workspace.help.contact import is_cohort_contact


@rules.predicate
def is_contact_of_cohort(user, cohort) -> bool:
    return is_cohort_contact(user, cohort)


rules.add_perm("workspace.view_help_inbox", is_contact_of_cohort)
