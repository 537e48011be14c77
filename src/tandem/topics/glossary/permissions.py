"""Who may use the glossary: everyone whose account belongs to an active person reads and
proposes; coordinators (and superusers) curate. Imported by `topics/permissions.py`."""

from __future__ import annotations

import rules

from tandem.people.roles import is_participant, is_staff_coordinator

can_use_glossary = is_participant | is_staff_coordinator

rules.add_perm("topics.view_glossary", can_use_glossary)
rules.add_perm("topics.propose_glossary_term", can_use_glossary)
rules.add_perm("topics.curate_glossary", is_staff_coordinator)
