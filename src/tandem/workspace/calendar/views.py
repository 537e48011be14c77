"""The calendar subscription: the page to make, re-make and revoke it (signed in), and the feed
itself (token only, no sign-in)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from tandem.core.emails import absolute_url
from tandem.core.http import AuthenticatedHttpRequest
from tandem.people.selectors import person_for_user
from tandem.programs.events.ics import CONTENT_TYPE
from tandem.workspace.calendar import services
from tandem.workspace.calendar.feed import feed_calendar
from tandem.workspace.calendar.selectors import (
    calendar_feed_active,
    calendar_feed_for_token,
    feed_contents,
)


def feed_url(token: str) -> str:
    """The address on this site (``SITE_ROOT``), as in e-mails: calendar programs fetch it from
    outside any request."""
    return absolute_url("workspace:calendar_feed", token)


@login_required
@permission_required("workspace.use_calendar_feed", raise_exception=True)
@require_http_methods(["GET", "POST"])
def calendar_feed_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Checked again: Django grants a superuser every permission, but a feed needs a person.
    person = person_for_user(user=request.user)
    if person is None or not person.is_active:
        raise PermissionDenied
    new_url = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            created = services.calendar_feed_create(person=person, actor=request.user)
            new_url = feed_url(created.token)
        elif action == "revoke":
            if services.calendar_feed_revoke(person=person, actor=request.user):
                messages.success(
                    request, _("Your calendar subscription is revoked: its address stops working.")
                )
            return redirect("workspace:calendar_feed_settings")
        else:
            return redirect("workspace:calendar_feed_settings")
    response = render(
        request,
        "workspace/calendar/settings.html",
        {
            "active": calendar_feed_active(person=person),
            "new_url": new_url,
            "webcal_url": new_url.replace("https://", "webcal://", 1).replace(
                "http://", "webcal://", 1
            ),
        },
    )
    # The page that shows a new address once must not be kept by a browser or proxy.
    patch_cache_control(response, no_store=True, private=True)
    return response


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = calendar_feed_for_token(token)
    if feed is None:
        raise Http404(_("No calendar subscription with this address."))
    contents = feed_contents(person=feed.person)
    body = feed_calendar(
        contents=contents,
        meeting_url=lambda meeting: absolute_url(
            "workspace:meeting_detail", meeting.tandem_id, meeting.pk
        ),
        event_url=lambda event: absolute_url("programs:event_detail", event.pk),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="tandem.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, no_cache=True)
    return response
