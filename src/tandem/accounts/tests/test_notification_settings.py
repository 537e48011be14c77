"""The personal e-mail settings: the page for everyone signed in, the defaults, the one-query
readers the jobs use, and the settings link at the end of every e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tandem.accounts.notifications.models import MessageEmails, NotificationSettings
from tandem.accounts.notifications.selectors import (
    emails_without_reminders,
    message_email_choices,
    notification_settings,
)
from tandem.core.emails import templated_email
from tandem.core.models import AuditEvent
from tandem.people.tests.factories import PersonFactory

URL = reverse("notifications:settings")


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_defaults_without_a_saved_row(mentee_person):
    settings = notification_settings(person=mentee_person)
    assert settings.pk is None
    assert settings.message_emails == MessageEmails.DAILY
    assert settings.reminder_emails is True


def test_participant_sees_the_defaults_and_saves_a_choice(client_for, mentee, mentee_person):
    client = client_for(mentee)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    checked = re.findall(r'<input type="radio"[^>]*value="(\w+)"[^>]*checked', html)
    assert checked == ["daily"]
    assert re.search(r'name="reminder_emails"[^>]*checked', page.content.decode())

    response = client.post(URL, {"message_emails": "never"}, follow=True)

    saved = NotificationSettings.objects.get(person=mentee_person)
    assert (saved.message_emails, saved.reminder_emails) == ("never", False)
    assert "saved" in response.content.decode()
    event = AuditEvent.objects.get(action="notifications.update")
    assert event.data == {"message_emails": "never", "reminder_emails": False}


def test_unknown_choice_is_refused_with_the_reason_and_nothing_saved(client_for, mentee):
    response = client_for(mentee).post(URL, {"message_emails": "hourly", "reminder_emails": "on"})
    assert response.status_code == 200
    assert "hourly" in response.content.decode()  # "Select a valid choice. hourly is not …"
    assert not NotificationSettings.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "sponsor"])
def test_every_person_with_an_account_has_the_page(request, client_for, role):
    user = request.getfixturevalue(role)
    response = client_for(user).post(URL, {"message_emails": "immediately"})
    assert response.status_code == 302
    assert NotificationSettings.objects.get(person__email=user.email).message_emails == (
        "immediately"
    )


@pytest.mark.parametrize("role", ["superuser", "outsider"])
def test_an_account_outside_the_directory_is_told_there_is_nothing_to_choose(
    request, client_for, role
):
    client = client_for(request.getfixturevalue(role))
    page = client.get(URL)
    assert page.status_code == 200
    assert "nothing to choose" in page.content.decode()
    client.post(URL, {"message_emails": "never"})
    assert not NotificationSettings.objects.exists()


def test_one_person_cannot_change_anothers_settings(client_for, mentee, mentor_person):
    # The page has no person parameter at all: it always means the signed-in person.
    client_for(mentee).post(URL + f"?person={mentor_person.pk}", {"message_emails": "never"})
    assert not NotificationSettings.objects.filter(person=mentor_person).exists()


@pytest.mark.django_db
def test_the_jobs_read_everyones_choice_in_one_query_ignoring_case():
    people = PersonFactory.create_batch(30)
    NotificationSettings.objects.create(person=people[0], message_emails="never")
    NotificationSettings.objects.create(person=people[1], reminder_emails=False)
    emails = [p.email.upper() if i % 2 else p.email for i, p in enumerate(people)]
    emails.append("nobody@nowhere.example")

    with CaptureQueriesContext(connection) as choices_queries:
        choices = message_email_choices(emails=emails)
    with CaptureQueriesContext(connection) as reminder_queries:
        opted_out = emails_without_reminders(emails=emails)

    assert len(choices_queries) == 1 and len(reminder_queries) == 1
    assert choices[people[0].email.lower()] == "never"
    assert choices[people[1].email.lower()] == "daily"
    assert choices["nobody@nowhere.example"] == "daily"
    assert opted_out == {people[1].email.lower()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Which e-mails Tandem sends you:"), ("de", "Welche E-Mails Tandem Ihnen sendet:")],
)
def test_every_email_ends_with_the_settings_link_in_its_language(settings, language, text):
    settings.SITE_ROOT = "https://tandem.example"
    message = templated_email(
        template="tandems/email/not_formed",
        context={},
        language=language,
        to="someone@example.com",
    )
    assert message.body.rstrip().endswith(f"{text} https://tandem.example{URL}")


def test_the_page_is_german_for_a_german_session(client_for, mentee):
    with translation.override("de"):
        page = client_for(mentee).get(URL, headers={"accept-language": "de"})
    assert "Ihre E-Mail-Einstellungen" in page.content.decode()


def test_the_navigation_links_the_settings(client_for, mentee):
    page = client_for(mentee).get(reverse("home:home"))
    assert URL in page.content.decode()
    assert not mail.outbox


def test_account_emails_end_with_the_settings_link_too(client, mentee_person):
    client.post(reverse("account_signup"), {"email": mentee_person.email})
    [message] = mail.outbox
    assert message.body.rstrip().endswith(URL)
