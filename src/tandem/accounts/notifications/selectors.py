"""Reading the e-mail choices: one person's for the settings page, many at once for the jobs
(one query whatever the number of people; anyone without a row gets the defaults)."""

from __future__ import annotations

from collections.abc import Iterable

from tandem.accounts.notifications.models import MessageEmails, NotificationSettings
from tandem.people.models import Person
from tandem.people.normalize import email_key


def notification_settings(*, person: Person) -> NotificationSettings:
    """The person's settings, or unsaved defaults when they never changed them."""
    found = NotificationSettings.objects.filter(person=person).first()
    return found if found is not None else NotificationSettings(person=person)


def _keys(emails: Iterable[str]) -> dict[str, str]:
    """Each address's key (how the directory compares e-mails) → the address lower-cased."""
    return {email_key(email): email.strip().lower() for email in emails if email}


def message_email_choices(*, emails: Iterable[str]) -> dict[str, str]:
    """Each address (lower-cased) → its choice for message e-mails; "daily" by default."""
    keys = _keys(emails)
    choices = {email: str(MessageEmails.DAILY) for email in keys.values()}
    rows = NotificationSettings.objects.filter(person__email_key__in=list(keys))
    for key, choice in rows.values_list("person__email_key", "message_emails"):
        choices[keys[key]] = choice
    return choices


def emails_without_reminders(*, emails: Iterable[str]) -> set[str]:
    """The addresses (lower-cased) of people who turned reminders and nudges off."""
    keys = _keys(emails)
    rows = NotificationSettings.objects.filter(
        person__email_key__in=list(keys), reminder_emails=False
    )
    return {keys[key] for key in rows.values_list("person__email_key", flat=True)}
