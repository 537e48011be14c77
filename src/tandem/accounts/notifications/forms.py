from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.accounts.notifications.models import MessageEmails, NotificationSettings
from tandem.core.forms import ServiceErrorsMixin


class NotificationSettingsForm(ServiceErrorsMixin, forms.Form):
    message_emails = forms.ChoiceField(
        label=_("E-mails about new messages in your tandem"),
        choices=MessageEmails.choices,
        widget=forms.RadioSelect,
        help_text=_("The e-mail only says that there are new messages, never what they say."),
    )
    reminder_emails = forms.BooleanField(
        label=_("Reminders and friendly nudges"),
        required=False,
        help_text=NotificationSettings._meta.get_field("reminder_emails").help_text,
    )
