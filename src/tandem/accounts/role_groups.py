"""The role groups (coordinator, sponsor) exist after every migrate and every flush.

The data migration creates them once; a flush (the end of each transactional test, such as the
browser tests, or `manage.py flush`) deletes them and then sends `post_migrate`, so they are made
again here, as Django does for content types and permissions.
"""

from __future__ import annotations

from typing import Any


def ensure_role_groups(*, using: str = "default", **_: Any) -> None:
    from django.contrib.auth.models import Group

    from tandem.people.roles import ASSIGNABLE_ROLES

    for name in ASSIGNABLE_ROLES:
        Group.objects.using(using).get_or_create(name=name)
