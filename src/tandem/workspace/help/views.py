"""The partner's pages: asking the cohort's contact for help, and asking for a new partner."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tandem.core.feedback import report_refusal
from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.help.contact import cohort_contact_user
from tandem.workspace.help.forms import HelpRequestForm
from tandem.workspace.help.rematch import tandem_rematch
from tandem.workspace.help.selectors import my_help_requests, partner_asked
from tandem.workspace.help.services import help_request_create


@require_http_methods(["GET", "POST"])
@space_view
def help_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    """The partner's own requests with their status, and asking (POST: while the tandem runs)."""
    form = HelpRequestForm()
    status = 200
    if request.method == "POST":
        if not space.is_running:
            raise PermissionDenied(
                _("This tandem has ended: its space stays readable, but nothing can change.")
            )
        form = HelpRequestForm(request.POST)
        if form.is_valid():
            try:
                help_request_create(
                    space=space,
                    text=form.cleaned_data["text"],
                    partner_told=form.partner_told,
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _(
                        "Your request has been sent to your cohort's contact person. You see its "
                        "status here."
                    ),
                )
                return redirect("workspace:help", key=space.key)
        status = 400  # the form again, with what was typed and why it was not sent
    return render(
        request,
        "workspace/help/page.html",
        {
            "space": space,
            "cohort": space.cohort,
            "form": form,
            "requests": list(my_help_requests(space=space)),
            "partner_asked": partner_asked(space=space),
            "contact": cohort_contact(cohort=space.cohort)
            if cohort_contact_user(cohort=space.cohort)
            else None,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def rematch_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    """What a re-match means, a confirmation, then the end of the tandem."""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that you want a new partner."))
            return redirect("workspace:rematch", key=space.key)
        try:
            tandem_rematch(space=space)
        except ValidationError as error:
            report_refusal(request, error)
            return redirect("workspace:page", key=space.key)
        messages.success(
            request,
            _(
                "Your tandem has ended and you are back in the cohort's pool: the next matching "
                "run may find you a new partner. Its space stays readable to the two of you."
            ),
        )
        return redirect("workspace:page", key=space.key)
    return render(request, "workspace/help/rematch.html", {"space": space, "cohort": space.cohort})
