"""The navigation's badge: unread messages across the user's running tandems.

Lazy: the count is a callable the template calls (once; cached) only where it shows the badge,
for participants. It costs one query; an account that is no participant (a coordinator or
superuser without a person in the directory) costs none — the person lookup is cached on the user
for the request, and the roles' context processor has made it already.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from tandem.people.selectors import person_for_user
from tandem.workspace.messages.selectors import unread_count


def unread_messages(request: HttpRequest) -> dict[str, Callable[[], int]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count() -> int:
        person = person_for_user(user=user)
        if person is None or not person.is_active:
            return 0
        return unread_count(person=person)

    return {"unread_messages": count}
