"""The e-mails about new messages: right away, daily or never; once per run and person; never
a word of a message (R23)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tandem.tandems.models import TandemStatus
from tandem.workspace.messages import email_choices
from tandem.workspace.messages.digest import message_digest_send
from tandem.workspace.messages.tasks import send_message_emails
from tandem.workspace.messages.tests.helpers import SECRET, post, thread_url

pytestmark = pytest.mark.django_db

# The personas' cohort is run in German first (its e-mails are German); see the language test.

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def local(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def choose(monkeypatch):
    """Set people's choices: ``choose(default="immediately", **{email: choice})``."""

    def set_choices(default: str = email_choices.DAILY, **by_email: str) -> None:
        def lookup(*, emails):
            return {e.strip().lower(): by_email.get(e.lower(), default) for e in emails}

        monkeypatch.setattr(email_choices, "message_email_choices", lookup)

    return set_choices


def sent(after: int = 0) -> list:
    return mail.outbox[after:]


def run(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return message_digest_send()


def test_immediately_sends_one_email_per_run_and_never_twice(
    formed, mentee, choose, django_capture_on_commit_callbacks
):
    choose(default=email_choices.IMMEDIATELY)
    with time_machine.travel(local(2, 10), tick=False):
        post(formed, mentee)
        post(formed, mentee, "noch eine")
    with time_machine.travel(local(2, 10, 5), tick=False):
        assert run(django_capture_on_commit_callbacks) == 1
        assert run(django_capture_on_commit_callbacks) == 0  # the same run again: nothing
    (message,) = mail.outbox
    assert message.to == [formed.tandem.mentor.person.email]
    assert "2 neue Nachrichten" in message.subject
    assert thread_url(formed) in message.body and "Marlene Müller" in message.body
    with time_machine.travel(local(2, 10, 7), tick=False):
        post(formed, mentee, "dritte")
    with time_machine.travel(local(2, 10, 10), tick=False):
        assert run(django_capture_on_commit_callbacks) == 1
    assert "1 neue Nachricht" in mail.outbox[1].subject


def test_a_read_message_is_not_announced(
    formed, mentee, mentor, client_for, choose, django_capture_on_commit_callbacks
):
    choose(default=email_choices.IMMEDIATELY)
    post(formed, mentee)
    client_for(mentor).get(thread_url(formed))
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_never_sends_nothing(formed, mentee, choose, django_capture_on_commit_callbacks):
    choose(default=email_choices.NEVER)
    post(formed, mentee)
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_daily_waits_for_the_morning_and_sends_once_a_day(
    formed, mentee, choose, django_capture_on_commit_callbacks, settings
):
    settings.TANDEM_MESSAGE_DIGEST_HOUR = 7
    choose(default=email_choices.DAILY)
    with time_machine.travel(local(2, 9), tick=False):
        post(formed, mentee)
    with time_machine.travel(local(2, 9, 5), tick=False):
        # Today's digest hour (7:00) had passed before the message: tomorrow's tells.
        assert run(django_capture_on_commit_callbacks) == 0
    with time_machine.travel(local(2, 12), tick=False):
        post(formed, mentee, "mittags")
        assert run(django_capture_on_commit_callbacks) == 0
    with time_machine.travel(local(3, 6, 55), tick=False):
        assert run(django_capture_on_commit_callbacks) == 0  # not before the hour
    with time_machine.travel(local(3, 7, 0), tick=False):
        assert run(django_capture_on_commit_callbacks) == 1
        assert run(django_capture_on_commit_callbacks) == 0
    with time_machine.travel(local(3, 8), tick=False):
        post(formed, mentee, "morgens")
    with time_machine.travel(local(3, 23), tick=False):
        assert run(django_capture_on_commit_callbacks) == 0  # once a day
    with time_machine.travel(local(5, 9), tick=False):  # the job was down on the 4th
        assert run(django_capture_on_commit_callbacks) == 1
    assert [m.subject for m in mail.outbox] == [
        "Tandem: 2 neue Nachrichten",
        "Tandem: 1 neue Nachricht",
    ]


def test_after_downtime_one_email_covers_everything_missed(
    formed, mentee, mentor, choose, django_capture_on_commit_callbacks
):
    choose(default=email_choices.IMMEDIATELY)
    for day in (2, 3, 4):
        with time_machine.travel(local(day, 10), tick=False):
            post(formed, mentee, f"Tag {day}")
    with time_machine.travel(local(5, 8), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            send_message_emails.call_local()
        assert len(mail.outbox) == 1
        with django_capture_on_commit_callbacks(execute=True):
            send_message_emails.call_local()
    (message,) = mail.outbox
    assert "3 neue Nachrichten" in message.subject


def test_several_tandems_of_one_person_share_one_email(
    formed, mentee, choose, django_capture_on_commit_callbacks
):
    from tandem.tandems.tests.factories import TandemFactory
    from tandem.workspace.access import MENTEE, Space, formed_tandem_or_none
    from tandem.workspace.messages.services import message_post

    choose(default=email_choices.IMMEDIATELY)
    # Jonas mentors a second mentee (a mentor may have several, up to capacity).
    second = TandemFactory(cohort=formed.cohort, mentor=formed.tandem.mentor, confirmed=True)
    post(formed, mentee)
    fresh = formed_tandem_or_none(second.formed_key)
    assert fresh is not None
    message_post(
        space=Space(tandem=fresh, person=fresh.mentee.person, side=MENTEE), text="hi", actor=None
    )
    assert run(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert "2 neue Nachrichten" in message.subject
    assert thread_url(formed) in message.body
    assert str(second.formed_key) in message.body


def test_nothing_for_ended_tandems_or_inactive_people(
    formed, mentee, choose, django_capture_on_commit_callbacks
):
    choose(default=email_choices.IMMEDIATELY)
    post(formed, mentee)
    formed.tandem.mentor.person.is_active = False
    formed.tandem.mentor.person.save(update_fields=["is_active"])
    assert run(django_capture_on_commit_callbacks) == 0
    formed.tandem.mentor.person.is_active = True
    formed.tandem.mentor.person.save(update_fields=["is_active"])
    formed.tandem.status, formed.tandem.ended_at = TandemStatus.ENDED, local(2, 10)
    formed.tandem.save(update_fields=["status", "ended_at"])
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("languages", "subject", "phrase"),
    [
        (["de"], "Tandem: 1 neue Nachricht", "Hallo"),
        (["en"], "Tandem: 1 new message", "Hello"),
    ],
)
def test_the_email_is_in_the_cohorts_language_and_never_says_what_was_written(
    formed, mentee, choose, django_capture_on_commit_callbacks, languages, subject, phrase
):
    choose(default=email_choices.IMMEDIATELY)
    formed.cohort.languages = languages
    formed.cohort.save(update_fields=["languages"])
    post(formed, mentee, upload=SimpleUploadedFile("Kuendigung.txt", b"plain"))
    assert run(django_capture_on_commit_callbacks) == 1
    (message,) = mail.outbox
    assert message.subject == subject and message.body.startswith(phrase)
    everything = message.subject + message.body
    assert SECRET not in everything and "Burnout" not in everything
    assert "Kuendigung" not in everything


def test_the_choice_of_each_person_is_asked_once(
    formed, mentee, mentor, choose, django_capture_on_commit_callbacks
):
    """The mentor chose "never", the mentee "immediately": only the mentee is written to."""
    choose(
        **{
            formed.tandem.mentor.person.email.lower(): email_choices.NEVER,
            formed.tandem.mentee.person.email.lower(): email_choices.IMMEDIATELY,
        }
    )
    post(formed, mentee)
    post(formed, mentor, "Antwort")
    assert run(django_capture_on_commit_callbacks) == 1
    assert mail.outbox[0].to == [formed.tandem.mentee.person.email]


def test_the_planted_tandems_email_carries_no_marker(
    formed, choose, django_capture_on_commit_callbacks
):
    from tandem.workspace.tests.plant import MARK, plant

    with django_capture_on_commit_callbacks(execute=True):
        plant(formed.tandem)
    mail.outbox.clear()
    choose(default=email_choices.IMMEDIATELY)
    assert run(django_capture_on_commit_callbacks) == 1  # the mentee has the mentor's reply
    (message,) = mail.outbox
    assert MARK not in message.subject + message.body


def test_the_saved_notification_settings_decide(
    formed, mentee, mentor, django_capture_on_commit_callbacks
):
    """The real settings: the mentor chose "never"; the mentee never chose (daily by default)."""
    from tandem.accounts.notifications.models import NotificationSettings

    NotificationSettings.objects.create(
        person=formed.tandem.mentor.person, message_emails=email_choices.NEVER
    )
    with time_machine.travel(local(2, 10), tick=False):
        post(formed, mentee)
    with time_machine.travel(local(2, 11), tick=False):
        post(formed, mentor, "Antwort")
    with time_machine.travel(local(3, 7, 5), tick=False):
        assert run(django_capture_on_commit_callbacks) == 1
    assert mail.outbox[0].to == [formed.tandem.mentee.person.email]
    assert "/settings/notifications/" in mail.outbox[0].body  # the footer of every e-mail
