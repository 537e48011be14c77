"""Who may make a calendar subscription (django-rules): anyone who is an active person in the
directory. The feed itself needs no account: its token is the permission (see the package)."""

from __future__ import annotations

import rules

from tandem.people.roles import is_participant

rules.add_perm("workspace.use_calendar_feed", is_participant)
