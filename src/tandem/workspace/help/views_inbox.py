"""The help inbox of a cohort, for its contact alone (see `contact.py`).

Django lets an active superuser pass every permission check, so each view asks
`is_cohort_contact` itself too: a superuser who does not coordinate the cohort is refused."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt, report_refusal
from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.lookups import cohort_or_404, cohort_or_none
from tandem.programs.models import Cohort
from tandem.workspace.help.contact import is_cohort_contact
from tandem.workspace.help.forms import HelpRequestUpdateForm
from tandem.workspace.help.models import HelpRequest
from tandem.workspace.help.selectors import cohort_help_inbox, help_request_in_cohort
from tandem.workspace.help.services import help_request_update


def _contacts_cohort(request: AuthenticatedHttpRequest, pk: int) -> Cohort:
    cohort = cohort_or_404(pk=pk)
    if not is_cohort_contact(request.user, cohort):
        raise PermissionDenied
    return cohort


def mailto(request: HelpRequest, cohort: Cohort) -> str:
    """A link that opens the contact's own mail program, addressed to the asker (no text is
    composed in Tandem)."""
    subject = _("Your request for help in %(cohort)s") % {"cohort": cohort.name}
    return f"mailto:{request.asker.email}?subject={quote(subject)}"


def _inbox(
    request: AuthenticatedHttpRequest,
    cohort: Cohort,
    *,
    bound: HelpRequestUpdateForm | None = None,
    bound_pk: int | None = None,
) -> HttpResponse:
    """The inbox page; a refused change shows its own form as typed, with the reasons."""
    rows = [
        {
            "request": item,
            "mailto": mailto(item, cohort),
            "form": bound
            if bound is not None and item.pk == bound_pk
            else HelpRequestUpdateForm(
                initial={"status": item.status, "remark": item.remark},
                prefix=f"r{item.pk}",
            ),
        }
        for item in cohort_help_inbox(cohort=cohort)
    ]
    return render(request, "workspace/help/inbox.html", {"cohort": cohort, "rows": rows})


@login_required
@permission_required("workspace.view_help_inbox", fn=cohort_or_none, raise_exception=True)
@require_GET
def help_inbox(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _inbox(request, _contacts_cohort(request, pk))


@login_required
@permission_required("workspace.view_help_inbox", fn=cohort_or_none, raise_exception=True)
@require_POST
def help_request_change(
    request: AuthenticatedHttpRequest, pk: int, request_pk: int
) -> HttpResponse:
    """The contact sets a request's status and their remark. A refusal keeps what was typed."""
    cohort = _contacts_cohort(request, pk)
    item = help_request_in_cohort(cohort=cohort, pk=request_pk)
    form = HelpRequestUpdateForm(request.POST, prefix=f"r{item.pk}")
    if form.is_valid():

        def change() -> str:
            help_request_update(
                cohort=cohort,
                request=item,
                status=form.cleaned_data["status"],
                remark=form.cleaned_data["remark"],
                actor=request.user,
            )
            return _("The request has been updated.")

        if attempt(request, change):
            inbox = reverse("workspace:help_inbox", args=[cohort.pk])
            return redirect(f"{inbox}#request-{item.pk}")
    else:
        report_refusal(request, ValidationError([e for es in form.errors.values() for e in es]))
    return _inbox(request, cohort, bound=form, bound_pk=item.pk)
