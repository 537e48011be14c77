"""The periodic e-mails about new messages (imported by `workspace/tasks.py`, which the worker
loads): every five minutes, for those who want them right away and, once the morning's digest
hour has passed, for those who want them once a day (`digest.py`)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tandem.workspace.messages.digest import message_digest_send


@db_periodic_task(crontab(minute="*/5"))
def send_message_emails() -> int:
    return message_digest_send()
