"""The partners' answers to a proposal: accept, decline, the virtual coffee, confirm (R1, R13).

They change a proposal and may form the tandem (``matching.proposals.services``); the pages they
come from and return to are the tandem's pages in ``tandems.views``. State changes are POST only;
the permission is checked with the tandem, and a missing tandem is 403 like anybody else's.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest
from tandem.matching.proposals.services import (
    tandem_accept,
    tandem_coffee_set,
    tandem_confirm,
    tandem_decline,
)
from tandem.tandems.forms import CoffeeForm
from tandem.tandems.models import Tandem
from tandem.tandems.selectors_partner import PartnerTandem
from tandem.tandems.views import (
    DETAIL_TEMPLATE,
    detail_context,
    partner_tandem,
    tandem_or_none,
)

ANSWER = "tandems.answer_tandem"


def _answer(
    request: AuthenticatedHttpRequest,
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
@permission_required(ANSWER, fn=tandem_or_none, raise_exception=True)
@require_POST
def tandem_accept_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
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

    return _answer(request, partner_tandem(request, pk), tandem_accept, success)


@login_required
@permission_required(ANSWER, fn=tandem_or_none, raise_exception=True)
@require_POST
def tandem_decline_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """First POST: the confirmation step (nothing changes); with ``sure=yes``: decline."""
    view = partner_tandem(request, pk)
    if request.POST.get("sure") != "yes":
        if not view.can_decline:
            messages.error(request, _("This proposal can no longer be declined."))
            return redirect("tandems:detail", pk=pk)
        return render(request, "tandems/decline.html", detail_context(view))

    def success(_tandem: Tandem) -> str:
        return _(
            "You have declined. The proposal will not go ahead; your partner is told the same "
            "neutral news and does not learn who declined."
        )

    return _answer(request, view, tandem_decline, success)


@login_required
@permission_required(ANSWER, fn=tandem_or_none, raise_exception=True)
@require_POST
def tandem_coffee_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    view = partner_tandem(request, pk)
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
    return render(request, DETAIL_TEMPLATE, detail_context(view, coffee_form=form), status=400)


@login_required
@permission_required(ANSWER, fn=tandem_or_none, raise_exception=True)
@require_POST
def tandem_confirm_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def success(tandem: Tandem) -> str:
        if tandem.confirmed_at:
            return _("Your tandem is formed. We wish you an inspiring time together!")
        return _(
            "Thank you for confirming. The tandem is formed as soon as your partner confirms too."
        )

    return _answer(request, partner_tandem(request, pk), tandem_confirm, success)
