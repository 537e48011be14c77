"""The page where anyone signed in chooses which e-mails Tandem sends them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tandem.accounts.notifications.forms import NotificationSettingsForm
from tandem.accounts.notifications.selectors import notification_settings
from tandem.accounts.notifications.services import notification_settings_update
from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest
from tandem.people.selectors import person_for_user


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = person_for_user(user=request.user)
    if person is None:
        # Only people of the directory get Tandem's program e-mails; an account outside it
        # (an administrator) has nothing to choose.
        return render(request, "accounts/notifications/settings.html", {"form": None})
    current = notification_settings(person=person)
    form = NotificationSettingsForm(
        request.POST or None,
        initial={
            "message_emails": current.message_emails,
            "reminder_emails": current.reminder_emails,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change() -> str:
            notification_settings_update(
                person=person,
                message_emails=data["message_emails"],
                reminder_emails=data["reminder_emails"],
                actor=request.user,
            )
            return _("Your e-mail settings are saved.")

        if attempt(request, change):
            return redirect("notifications:settings")
    return render(request, "accounts/notifications/settings.html", {"form": form}, status=200)
