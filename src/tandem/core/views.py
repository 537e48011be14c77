from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.accounts.roles import COORDINATOR, SPONSOR, user_role_names
from tandem.accounts.selectors import person_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page: one entry point per role the account holds."""
    roles = set(user_role_names(request.user))
    person = person_for_user(user=request.user)
    return render(
        request,
        "core/home.html",
        {
            "person": person,
            "show_coordinator": bool(roles & {COORDINATOR, "superuser"}),
            "show_sponsor": SPONSOR in roles,
            "show_participant": "participant" in roles,
            "has_no_role": not roles,
        },
    )
