"""Who may reword a program's guides: coordinators (and superusers)."""

import rules

from tandem.people.roles import is_staff_coordinator

rules.add_perm("workspace.manage_guides", is_staff_coordinator)
