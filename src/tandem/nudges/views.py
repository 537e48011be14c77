"""The coordinator's page for a cohort's nudge timings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.nudges.forms import NudgeTimingsForm
from tandem.nudges.timings import cohort_nudge_timings, cohort_nudge_timings_save
from tandem.programs.lookups import cohort_or_404, cohort_or_none


@login_required
@permission_required("nudges.change_timings", fn=cohort_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def cohort_timings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    form = NudgeTimingsForm(request.POST or None, instance=cohort_nudge_timings(cohort=cohort))
    if request.method == "POST" and form.is_valid():
        try:
            cohort_nudge_timings_save(
                cohort=cohort, values=form.timing_values(), actor=request.user
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Nudge timings saved."))
            return redirect("nudges:cohort_timings", pk=cohort.pk)
    return render(request, "nudges/cohort_timings.html", {"cohort": cohort, "form": form})
