"""Permissions for the topic catalogue (django-rules; autodiscovered).

Everybody signed in reads the catalogue; coordinators and superusers maintain it. The permission
names are our own (not Django's model permissions), so only these rules grant them.
"""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator

rules.add_perm("topics.view_catalogue", rules.is_authenticated)
rules.add_perm("topics.create_topic", is_staff_coordinator)
rules.add_perm("topics.edit_topic", is_staff_coordinator)
rules.add_perm("topics.archive_topic", is_staff_coordinator)
rules.add_perm("topics.set_topic_priority", is_staff_coordinator)

# The glossary's rules (a feature package of this app).
from tandem.topics.glossary import permissions as _glossary_permissions  # noqa: E402, F401
