"""Each person's choice of e-mails about new messages: "immediately", "daily" or "never".

The choice is the person's notification setting (`tandem.accounts.notifications`); this is the one
place the digest asks for it, so that the digest does not know where the setting is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from tandem.accounts.notifications import selectors
from tandem.accounts.notifications.models import MessageEmails

IMMEDIATELY, DAILY, NEVER = (
    str(MessageEmails.IMMEDIATELY),
    str(MessageEmails.DAILY),
    str(MessageEmails.NEVER),
)


def message_email_choices(*, emails: Iterable[str]) -> dict[str, str]:
    """Each address (lower-cased) → its choice; "daily" for anyone who never chose (one query)."""
    return selectors.message_email_choices(emails=emails)
