"""End to end: a message sent by the application waits in the queue until the real worker
(`tandem run_huey`, a process of its own) delivers it to a real SMTP server (aiosmtpd on
127.0.0.1)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tandem.enrolment.tests.test_invitation_smtp import smtp_server  # noqa: F401

SRC = Path(__file__).resolve().parents[3]

SEND = """
import django
django.setup()
from django.core.mail import send_mail
assert send_mail("Ihr Treffen", "Bis Dienstag!", None, ["birgit@example.com"]) == 1
"""


def test_the_worker_delivers_queued_mail_to_the_smtp_server(smtp_server, tmp_path):  # noqa: F811
    inbox, port = smtp_server
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
        "DEBUG": "true",
        "TANDEM_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    sent = subprocess.run(
        [sys.executable, "-c", SEND], env=env, capture_output=True, text=True, timeout=120
    )
    assert sent.returncode == 0, sent.stderr[-2000:]
    assert inbox.envelopes == []  # queued, not yet delivered: no worker runs
    worker = subprocess.Popen(
        [sys.executable, "-m", "tandem", "run_huey"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not inbox.envelopes and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["birgit@example.com"]
    assert b"Bis Dienstag!" in envelope.content
