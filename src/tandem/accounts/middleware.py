"""End the session of an account that may no longer be used (a leaver), on its next request."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from tandem.people.access import email_unverified, person_is_inactive


class LockedAccountMiddleware:
    """Sign out a session whose account is locked (see `tandem.people.access`).

    Why a check on every request rather than deleting the leaver's sessions when they are
    deactivated: sessions are not indexed by user (finding one user's sessions means decoding every
    session row), and people are deactivated by bulk UPDATEs in the import, in the admin and by
    hand, which no signal sees. The check is two indexed lookups — the person by e-mail
    key, which the page's role checks need anyway (cached on the user for the request), and the
    account's e-mail addresses — about one extra query per page; it takes effect on every open
    session of the account at once, whatever deactivated the person.
    A session whose user Django itself refuses (deactivated or deleted user) is flushed as well.
    Must come after AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(SESSION_KEY) is None:
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated or person_is_inactive(user):
            logout(request)
            messages.error(
                request,
                _(
                    "You have been signed out: your account is not active, because you are not "
                    "listed as an active person in the organisation's directory. If this is a "
                    "mistake, please contact your HR department."
                ),
            )
        elif email_unverified(user):
            logout(request)
            messages.warning(
                request,
                _(
                    "You have been signed out: your e-mail address has changed and must be "
                    "confirmed. Open the link we sent to your new address, or sign in to get a "
                    "new link."
                ),
            )
        return self.get_response(request)
