"""Making and revoking a person's calendar subscription, and finding it by its token."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tandem.core.services import Actor, audit_record
from tandem.people.models import Person
from tandem.workspace.calendar.models import CalendarFeed

TOKEN_BYTES = 32
# What `secrets.token_urlsafe(32)` produces: 43 characters of the URL-safe alphabet.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    # The token in plain text: shown once, never stored.
    token: str


def _revoke_active(person: Person) -> int:
    return CalendarFeed.objects.filter(person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def calendar_feed_create(*, person: Person, actor: Actor) -> NewFeed:
    """A new subscription address for ``person``; an earlier one stops working."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    revoked = _revoke_active(person)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed.objects.create(person=person, token_hash=token_hash(token))
    audit_record(
        actor=actor,
        action="calendar_feed.created",
        target=feed,
        data={"person": person.pk, "revoked": revoked},
    )
    return NewFeed(feed=feed, token=token)


@transaction.atomic
def calendar_feed_revoke(*, person: Person, actor: Actor) -> int:
    """Stop ``person``'s subscription address; returns how many were active (0 or 1)."""
    revoked = _revoke_active(person)
    if revoked:
        audit_record(
            actor=actor, action="calendar_feed.revoked", target=person, data={"person": person.pk}
        )
    return revoked
