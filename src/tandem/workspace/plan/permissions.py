"""Who reviews the tutorials offered to the company's library: coordinators (and superusers).
The plan itself is the space's (`workspace.view_space`, `workspace.change_space`)."""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator

rules.add_perm("workspace.review_tutorials", is_staff_coordinator)
