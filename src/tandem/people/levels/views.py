"""The Career levels page: coordinators put the named levels in order (coordinators only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.people.levels.services import (
    career_level_move,
    career_levels_ordered,
    career_levels_set_ranks,
)
from tandem.people.models import CareerLevel


def _rank_levels_required(view):
    return login_required(
        permission_required("people.rank_career_levels", raise_exception=True)(view)
    )


def _field(level: CareerLevel) -> str:
    return f"rank-{level.pk}"


@_rank_levels_required
@require_http_methods(["GET", "POST"])
def career_levels(request: AuthenticatedHttpRequest) -> HttpResponse:
    levels = career_levels_ordered()
    counts = dict(CareerLevel.objects.annotate(n=Count("people")).values_list("pk", "n"))
    errors: list[str] = []
    entered: dict[int, str] = {}
    if request.method == "POST":
        ranks: dict[int, int | None] = {}
        for level in levels:
            text = request.POST.get(_field(level), "").strip()
            entered[level.pk] = text
            if not text:
                ranks[level.pk] = None
            elif text.isdigit():
                ranks[level.pk] = int(text)
            else:
                errors.append(
                    _("The rank of '%(name)s' must be a whole number from 1 upwards, or empty.")
                    % {"name": level.name}
                )
        if not errors:
            try:
                career_levels_set_ranks(ranks=ranks, actor=request.user)
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("The order of the career levels is saved."))
                return redirect("people:career_levels")
    rows = [
        {
            "level": level,
            "field": _field(level),
            "value": entered.get(level.pk, "" if level.rank is None else str(level.rank)),
            "people": counts.get(level.pk, 0),
        }
        for level in levels
    ]
    # Most senior first, so that ↑ moves a level up the page as well as up the ranks; levels
    # without a rank stay at the end.
    ranked = sorted(
        (row for row in rows if row["level"].rank is not None),
        key=lambda row: row["level"].rank,
        reverse=True,
    )
    rows = ranked + [row for row in rows if row["level"].rank is None]
    top_rank = ranked[0]["level"].rank if ranked else None
    for row in rows:
        row["is_top"] = row["level"].rank == top_rank
        row["is_bottom"] = bool(ranked) and row is ranked[-1]
    status = 400 if errors else 200
    return render(
        request,
        "people/career_levels.html",
        {
            "rows": rows,
            "errors": errors,
            "ranked_count": sum(1 for level in levels if level.rank is not None),
            "unranked_count": sum(1 for level in levels if level.rank is None),
        },
        status=status,
    )


@_rank_levels_required
@require_POST
def career_level_move_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    level = get_object_or_404(CareerLevel, pk=pk)
    up = request.POST.get("direction") != "down"
    career_level_move(level=level, up=up, actor=request.user)
    return redirect("people:career_levels")
