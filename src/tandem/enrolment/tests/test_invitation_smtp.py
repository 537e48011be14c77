"""One invitation through a real SMTP conversation (aiosmtpd on 127.0.0.1, a free port)."""

from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from tandem.enrolment.invitations.services import invitations_send
from tandem.enrolment.models import Invitation
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.mark.django_db
def test_an_invitation_travels_through_a_real_smtp_server(
    smtp_server, coordinator, django_capture_on_commit_callbacks
):
    inbox, port = smtp_server
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN, languages=["en"], coordinator=coordinator)
    person = PersonFactory(first_name="Jonas", email="jonas@example.com")
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=10,
            DEFAULT_FROM_EMAIL="tandem@example.com",
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = invitations_send(cohort=cohort, people=[person], actor=coordinator)

    assert result.email_failures == []
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "tandem@example.com"
    assert envelope.rcpt_tos == ["jonas@example.com"]
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"].startswith("Invitation to reverse mentoring:")
    assert message["Content-Language"] == "en"
    assert message.get_content_type() == "multipart/alternative"
    token = Invitation.objects.get(person=person).token
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f"/enrolment/invite/{token}/" in text
    assert f"/enrolment/invite/{token}/" in html
    assert "Hello Jonas," in text
