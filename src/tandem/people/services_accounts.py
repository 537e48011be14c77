"""The accounts that belong to people (linked by e-mail): they follow their person's e-mail when HR
changes it, and end with their person.

These act on Django's users and allauth's addresses directly, because they are reactions to
changes in the directory (the import, the admin, a deletion) and the directory sits below the
accounts app (see ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from tandem.core.services import audit_record
from tandem.people.normalize import email_key


@transaction.atomic
def accounts_follow_email_changes(
    *, changes: Sequence[tuple[str, str]], actor: User | AnonymousUser | None
) -> int:
    """People's e-mails changed (old, new), e.g. in an HR import: each account of an old address
    moves to the new one, unverified, and a verification mail goes to the new address once the
    transaction commits. Until the link is followed the account is not usable (its sessions end,
    `access.email_unverified`), so only the owner of the new mailbox gets the account. If another
    account already holds the new address, the old account is deactivated instead. Returns how
    many accounts were affected. A change of case only (same e-mail key) changes nothing.
    """
    moves = {email_key(old): new for old, new in changes if email_key(old) != email_key(new)}
    if not moves:
        return 0
    User = get_user_model()
    # One pass over the accounts (two columns): they are linked by e-mail key, not by a column.
    owner: dict[str, int] = {}
    accounts: list[tuple[int, str, str]] = []
    for pk, email in User.objects.values_list("pk", "email").iterator(5000):
        key = email_key(email or "")
        owner.setdefault(key, pk)
        if key in moves:
            accounts.append((pk, email, moves[key]))
    if not accounts:
        return 0
    to_confirm: list[int] = []
    for pk, old, new in accounts:
        user = User.objects.get(pk=pk)
        if owner.get(email_key(new), pk) != pk:
            user.is_active = False
            user.save(update_fields=["is_active"])
            audit_record(
                actor=actor,
                action="account.deactivate",
                target=user,
                data={"reason": "email_taken", "old": old, "new": new},
            )
            continue
        user.email = new
        user.save(update_fields=["email"])
        EmailAddress.objects.filter(user=user).delete()
        address = EmailAddress.objects.create(
            user=user, email=new.lower(), primary=True, verified=False
        )
        to_confirm.append(address.pk)
        audit_record(
            actor=actor, action="account.email_change", target=user, data={"old": old, "new": new}
        )

    def send() -> None:
        for address in EmailAddress.objects.filter(pk__in=to_confirm).select_related("user"):
            address.send_confirmation(request=None, signup=False)

    transaction.on_commit(send, robust=True)
    return len(accounts)


@transaction.atomic
def accounts_deactivate_for_person(*, email: str, actor: User | AnonymousUser | None) -> int:
    """A person was deleted: their account (linked by e-mail) is deactivated, so that it does not
    live on as an account without a person. A superuser re-enables it in the admin if needed."""
    key = email_key(email)
    User = get_user_model()
    users = [
        user
        for user in User.objects.filter(is_active=True, email__iexact=email)
        if email_key(user.email) == key
    ]
    for user in users:
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_record(
            actor=actor, action="account.deactivate", target=user, data={"reason": "person_deleted"}
        )
    return len(users)
