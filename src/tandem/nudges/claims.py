"""Claiming nudges before sending them: the insert under the unique key decides who sends.

Each job builds its plan (the nudges due now), then in one transaction inserts a `SentNudge` row
per nudge, ignoring conflicts, and reads back the rows carrying its own claim: those are the ones
nobody sent before — not an earlier run, not a worker running at the same time. Only their
e-mails are built, and they go out after the commit (through the mail queue), so a rolled-back
run sends nothing. Two queries per batch, whatever its size.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from tandem.nudges.models import SentNudge

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    """One nudge due now: its key, and how to build its e-mail once claimed. ``effect`` (if any)
    runs first, in the transaction; when it returns False the e-mail is not sent. Without
    ``mail`` the nudge is claimed (its step is done) but nobody is e-mailed."""

    rule: str
    subject: str
    step: int
    recipient: str
    cohort_id: int
    build: Callable[[], EmailMessage]
    effect: Callable[[], bool] | None = field(default=None, compare=False)
    mail: bool = True

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.rule, self.subject, self.step, self.recipient)


def _send(messages: list[EmailMessage]) -> None:
    if messages:
        get_connection().send_messages(messages)


def claim_and_send(*, planned: list[Planned], now: datetime) -> int:
    """Claim ``planned`` and send the e-mails of those claimed after the commit; returns how
    many e-mails go out."""
    if not planned:
        return 0
    claim = uuid.uuid4()
    with transaction.atomic():
        SentNudge.objects.bulk_create(
            [
                SentNudge(
                    cohort_id=item.cohort_id,
                    rule=item.rule,
                    subject=item.subject,
                    step=item.step,
                    recipient=item.recipient,
                    sent_at=now,
                    claim=claim,
                )
                for item in planned
            ],
            ignore_conflicts=True,
        )
        claimed = set(
            SentNudge.objects.filter(claim=claim).values_list(
                "rule", "subject", "step", "recipient"
            )
        )
        messages = []
        for item in planned:
            if item.key not in claimed:
                continue
            claimed.discard(item.key)  # the same nudge planned twice is still sent once
            if item.effect is not None and not item.effect():
                continue
            if item.mail:
                messages.append(item.build())
        transaction.on_commit(lambda: _send(messages), robust=True)
    return len(messages)
