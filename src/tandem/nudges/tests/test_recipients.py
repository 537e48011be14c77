"""Nothing to people who withdrew, who left, or who switched reminders off; German and English."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tandem.enrolment.choices import EnrolmentStatus
from tandem.nudges.tests.conftest import START, meeting, to_of

pytestmark = pytest.mark.django_db


def test_a_withdrawn_partner_gets_nothing(pair, travel, daily):
    pair.mentor.status, pair.mentor.withdrawn_at = EnrolmentStatus.WITHDRAWN, START
    pair.mentor.save()
    travel(days=38)
    assert pair.mentor.person.email not in to_of(daily())


def test_a_person_who_left_gets_nothing(pair, travel, daily):
    pair.mentee.person.is_active = False
    pair.mentee.person.save()
    travel(days=38)
    sent = to_of(daily())
    assert pair.mentee.person.email not in sent
    assert pair.mentor.person.email in sent


def test_who_switched_reminders_off_gets_none(pair, travel, daily):
    from tandem.accounts.notifications.models import NotificationSettings

    NotificationSettings.objects.create(person=pair.mentee.person, reminder_emails=False)
    off = pair.mentee.person.email.lower()
    travel(days=38)
    sent = to_of(daily())
    assert off not in [s.lower() for s in sent]
    assert pair.mentor.person.email in sent
    # the step counts as done: the contact is still asked for a check-in a week later
    travel(days=46)
    assert "clara.coordinator@example.com" in to_of(daily())


def test_a_cohort_writing_german_gets_german_e_mails(pair, travel, daily):
    pair.cohort.languages = ["de", "en"]
    pair.cohort.save()
    meeting(pair.tandem, START.replace(month=6))
    travel(days=21)
    sent = daily()
    assert sent and all(m.extra_headers["Content-Language"] == "de" for m in sent)
    assert "Vereinbarung" in sent[0].subject
    assert "Hallo" in sent[0].body


def test_a_cohort_writing_english_gets_english_e_mails(pair, travel, daily):
    meeting(pair.tandem, START.replace(month=6))
    travel(days=21)
    sent = daily()
    assert sent and all(m.extra_headers["Content-Language"] == "en" for m in sent)
    assert "agreement" in sent[0].subject


def test_every_nudge_links_to_the_notification_settings(pair, travel, daily):
    travel(days=46)
    sent = daily()
    assert len(sent) == 4
    assert all(reverse("notifications:settings") in m.body for m in sent)


def test_the_labels_in_a_german_reminder_are_german(pair, travel, hourly):
    pair.cohort.languages = ["de"]
    pair.cohort.save()
    meeting(pair.tandem, START + datetime.timedelta(hours=20))
    sent = hourly()
    assert sent and "Videotelefonat" in sent[0].body
    assert "Video call" not in sent[0].body


def test_the_event_kind_in_a_german_reminder_is_german(pair, travel, daily):
    from tandem.programs.choices import EventKind
    from tandem.programs.tests.factories import CohortEventFactory

    pair.cohort.languages = ["de"]
    pair.cohort.save()
    meeting(pair.tandem, START.replace(month=6))
    CohortEventFactory(
        cohort=pair.cohort, kind=EventKind.KICKOFF, starts_at=START + datetime.timedelta(days=2)
    )
    sent = [m for m in daily() if m.subject.startswith("Erinnerung")]
    assert sent and "Veranstaltung" in sent[0].body
