"""Request types for views, so that mypy knows what the middleware put on a request.

`HtmxMiddleware` (django-htmx) sets `request.htmx` on every request; `AuthenticationMiddleware`
sets `request.user`, which is a real account behind `login_required` (or a permission check that
implies it). Annotate a view's request with the narrowest type that is true for it.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """Any request: the htmx details are always there (False-y when not an htmx request)."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request of a logged-in account: only for views behind `login_required`."""

    user: User
