"""Sign-up with an even answer time, so that its duration does not tell who works here."""

from __future__ import annotations

import time

from allauth.account.views import signup as allauth_signup
from django.http import HttpResponse

from tandem.core.http import HtmxHttpRequest

# Creating an account (a person in the directory) writes three rows; the other answers (not in
# the directory, already registered) only send a mail. Measured with the test client: about
# 18 ms against 8 ms. Every posted sign-up takes at least this long, far above that difference.
SIGNUP_MIN_SECONDS = 0.35


def signup(request: HtmxHttpRequest) -> HttpResponse:
    started = time.monotonic()
    response = allauth_signup(request)
    if request.method == "POST":
        remaining = SIGNUP_MIN_SECONDS - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
    return response
