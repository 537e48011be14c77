"""Roles and the predicates every view's permission is built from (django-rules).

Coordinator and sponsor are Django groups (assigned with `tandem grant-role`); a participant is any
account linked to an active person by e-mail. Superusers are Django superusers. Every role needs a
usable account (`tandem.people.access`): a coordinator, sponsor or superuser whose person is
inactive has no powers at all.
"""

from __future__ import annotations

import rules
from django.contrib.auth.models import AnonymousUser, User

COORDINATOR = "coordinator"
SPONSOR = "sponsor"
ASSIGNABLE_ROLES = (COORDINATOR, SPONSOR)


@rules.predicate
def is_usable_account(user: User | AnonymousUser) -> bool:
    from tandem.people.access import account_is_usable

    return account_is_usable(user)


is_coordinator = is_usable_account & rules.is_group_member(COORDINATOR)
is_sponsor = is_usable_account & rules.is_group_member(SPONSOR)
is_superuser = is_usable_account & rules.is_superuser


@rules.predicate
def is_participant(user: User | AnonymousUser) -> bool:
    from tandem.people.selectors import person_for_user

    person = person_for_user(user=user)
    return person is not None and person.is_active


is_staff_coordinator = is_coordinator | is_superuser


def user_role_names(user: User | AnonymousUser) -> list[str]:
    """The roles a user holds, for display (order: most powerful first)."""
    if not user.is_authenticated:
        return []
    names = []
    if is_superuser(user):
        names.append("superuser")
    if is_coordinator(user):
        names.append(COORDINATOR)
    if is_sponsor(user):
        names.append(SPONSOR)
    if is_participant(user):
        names.append("participant")
    return names
