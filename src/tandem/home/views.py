from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tandem.core.http import AuthenticatedHttpRequest
from tandem.home.selectors import ParticipantHome, coordinator_home, participant_home
from tandem.people.models import Person
from tandem.people.roles import COORDINATOR, SPONSOR, user_role_names
from tandem.people.selectors import person_for_user


def _participant_home(person: Person, *, also_coordinator: bool) -> ParticipantHome | None:
    home = participant_home(person=person)
    # A coordinator who takes part in nothing is spared the empty participant sections.
    return home if home.has_any or not also_coordinator else None


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The start page: one entry point per role the account holds, and what needs doing."""
    roles = set(user_role_names(request.user))
    person = person_for_user(user=request.user)
    show_coordinator = bool(roles & {COORDINATOR, "superuser"})
    show_participant = "participant" in roles
    return render(
        request,
        "home/home.html",
        {
            "person": person,
            "show_coordinator": show_coordinator,
            "show_sponsor": SPONSOR in roles,
            "show_participant": show_participant,
            "show_admin": "superuser" in roles and request.user.is_staff,
            "has_no_role": not roles,
            # the participant role is given by the person in the directory, so there is one
            "participant": _participant_home(
                cast(Person, person), also_coordinator=show_coordinator
            )
            if show_participant
            else None,
            "programs": coordinator_home(user=request.user) if show_coordinator else None,
        },
    )
