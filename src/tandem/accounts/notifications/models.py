"""A person's choice of which e-mails Tandem may send them (R23's digest, the reminders)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageEmails(models.TextChoices):
    IMMEDIATELY = "immediately", _("Right away (at most one e-mail every few minutes)")
    DAILY = "daily", _("Once a day, in the morning")
    NEVER = "never", _("Never")


class NotificationSettings(models.Model):
    """One row per person who changed a default; everybody else gets the defaults
    (`selectors.notification_settings`), so nobody has to save settings to receive e-mails.
    Keyed by the person, not the account: the jobs that send know people (enrolments), and the
    person's account follows their e-mail."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="notification_settings"
    )
    message_emails = models.CharField(
        _("e-mails about new messages"),
        max_length=12,
        choices=MessageEmails.choices,
        default=MessageEmails.DAILY,
    )
    reminder_emails = models.BooleanField(
        _("reminders and friendly nudges"),
        default=True,
        help_text=_(
            "Meeting and event reminders, and a note when something waits for your answer."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(message_emails__in=MessageEmails.values),
                name="notification_message_emails_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.message_emails}, reminders {self.reminder_emails}"
