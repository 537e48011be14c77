"""The e-mails about new messages (R23): one per person and run at most, never a word of a message.

`message_digest_send` is run by the periodic job every five minutes (`tasks.py`). For each person
with unread messages that no e-mail has announced yet (`selectors.unread_to_announce`):

* "immediately": an e-mail now;
* "daily": from the day's digest hour on (``TANDEM_MESSAGE_DIGEST_HOUR``, local time), an e-mail
  about what came before that hour, unless they already had one since then (what came later
  waits for the next morning, unless this e-mail covers it anyway);
* "never": nothing.

One e-mail covers all of a person's tandems: how many new messages in which tandem, with the
partner's name and the link to the thread. Never the text, never an attachment's name.

Idempotent from stored state: the read marks keep up to which message an e-mail announced
(`notified_until`) and when it went out (`notified_at`), written in the same transaction that
queues the e-mails (sent after the commit). A second run finds nothing new; after downtime, the
next run sends one e-mail covering everything missed. Only active people are written to, and only
about running tandems (an ended tandem's thread is read-only: nothing new comes).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from tandem.core.emails import absolute_url, templated_email
from tandem.programs.emails import invitation_language
from tandem.workspace.messages import email_choices
from tandem.workspace.messages.models import MessageReadMark, Side
from tandem.workspace.messages.selectors import running_tandems_filter, unread_to_announce

TEMPLATE = "workspace/messages/email/new_messages"


@dataclass
class TandemNews:
    key: str  # the tandem's formed key
    side: str  # the reader's side
    partner: str
    count: int = 0
    newest: datetime.datetime | None = None

    @property
    def link(self) -> str:
        return absolute_url("workspace:messages", self.key)


@dataclass
class Reader:
    person_id: int
    email: str
    first_name: str
    language: str
    tandems: dict[str, TandemNews] = field(default_factory=dict)
    oldest: datetime.datetime | None = None  # the oldest message to announce

    @property
    def total(self) -> int:
        return sum(news.count for news in self.tandems.values())


def digest_moment(now: datetime.datetime) -> datetime.datetime:
    """The latest start of a daily digest at or before ``now`` (local digest hour)."""
    local = timezone.localtime(now)
    moment = local.replace(
        hour=settings.TANDEM_MESSAGE_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    if moment > local:
        moment -= datetime.timedelta(days=1)
    return moment


_PERSON_FIELDS = ("_id", "__email", "__first_name", "__last_name", "__is_active")
_FIELDS = (
    "tandem",
    "author_side",
    "created_at",
    "tandem__cohort__languages",
    *(f"tandem__{side}__person{name}" for side in Side.values for name in _PERSON_FIELDS),
)


def _readers() -> dict[int, Reader]:
    """Who has unannounced unread messages, and how many in which tandem (one query)."""
    readers: dict[int, Reader] = {}
    rows: Iterable[dict[str, Any]] = (
        unread_to_announce().values(*_FIELDS).order_by("created_at", "id")
    )
    for row in rows:
        reader_side = Side.MENTEE if row["author_side"] == Side.MENTOR else Side.MENTOR
        me, other = f"tandem__{reader_side}__person", f"tandem__{row['author_side']}__person"
        if not row[f"{me}__is_active"] or not row[f"{me}__email"]:
            continue
        reader = readers.setdefault(
            row[f"{me}_id"],
            Reader(
                person_id=row[f"{me}_id"],
                email=row[f"{me}__email"],
                first_name=row[f"{me}__first_name"],
                language=invitation_language(
                    cohort_languages=row["tandem__cohort__languages"],
                    default=settings.LANGUAGE_CODE,
                ),
            ),
        )
        key = str(row["tandem"])
        partner = f"{row[f'{other}__first_name']} {row[f'{other}__last_name']}".strip()
        news = reader.tandems.setdefault(
            key, TandemNews(key=key, side=reader_side, partner=partner)
        )
        news.count += 1
        news.newest = row["created_at"]
        reader.oldest = reader.oldest or row["created_at"]
    return readers


def _told_since(moment: datetime.datetime) -> set[int]:
    """The people who had an e-mail about messages since ``moment`` (one query)."""
    rows = MessageReadMark.objects.filter(notified_at__gte=moment).filter(running_tandems_filter())
    told = set()
    for side, mentor, mentee in rows.values_list(
        "side", "tandem__mentor__person_id", "tandem__mentee__person_id"
    ):
        told.add(mentor if side == Side.MENTOR else mentee)
    return told


def _due(readers: dict[int, Reader], now: datetime.datetime) -> list[Reader]:
    if not readers:
        return []
    choices = email_choices.message_email_choices(emails=[r.email for r in readers.values()])
    default = email_choices.DAILY
    choice_of = {
        r.person_id: choices.get(r.email.strip().lower(), default) for r in readers.values()
    }
    due = [r for r in readers.values() if choice_of[r.person_id] == email_choices.IMMEDIATELY]
    daily = [r for r in readers.values() if choice_of[r.person_id] == email_choices.DAILY]
    moment = digest_moment(now)
    waiting = [r for r in daily if r.oldest is not None and r.oldest < moment]
    if waiting:
        told = _told_since(moment)
        due += [r for r in waiting if r.person_id not in told]
    return due


def _record(reader: Reader, now: datetime.datetime) -> None:
    for news in reader.tandems.values():
        MessageReadMark.objects.update_or_create(
            tandem_id=news.key,
            side=news.side,
            defaults={"notified_until": news.newest, "notified_at": now},
        )


def _email(reader: Reader) -> EmailMessage:
    tandems = sorted(reader.tandems.values(), key=lambda news: news.partner)
    return templated_email(
        template=TEMPLATE,
        context={"first_name": reader.first_name, "total": reader.total, "tandems": tandems},
        language=reader.language,
        to=reader.email,
    )


def message_digest_send(*, now: datetime.datetime | None = None) -> int:
    """Queue the e-mails due now (see the module docstring); returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        due = _due(_readers(), now)
        for reader in due:
            _record(reader, now)
            message = _email(reader)
            transaction.on_commit(message.send, robust=True)
    return len(due)
