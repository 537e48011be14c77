"""The cohort's charter page: current version, history of versions, publish a new version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.charters.services import charter_publish, default_charter_texts
from tandem.programs.cohorts.forms import CharterForm
from tandem.programs.cohorts.selectors import cohort_charters
from tandem.programs.cohorts.views import MANAGE, _cohort_or_404
from tandem.programs.lookups import cohort_or_none


@login_required
@permission_required(MANAGE, fn=cohort_or_none, raise_exception=True)
def cohort_charter_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(pk)
    versions = list(cohort_charters(cohort=cohort))
    current = versions[0] if versions else None
    if current is not None:
        initial = {
            "confidentiality_text": current.confidentiality_text,
            "data_processing_text": current.data_processing_text,
        }
    else:
        confidentiality, data_processing = default_charter_texts()
        initial = {
            "confidentiality_text": confidentiality,
            "data_processing_text": data_processing,
        }
    form = CharterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            charter = charter_publish(cohort=cohort, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Version %(version)d of the charter is published.")
                % {"version": charter.version},
            )
            return redirect("programs:cohort_charter", pk=cohort.pk)
    return render(
        request,
        "programs/cohorts/cohort_charter.html",
        {
            "cohort": cohort,
            "current": current,
            "versions": versions,
            "form": form,
            "is_default_text": current is None,
        },
    )
