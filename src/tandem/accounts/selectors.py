from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.contrib.auth.models import AnonymousUser, User

from tandem.people.normalize import email_key

if TYPE_CHECKING:
    from tandem.people.models import Person


def person_for_user(*, user: User | AnonymousUser) -> Person | None:
    """The person an account belongs to: linked by e-mail (case- and Unicode-insensitive).

    Cached on the user object for the length of one request.
    """
    from tandem.people.models import Person

    if not user.is_authenticated or not getattr(user, "email", ""):
        return None
    cached = getattr(user, "_tandem_person", False)
    if cached is not False:
        return cast("Person | None", cached)  # what this function stored on the user below
    person = (
        Person.objects.select_related("org_unit", "location", "manager")
        .filter(email_key=email_key(user.email))
        .first()
    )
    user._tandem_person = person  # type: ignore[attr-defined]
    return person
