"""E-mail goes through the background worker (core/mail_queue.py): delivered with the real
backend, and kept and retried while the mail server is down — the sender never notices."""

from __future__ import annotations

import pickle

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from huey.contrib.djhuey import HUEY

from tandem.core.mail_queue import RETRIES
from tandem.core.tasks import deliver_email

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
QUEUED = "tandem.core.mail_queue.QueuedEmailBackend"
attempts: list[int] = []


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        attempts.append(len(email_messages))
        raise ConnectionRefusedError("the mail server is down")


def invitation() -> EmailMessage:
    message = EmailMessage("Einladung", "Hallo", None, ["marlene@example.com"])
    message.attach("treffen.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    return message


@override_settings(EMAIL_BACKEND=QUEUED, EMAIL_DELIVERY_BACKEND=LOCMEM)
def test_the_worker_delivers_a_queued_message_with_its_attachment():
    assert invitation().send() == 1
    (delivered,) = mail.outbox
    assert delivered.to == ["marlene@example.com"]
    assert delivered.attachments[0][0] == "treffen.ics"


def test_a_message_travels_through_the_queue_intact():
    message = invitation()
    copy = pickle.loads(pickle.dumps(message))
    assert (copy.subject, copy.body, copy.to) == (message.subject, message.body, message.to)
    assert copy.message().as_bytes().count(b"BEGIN:VCALENDAR") == 1


@override_settings(EMAIL_BACKEND=QUEUED, EMAIL_DELIVERY_BACKEND=f"{__name__}.MailServerDown")
def test_a_down_mail_server_neither_breaks_the_sender_nor_loses_the_message():
    attempts.clear()
    HUEY.flush()
    assert invitation().send() == 1  # the sender goes on as if it was sent
    assert attempts == [1] and mail.outbox == []
    (waiting,) = HUEY.scheduled()  # kept, to be tried again
    assert waiting.retries == RETRIES - 1
    with override_settings(EMAIL_DELIVERY_BACKEND=LOCMEM):  # the server is back, and it is time
        HUEY.execute(waiting, timestamp=waiting.eta)
    assert [m.subject for m in mail.outbox] == ["Einladung"]
    HUEY.flush()


def test_delivery_is_retried_for_about_two_hours():
    assert deliver_email.task_class.default_retries == RETRIES == 12
    assert deliver_email.task_class.default_retry_delay * RETRIES == 7200


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=QUEUED, EMAIL_DELIVERY_BACKEND=LOCMEM)
def test_a_message_without_recipients_is_not_queued():
    assert EmailMessage("s", "b", None, []).send() == 0
    assert mail.outbox == []
