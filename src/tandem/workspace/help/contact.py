"""Who a cohort's help requests are addressed to: its contact.

The contact is the cohort's coordinator (`Cohort.coordinator`, the named contact of R5) while
their account is usable and holds the coordinator role (or is a superuser named as the
coordinator). A leaver's account is not usable (`people.access`), so a leaver is nobody's contact
and reads no inbox. Nobody else reads a cohort's help requests: not another cohort's coordinator,
not a superuser who does not coordinate this cohort.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from tandem.people.roles import is_staff_coordinator
from tandem.programs.models import Cohort


def is_cohort_contact(user: User | AnonymousUser, cohort: Cohort | None) -> bool:
    return (
        cohort is not None
        and user.is_authenticated
        and cohort.coordinator_id is not None
        and cohort.coordinator_id == user.pk
        and bool(is_staff_coordinator(user))
    )


def cohort_contact_user(*, cohort: Cohort) -> User | None:
    """The account help requests of ``cohort`` go to, or None while it has no usable contact."""
    user = cohort.coordinator
    return user if user is not None and is_cohort_contact(user, cohort) else None
