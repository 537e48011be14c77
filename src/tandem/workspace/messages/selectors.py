"""Reads of messages: the thread as a partner sees it, a file to download, the unread counts
(the space card, the navigation's badge) and the messages an e-mail has to announce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from tandem.people.models import Person
from tandem.programs.choices import Phase
from tandem.tandems.models import TandemStatus
from tandem.workspace.access import Space
from tandem.workspace.messages.models import Message, MessageReadMark, Side

# The thread shows this many messages at a time; older ones behind a link.
PAGE_SIZE = 50


@dataclass(frozen=True)
class Thread:
    messages: list[Message]  # oldest first: the newest at the bottom
    older_than: int | None  # the id to ask for older messages with, or None when there are none


def thread(*, space: Space, before: int | None = None) -> Thread:
    """The newest `PAGE_SIZE` messages (before the message ``before``, when given)."""
    rows = Message.objects.filter(tandem=space.tandem).order_by("-created_at", "-id")
    if before is not None:
        rows = rows.filter(pk__lt=before)
    found = list(rows[: PAGE_SIZE + 1])
    older = found[PAGE_SIZE - 1].pk if len(found) > PAGE_SIZE else None
    return Thread(messages=found[:PAGE_SIZE][::-1], older_than=older)


def messages_after(*, space: Space, after: int) -> list[Message]:
    """The messages newer than the message ``after`` (what the polling thread has not shown)."""
    rows = Message.objects.filter(tandem=space.tandem, pk__gt=after).order_by("created_at", "id")
    return list(rows[:PAGE_SIZE])


def message_with_file(*, space: Space, pk: int) -> Message:
    """A message of this tandem with a file; another tandem's or none → 403, no file → 404."""
    message = Message.objects.filter(tandem=space.tandem, pk=pk).first()
    if message is None:
        raise PermissionDenied
    if not message.file:
        raise Http404
    return message


def _unread(rows: QuerySet[Message]) -> QuerySet[Message]:
    """Of messages, those the author's partner has not read yet."""
    return rows.annotate(
        reader_read_at=Subquery(
            MessageReadMark.objects.filter(tandem=OuterRef("tandem"))
            .exclude(side=OuterRef("author_side"))
            .values("read_at")[:1]
        )
    ).filter(Q(reader_read_at__isnull=True) | Q(created_at__gt=F("reader_read_at")))


def card(*, space: Space) -> dict[str, Any]:
    counts = Message.objects.filter(tandem=space.tandem).aggregate(
        total=Count("pk"), latest=Max("created_at")
    )
    unread = _unread(
        Message.objects.filter(tandem=space.tandem).exclude(author_side=space.side)
    ).count()
    return {"key": space.key, "unread": unread, **counts}


def running_tandems_filter(prefix: str = "tandem__") -> Q:
    return Q(**{f"{prefix}status": TandemStatus.CONFIRMED}) & ~Q(
        **{f"{prefix}cohort__phase": Phase.CLOSED}
    )


def unread_count(*, person: Person) -> int:
    """Unread messages across the person's running tandems (one query)."""
    rows = Message.objects.filter(running_tandems_filter()).filter(
        Q(tandem__mentor__person=person, author_side=Side.MENTEE)
        | Q(tandem__mentee__person=person, author_side=Side.MENTOR)
    )
    return _unread(rows).count()


def unread_to_announce() -> QuerySet[Message]:
    """Unread messages of running tandems whose reader is an active person, not yet announced
    by an e-mail: the digest's material (`digest.py` groups it by reader)."""
    rows = Message.objects.filter(running_tandems_filter())
    rows = _unread(rows).annotate(
        reader_notified_until=Subquery(
            MessageReadMark.objects.filter(tandem=OuterRef("tandem"))
            .exclude(side=OuterRef("author_side"))
            .values("notified_until")[:1]
        )
    )
    return rows.filter(
        Q(reader_notified_until__isnull=True) | Q(created_at__gt=F("reader_notified_until"))
    )
