"""A participant's tandems: the list, one tandem's page and its coffee calendar file (R1, R13).

The answers (accept, decline, the virtual coffee, confirming) are posted to
`matching.proposals.views`, which renders these pages again when it refuses.

Thin views: the form checks the input, the services apply the rules, the selectors read what the
partner may see. Every view needs a login and checks a django-rules permission with the tandem;
a missing tandem is checked as None, so that everyone but the two partners gets 403 for every id
and cannot probe which tandems exist. State changes are POST only.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.core.views_helpers import object_or_none
from tandem.people.models import Person
from tandem.people.selectors import person_for_user
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.tandems import ics as ics_coffee
from tandem.tandems.forms import CoffeeForm
from tandem.tandems.models import Tandem
from tandem.tandems.selectors_partner import (
    PartnerTandem,
    partner_tandem_get,
    person_partner_tandems,
)

VIEW = "tandems.view_tandem"
ANSWER = "tandems.answer_tandem"
DETAIL_TEMPLATE = "tandems/detail.html"


def tandem_or_none(request: AuthenticatedHttpRequest, pk: int) -> Tandem | None:
    """The object the permission is checked on (None for a missing tandem → 403)."""
    return object_or_none(Tandem.objects.select_related("mentor", "mentee"), pk=pk)


def _person(request: AuthenticatedHttpRequest) -> Person:
    person = person_for_user(user=request.user)
    if person is None:
        raise PermissionDenied
    return person


def partner_tandem(request: AuthenticatedHttpRequest, pk: int) -> PartnerTandem:
    """The tandem as the signed-in partner sees it. Checked again here because Django grants
    active superusers every permission: one who is also in the directory must not get a 404
    that a 403 would have hidden."""
    found = partner_tandem_get(pk=pk, person=_person(request))
    if found is None:
        raise PermissionDenied
    return found


def detail_context(view: PartnerTandem, **extra: Any) -> dict[str, Any]:
    return {
        "view": view,
        "tandem": view.tandem,
        "cohort": view.cohort,
        "partner": view.partner_person,
        "reasons": view.reasons,
        "contact": cohort_contact(cohort=view.cohort),
        "coffee_form": extra.pop("coffee_form", None) or CoffeeForm(tandem=view.tandem),
        **extra,
    }


@login_required
@permission_required("tandems.view_own_tandems", raise_exception=True)
@require_GET
def tandem_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    views = person_partner_tandems(person=_person(request))
    return render(
        request,
        "tandems/mine.html",
        {
            "open_views": [v for v in views if v.is_open or v.state == "formed"],
            "past_views": [v for v in views if not (v.is_open or v.state == "formed")],
        },
    )


@login_required
@permission_required(VIEW, fn=tandem_or_none, raise_exception=True)
@require_GET
def tandem_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return render(request, DETAIL_TEMPLATE, detail_context(partner_tandem(request, pk)))


@login_required
@permission_required(VIEW, fn=tandem_or_none, raise_exception=True)
@require_GET
def tandem_coffee_ics_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    view = partner_tandem(request, pk)
    if not view.has_coffee:
        raise Http404(_("No virtual coffee has been arranged for this tandem."))
    url = request.build_absolute_uri(reverse("tandems:detail", args=[pk]))
    body = ics_coffee.coffee_calendar(
        tandem=view.tandem, partner_name=view.partner_person.full_name, url=url
    )
    response = HttpResponse(body, content_type=ics_coffee.CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{ics_coffee.coffee_filename(view.tandem)}"'
    )
    patch_cache_control(response, private=True, max_age=0)
    return response
