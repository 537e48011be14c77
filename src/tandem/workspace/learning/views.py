"""The learned list and the KPIs of a space."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, wants_partial
from tandem.topics.models import KpiSuggestion
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.learning.forms import KpiForm, LearningForm, ProgressForm
from tandem.workspace.learning.selectors import (
    kpi_for,
    kpi_suggestions,
    kpis,
    learning_for,
    learnings,
    topic_choices,
)
from tandem.workspace.learning.services import (
    kpi_add,
    kpi_delete,
    kpi_set_progress,
    learning_add,
    learning_delete,
)


def _kpi_initial(request: AuthenticatedHttpRequest) -> dict[str, Any]:
    """A suggestion taken over (``?suggestion=<id>``) pre-fills the KPI form."""
    today = timezone.localdate()
    initial: dict[str, Any] = {"target": 1, "due_on": today + datetime.timedelta(days=30)}
    raw = request.GET.get("suggestion", "")
    suggestion = KpiSuggestion.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if suggestion is not None:
        initial.update(
            title=suggestion.text,
            target=suggestion.target,
            topic=suggestion.topic_id,
            due_on=today + datetime.timedelta(days=suggestion.due_in_days),
        )
    return initial


def _page(
    request: AuthenticatedHttpRequest,
    space: Space,
    *,
    learning_form: LearningForm | None = None,
    kpi_form: KpiForm | None = None,
    status: int = 200,
) -> HttpResponse:
    topics = topic_choices(space=space)
    context = {
        "space": space,
        "cohort": space.cohort,
        "learnings": list(learnings(space=space)),
        "kpis": list(kpis(space=space)),
        "suggestions": kpi_suggestions(space=space),
        "learning_form": learning_form
        or LearningForm(
            prefix="learning", topics=topics, initial={"learned_on": timezone.localdate()}
        ),
        "kpi_form": kpi_form or KpiForm(prefix="kpi", topics=topics, initial=_kpi_initial(request)),
    }
    return render(request, "workspace/learning/page.html", context, status=status)


def _save(form: Form, change: Any) -> bool:
    """Call the service; its refusals land on the form's fields. Whether it was saved."""
    try:
        change()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@require_GET
@space_view
def learning_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return _page(request, space)


@require_POST
@space_view(write=True)
def learning_create(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    form = LearningForm(request.POST, prefix="learning", topics=topic_choices(space=space))
    if form.is_valid() and _save(
        form,
        lambda: learning_add(
            space=space,
            topic=form.cleaned_data["topic"],
            learned_on=form.cleaned_data["learned_on"],
            text=form.cleaned_data["text"].strip(),
            actor=request.user,
        ),
    ):
        return redirect("workspace:learning", key=space.key)
    return _page(request, space, learning_form=form, status=400)


@require_POST
@space_view(write=True)
def learning_remove(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    learning = learning_for(space=space, pk=pk)

    def change() -> str:
        learning_delete(space=space, learning=learning, actor=request.user)
        return _("The entry has been deleted.")

    attempt(request, change)
    return redirect("workspace:learning", key=space.key)


@require_POST
@space_view(write=True)
def kpi_create(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    form = KpiForm(request.POST, prefix="kpi", topics=topic_choices(space=space))
    if form.is_valid() and _save(
        form,
        lambda: kpi_add(
            space=space,
            title=form.cleaned_data["title"].strip(),
            target=form.cleaned_data["target"],
            due_on=form.cleaned_data["due_on"],
            topic=form.cleaned_data["topic"],
            actor=request.user,
        ),
    ):
        return redirect("workspace:learning", key=space.key)
    return _page(request, space, kpi_form=form, status=400)


@require_POST
@space_view(write=True)
def kpi_progress(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    kpi = kpi_for(space=space, pk=pk)
    form = ProgressForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            kpi = kpi_set_progress(
                space=space, kpi=kpi, progress=form.cleaned_data["progress"], actor=request.user
            )
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    if wants_partial(request):
        context = {"kpi": kpi, "space": space, "error": error}
        response = render(request, "workspace/learning/_kpi.html", context)
        response["Vary"] = "HX-Request"
        return response
    if error:
        messages.error(request, error)
    return redirect("workspace:learning", key=space.key)


@require_POST
@space_view(write=True)
def kpi_remove(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    kpi = kpi_for(space=space, pk=pk)

    def change() -> str:
        kpi_delete(space=space, kpi=kpi, actor=request.user)
        return _("The KPI has been deleted.")

    attempt(request, change)
    return redirect("workspace:learning", key=space.key)
