"""Background and periodic tasks of the whole site, run by the Huey worker (`tandem run_huey`).

Each app keeps its tasks in its own `tasks.py`; the worker imports every app's `tasks` module at
start-up, so a periodic task is declared there with `@db_periodic_task(crontab(...))` and nothing
else to register. A task may run twice (a worker restarted mid-task runs it again): make it
idempotent, and keep the work itself in a service so that it is tested without the queue.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.core.management import call_command
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, task

from tandem.core.mail_queue import RETRIES, RETRY_DELAY, deliver_now

logger = logging.getLogger(__name__)


@task(retries=RETRIES, retry_delay=RETRY_DELAY)
def deliver_email(message: EmailMessage) -> int:
    """Deliver one queued e-mail (core/mail_queue.py); a failure raises, so Huey tries again."""
    try:
        return deliver_now(message)
    except Exception:
        logger.warning("E-mail to %s not delivered yet; it will be retried.", message.recipients())
        raise


@db_periodic_task(crontab(hour="3", minute="17"))
def clear_expired_sessions() -> None:
    """Delete sessions past their expiry (Django keeps them in the database for ever otherwise)."""
    call_command("clearsessions")
