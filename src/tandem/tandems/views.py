"""A participant's tandems: the proposals to answer, the virtual coffee, confirming (R1, R13).

Thin views: the form checks the input, the services apply the rules, the selectors read what the
partner may see. Every view needs a login and checks a django-rules permission with the tandem;
a missing tandem is checked as None, so that everyone but the two partners gets 403 for every id
and cannot probe which tandems exist. State changes are POST only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.views_helpers import object_or_none
from tandem.matching.proposals.services import (
    tandem_accept,
    tandem_coffee_set,
    tandem_confirm,
    tandem_decline,
)
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


def _tandem_or_none(request: HttpRequest, pk: int) -> Tandem | None:
    """The object the permission is checked on (None for a missing tandem → 403)."""
    return object_or_none(Tandem.objects.select_related("mentor", "mentee"), pk=pk)


def _person(request: HttpRequest) -> Person:
    person = person_for_user(user=request.user)
    if person is None:
        raise PermissionDenied
    return person


def _mine(request: HttpRequest, pk: int) -> PartnerTandem:
    """The tandem as the signed-in partner sees it. Checked again here because Django grants
    active superusers every permission: one who is also in the directory must not get a 404
    that a 403 would have hidden."""
    found = partner_tandem_get(pk=pk, person=_person(request))
    if found is None:
        raise PermissionDenied
    return found


def _detail_context(view: PartnerTandem, **extra: Any) -> dict[str, Any]:
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


def _answer(
    request: HttpRequest,
    view: PartnerTandem,
    answer: Callable[..., Tandem],
    success: Callable[[Tandem], str],
) -> HttpResponse:
    """The signed-in partner's ``answer`` (a service of `services_answers`), then back to the
    tandem: ``success`` words the message from the answered tandem, or the page says why not."""
    attempt(
        request,
        lambda: success(answer(tandem=view.tandem, enrolment=view.me, actor=request.user)),
    )
    return redirect("tandems:detail", pk=view.tandem.pk)


@login_required
@permission_required("tandems.view_own_tandems", raise_exception=True)
@require_GET
def tandem_list_view(request: HttpRequest) -> HttpResponse:
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
@permission_required(VIEW, fn=_tandem_or_none, raise_exception=True)
@require_GET
def tandem_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, DETAIL_TEMPLATE, _detail_context(_mine(request, pk)))


@login_required
@permission_required(ANSWER, fn=_tandem_or_none, raise_exception=True)
@require_POST
def tandem_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    def success(tandem: Tandem) -> str:
        if tandem.both_accepted:
            return _(
                "You have both accepted. Arrange a virtual coffee to get to know each other, "
                "then confirm the tandem."
            )
        return _(
            "Thank you, you have accepted. We will let you know by e-mail as soon as your "
            "partner has answered too."
        )

    return _answer(request, _mine(request, pk), tandem_accept, success)


@login_required
@permission_required(ANSWER, fn=_tandem_or_none, raise_exception=True)
@require_POST
def tandem_decline_view(request: HttpRequest, pk: int) -> HttpResponse:
    """First POST: the confirmation step (nothing changes); with ``sure=yes``: decline."""
    view = _mine(request, pk)
    if request.POST.get("sure") != "yes":
        if not view.can_decline:
            messages.error(request, _("This proposal can no longer be declined."))
            return redirect("tandems:detail", pk=pk)
        return render(request, "tandems/decline.html", _detail_context(view))

    def success(_tandem: Tandem) -> str:
        return _(
            "You have declined. The proposal will not go ahead; your partner is told the same "
            "neutral news and does not learn who declined."
        )

    return _answer(request, view, tandem_decline, success)


@login_required
@permission_required(ANSWER, fn=_tandem_or_none, raise_exception=True)
@require_POST
def tandem_coffee_view(request: HttpRequest, pk: int) -> HttpResponse:
    view = _mine(request, pk)
    form = CoffeeForm(request.POST, tandem=view.tandem)
    if form.is_valid():
        try:
            tandem_coffee_set(
                tandem=view.tandem,
                enrolment=view.me,
                at=form.cleaned_data["at"],
                place=form.cleaned_data["place"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _(
                    "The virtual coffee is saved. Your partner gets an e-mail with the calendar "
                    "entry."
                ),
            )
            return redirect("tandems:detail", pk=pk)
    # Refused: the page again, with what was typed and why.
    return render(request, DETAIL_TEMPLATE, _detail_context(view, coffee_form=form), status=400)


@login_required
@permission_required(ANSWER, fn=_tandem_or_none, raise_exception=True)
@require_POST
def tandem_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    def success(tandem: Tandem) -> str:
        if tandem.confirmed_at:
            return _("Your tandem is formed. We wish you an inspiring time together!")
        return _(
            "Thank you for confirming. The tandem is formed as soon as your partner confirms too."
        )

    return _answer(request, _mine(request, pk), tandem_confirm, success)


@login_required
@permission_required(VIEW, fn=_tandem_or_none, raise_exception=True)
@require_GET
def tandem_coffee_ics_view(request: HttpRequest, pk: int) -> HttpResponse:
    view = _mine(request, pk)
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
