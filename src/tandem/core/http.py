"""Request types for views, so that mypy knows what the middleware put on a request.

`HtmxMiddleware` (django-htmx) sets `request.htmx` on every request; `AuthenticationMiddleware`
sets `request.user`, which is a real account behind `login_required` (or a permission check that
implies it). Annotate a view's request with the narrowest type that is true for it.

The one htmx switch: a view that answers both a whole page and a fragment of it on the same URL
asks `wants_partial` (or lets `render_page_or_partial` ask), never ``request.htmx`` itself. A
history restore or a boosted navigation wants the whole page, and because both answers share a
URL, the response varies on ``HX-Request`` so that caches keep them apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """Any request: the htmx details are always there (False-y when not an htmx request)."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request of a logged-in account: only for views behind `login_required`."""

    user: User


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request for a fragment of the page (not a history restore, not a boosted link)."""
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request and not htmx.boosted


def render_page_or_partial(
    request: HttpRequest,
    *,
    page: str,
    partial: str,
    context: Mapping[str, Any],
    partial_context: Mapping[str, Any] | None = None,
    page_context: Mapping[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The whole ``page`` or, for `wants_partial`, the ``partial`` template (each with its own
    extra context), varying on ``HX-Request``."""
    if wants_partial(request):
        response = render(request, partial, {**context, **(partial_context or {})}, status=status)
    else:
        response = render(request, page, {**context, **(page_context or {})}, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response
