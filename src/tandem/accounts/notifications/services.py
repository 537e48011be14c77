"""Changing a person's e-mail choices (with an audit row that names the choices, which are not
private)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.accounts.notifications.models import MessageEmails, NotificationSettings
from tandem.core.services import audit_record
from tandem.people.models import Person


@transaction.atomic
def notification_settings_update(
    *, person: Person, message_emails: str, reminder_emails: bool, actor: User | None
) -> NotificationSettings:
    if message_emails not in MessageEmails.values:
        raise ValidationError(
            {
                "message_emails": _("Choose one of: %(choices)s.")
                % {"choices": ", ".join(str(label) for label in MessageEmails.labels)}
            }
        )
    settings, _created = NotificationSettings.objects.update_or_create(
        person=person,
        defaults={"message_emails": message_emails, "reminder_emails": reminder_emails},
    )
    audit_record(
        actor=actor,
        action="notifications.update",
        target=person,
        data={"message_emails": message_emails, "reminder_emails": reminder_emails},
    )
    return settings
