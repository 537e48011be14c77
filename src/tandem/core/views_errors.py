"""Error pages in the site's layout and the favicon at the address browsers ask for.

403 and 404 use Django's handlers with the project's 403.html and 404.html (full request context:
they can show who is signed in). The 500 page is rendered without context processors, because the
error may be the database itself: no session, no user, no query, only the request and a CSRF
token for the language switch.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.middleware.csrf import get_token
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token

from tandem.core.http import HtmxHttpRequest

logger = logging.getLogger(__name__)

FAVICON = "tandem/favicon.ico"


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: the site's layout, translated, with a way back; never a second error."""
    # A plain HttpRequest: the error may come from a middleware before HtmxMiddleware.
    try:
        token = get_token(request)
    except Exception:  # the page must appear whatever broke
        token = ""
    try:
        body = loader.get_template("500.html").render({"request": request, "csrf_token": token})
    except Exception:
        logger.exception("The 500 page itself failed; answering in plain text.")
        body = (
            "<!doctype html><title>500</title><h1>Server Error (500)</h1><p><a href='/'>/</a></p>"
        )
    return HttpResponseServerError(body)


def favicon(request: HtmxHttpRequest) -> HttpResponse:
    """/favicon.ico for browsers and tools that ask there instead of reading the page's link.

    A temporary redirect: browsers cache a permanent one for good, even if the static address
    changes (hashed file names)."""
    return HttpResponseRedirect(static(FAVICON))
