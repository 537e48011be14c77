"""The coordinator's list of tandems, and a partner's view of their own row."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.lookups import cohort_or_404, cohort_or_none
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.help.contact import is_cohort_contact
from tandem.workspace.help.selectors import cohort_help_counts, cohort_rematch_count
from tandem.workspace.overview.facts import cohort_progress, tandem_progress
from tandem.workspace.overview.health_texts import state_label
from tandem.workspace.overview.listing import (
    HEALTH_FILTERS,
    SORT_KEYS,
    filter_rows,
    parse_sort,
    sort_rows,
)

PAGE_SIZE = 100


def health_choices() -> list[tuple[str, str]]:
    return [(code, state_label(code)) for code in HEALTH_FILTERS]


@login_required
@permission_required("workspace.view_cohort_progress", fn=cohort_or_none, raise_exception=True)
@require_GET
def cohort_tandems(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    key, descending = parse_sort(request.GET.get("sort"))
    status = request.GET.get("status", "")
    agreement = request.GET.get("agreement", "")
    quiet = request.GET.get("quiet") == "1"
    health = request.GET.get("health", "")
    health = health if health in HEALTH_FILTERS else ""
    every = cohort_progress(cohort=cohort)
    rows = filter_rows(
        every,
        status=status if status in ("running", "ended") else "",
        agreement=agreement if agreement in ("signed", "unsigned") else "",
        quiet=quiet,
        health=health,
        today=timezone.localdate(),
    )
    # A page of rows: a thousand rows would be slow to render and to read.
    page = Paginator(sort_rows(rows, key=key, descending=descending), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workspace/overview/cohort_tandems.html",
        {
            "cohort": cohort,
            "rows": list(page.object_list),
            "page": page,
            "matching": len(rows),
            "total": len(every),
            "sort_key": key,
            "descending": descending,
            "sort_keys": SORT_KEYS,
            "status": status,
            "agreement": agreement,
            "quiet": quiet,
            "health": health,
            "health_choices": health_choices(),
            # Counts per cohort only; the inbox itself is for the cohort's contact alone.
            "help_counts": cohort_help_counts(cohort=cohort),
            "rematches": cohort_rematch_count(cohort=cohort),
            "is_contact": is_cohort_contact(request.user, cohort),
        },
    )


@require_GET
@space_view
def coordinator_sees(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return render(
        request,
        "workspace/overview/coordinator_sees.html",
        {"space": space, "cohort": space.cohort, "row": tandem_progress(tandem=space.tandem)},
    )
