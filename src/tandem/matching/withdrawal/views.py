"""The withdrawal page of an enrolment (R1): what it means in this phase, an optional reason, one
button. The permission is the enrolment's own (`enrolment.withdraw`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.enrolling.forms_actions import WithdrawForm
from tandem.enrolment.enrolling.phase_guards import withdraw_phase_problem
from tandem.enrolment.enrolling.selectors import enrolment_with_answers
from tandem.enrolment.enrolling.views import enrolment_or_none, require_own
from tandem.matching.withdrawal.services import enrolment_withdraw


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("enrolment.withdraw", fn=enrolment_or_none, raise_exception=True)
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolment_with_answers(pk=pk)
    if enrolment is None:  # gone since the permission check found it
        raise Http404
    require_own(request, enrolment)
    problem = None
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        problem = _("You have already withdrawn from this cohort.")
    else:
        problem = withdraw_phase_problem(phase=enrolment.cohort.phase)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and problem is None and form.is_valid():
        try:
            enrolment_withdraw(
                enrolment=enrolment, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _(
                    "You have withdrawn from %(cohort)s. Thank you for your interest — you are "
                    "welcome back in a later round."
                )
                % {"cohort": enrolment.cohort},
            )
            return redirect("enrolment:my_cohorts")
    return render(
        request,
        "enrolment/enrol/withdraw.html",
        {
            "enrolment": enrolment,
            "cohort": enrolment.cohort,
            "form": form,
            "problem": problem,
            "after_matching": enrolment.cohort.phase in ("matching", "running", "closing"),
        },
        status=409 if request.method == "POST" and problem else 200,
    )
