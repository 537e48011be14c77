"""E-mail through the background worker: never lost while the mail server is down.

`QueuedEmailBackend` is Django's `EMAIL_BACKEND` (unless `EMAIL_QUEUE=false`): sending a message
only hands it to Huey (`core.tasks.deliver_email`), so a page never waits for the mail server and
a failure never breaks the change that sent it. The worker delivers it with the real backend
(`EMAIL_DELIVERY_BACKEND`, from the env's `EMAIL_BACKEND`: SMTP in production) and, when that
fails, tries again every `RETRY_DELAY` seconds, `RETRIES` times (a mail server down for about two
hours), then logs the message as undelivered. Delivery is at least once: a worker that dies
between the server's "accepted" and the task's end sends that one message again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

RETRIES = 12
RETRY_DELAY = 600  # seconds


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from tandem.core.tasks import deliver_email

        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            message.connection = None  # a connection does not travel through the queue
            deliver_email(message)
            queued += 1
        return queued


def deliver_now(message: EmailMessage, **backend_options: Any) -> int:
    """Send one message with the real backend (in the worker); raises when it fails."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, **backend_options)
    return connection.send_messages([message]) or 0
