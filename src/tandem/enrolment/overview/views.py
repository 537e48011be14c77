from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from rules.contrib.views import objectgetter, permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.enrolment.overview.selectors import cohort_funnel, cohort_needs_analysis
from tandem.programs.models import Cohort


def _chart_data(rows) -> dict[str, list] | None:
    """Bars per topic; None when there is nothing to draw (every count zero or suppressed)."""
    # Suppressed counts stay None: the chart leaves the bar out instead of drawing a small number.
    data = {
        "labels": [row.topic.name for row in rows],
        "demand": [row.balance.demand for row in rows],
        "supply": [row.balance.supply for row in rows],
    }
    return data if any(data["demand"] + data["supply"]) else None


@login_required
@permission_required(
    "programs.view_cohort_overview", fn=objectgetter(Cohort, "pk"), raise_exception=True
)
def cohort_overview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("program"), pk=pk)
    needs = cohort_needs_analysis(cohort=cohort)
    return render(
        request,
        "programs/overview/cohort_overview.html",
        {
            "cohort": cohort,
            "funnel": cohort_funnel(cohort=cohort),
            "needs": needs,
            "learning_chart": _chart_data(needs.learning),
            "give_back_chart": _chart_data(needs.give_back),
        },
    )
