"""Whether an account may be used at all: the rule every sign-in, request and role asks.

An account is usable while its Django user is active, its e-mail address is verified (when it has
allauth addresses at all) and — when its e-mail belongs to a person in the directory — that person
is active. A leaver (deactivated by a full HR import, by hand, in the admin) is locked out of
everything, roles included, and gets access back when made active again. An account whose address
an HR import changed must verify the new address before it is usable again.

An account whose e-mail belongs to nobody in the directory keeps what its roles give it: the
operators' own accounts (a superuser made with `createsuperuser`, the demo's admin@…) and
coordinators from outside the directory. Deleting a person deactivates their account
(`accounts_deactivate_for_person`), since nothing would link it to a leaver any more.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser, User

from tandem.people.selectors import person_for_user


def person_is_inactive(user: User | AnonymousUser) -> bool:
    """A signed-in account of a leaver: the user is inactive, or its person is.

    One indexed lookup of the person by e-mail key, cached on the user for the request (the role
    checks and the page reuse it).
    """
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return True
    person = person_for_user(user=user)
    return person is not None and not person.is_active


def email_unverified(user: User | AnonymousUser) -> bool:
    """The account has e-mail addresses but none verified (it signed up, or an import changed its
    address, and the link was not followed yet). Accounts without any address record (made with
    `createsuperuser`) are not affected: they verify at their next sign-in, as allauth requires."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_tandem_unverified", None)
    if cached is None:
        flags = list(EmailAddress.objects.filter(user=user).values_list("verified", flat=True))
        cached = bool(flags) and not any(flags)
        user._tandem_unverified = cached  # type: ignore[attr-defined]  # a cache on this request's user
    return cached


def account_is_locked(user: User | AnonymousUser) -> bool:
    return person_is_inactive(user) or email_unverified(user)


def account_is_usable(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and not account_is_locked(user)
