"""Cohort pages: create, edit, the cohort page (coordinator and participant view), phase steps,
closing and "create the next cohort from this one"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.choices import Phase
from tandem.programs.cohorts.defaults import add_months, suggested_copy_start
from tandem.programs.cohorts.forms import (
    CohortCloseForm,
    CohortCopyForm,
    CohortForm,
    language_names,
)
from tandem.programs.cohorts.selectors import (
    cohort_contact,
    cohort_current_charter,
    cohort_get,
    cohort_phase_steps,
    cohort_transition_options,
    cohort_transitions,
)
from tandem.programs.cohorts.services import (
    EDITABLE_LATE,
    SETTINGS_FIELDS,
    cohort_close,
    cohort_copy,
    cohort_create,
    cohort_transition,
    cohort_update,
)
from tandem.programs.cohorts.views_programs import MANAGE, _program_or_404
from tandem.programs.lookups import cohort_or_none
from tandem.programs.models import Cohort

VIEW = "programs.view_cohort"


def _cohort_or_404(pk: int) -> Cohort:
    try:
        return cohort_get(pk=pk)
    except Cohort.DoesNotExist:
        raise Http404(_("No such cohort.")) from None


def _form_fields(cohort: Cohort | None) -> tuple[str, ...] | None:
    """Which settings the form offers: all of them until matching begins, then the safe few."""
    if cohort is None:
        return tuple(f for f in SETTINGS_FIELDS if f != "improvements")
    if cohort.phase in (Phase.DRAFT, Phase.ENROLMENT_OPEN):
        return None
    return EDITABLE_LATE


@login_required
@permission_required(MANAGE, raise_exception=True)
def cohort_create_view(request: AuthenticatedHttpRequest, program_pk: int) -> HttpResponse:
    program = _program_or_404(program_pk)
    start = timezone.localdate().replace(day=1)
    initial = {"starts_on": add_months(start, 1), "coordinator": request.user.pk}
    form = CohortForm(request.POST or None, initial=initial, fields=_form_fields(None))
    if request.method == "POST" and form.is_valid():
        try:
            cohort = cohort_create(program=program, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Cohort “%(name)s” created.") % {"name": cohort.name})
            return redirect("programs:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "programs/cohorts/cohort_form.html",
        {"form": form, "program": program, "cohort": None},
    )


def _initial(cohort: Cohort) -> dict[str, Any]:
    values = {f: getattr(cohort, f) for f in SETTINGS_FIELDS if f != "sites"}
    values["sites"] = list(cohort.sites.all())
    values["coordinator"] = cohort.coordinator_id
    return values


@login_required
@permission_required(MANAGE, fn=cohort_or_none, raise_exception=True)
def cohort_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(pk)
    if cohort.phase == Phase.CLOSED:
        fields: tuple[str, ...] | None = ("improvements",)
    else:
        fields = _form_fields(cohort)
    form = CohortForm(request.POST or None, initial=_initial(cohort), fields=fields)
    if request.method == "POST" and form.is_valid():
        try:
            cohort_update(cohort=cohort, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Settings of “%(name)s” saved.") % {"name": cohort.name})
            return redirect("programs:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "programs/cohorts/cohort_form.html",
        {"form": form, "program": cohort.program, "cohort": cohort, "limited": fields is not None},
    )


def _detail_context(
    request: AuthenticatedHttpRequest, cohort: Cohort, **extra: Any
) -> dict[str, Any]:
    can_manage = request.user.has_perm(MANAGE, cohort)
    context: dict[str, Any] = {
        "cohort": cohort,
        "program": cohort.program,
        "can_manage": can_manage,
        "contact": cohort_contact(cohort=cohort),
        "languages": language_names(cohort.languages),
        "sites": list(cohort.sites.all()),
        "steps": cohort_phase_steps(cohort=cohort),
    }
    if can_manage:
        context.update(
            options=cohort_transition_options(cohort=cohort),
            transitions=cohort_transitions(cohort=cohort),
            charter=cohort_current_charter(cohort=cohort),
            close_form=extra.pop("close_form", None)
            or CohortCloseForm(initial={"improvements": cohort.improvements}),
        )
    context.update(extra)
    return context


@login_required
@permission_required(VIEW, fn=cohort_or_none, raise_exception=True)
@require_GET
def cohort_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(pk)
    return render(request, "programs/cohorts/cohort_detail.html", _detail_context(request, cohort))


@login_required
@permission_required(MANAGE, fn=cohort_or_none, raise_exception=True)
@require_POST
def cohort_transition_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(pk)
    to_phase = request.POST.get("to_phase", "")
    try:
        cohort_transition(cohort=cohort, to_phase=to_phase, actor=request.user)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request, _("The cohort is now in the phase “%(phase)s”.") % {"phase": _phase(cohort)}
        )
    return redirect("programs:cohort_detail", pk=cohort.pk)


def _phase(cohort: Cohort) -> str:
    return str(cohort.get_phase_display())


@login_required
@permission_required(MANAGE, fn=cohort_or_none, raise_exception=True)
@require_POST
def cohort_close_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort_or_404(pk)
    form = CohortCloseForm(request.POST)
    if form.is_valid():
        try:
            cohort_close(
                cohort=cohort,
                actor=request.user,
                improvements=form.cleaned_data["improvements"],
                no_improvements=form.cleaned_data["no_improvements"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The cohort is closed."))
            return redirect("programs:cohort_detail", pk=cohort.pk)
    # Refused: the page again, with what was typed and why.
    return render(
        request,
        "programs/cohorts/cohort_detail.html",
        _detail_context(request, cohort, close_form=form),
        status=400,
    )


@login_required
@permission_required(MANAGE, fn=cohort_or_none, raise_exception=True)
def cohort_copy_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    source = _cohort_or_404(pk)
    initial = {
        "name": _("%(name)s (next round)") % {"name": source.name},
        "starts_on": suggested_copy_start(source.starts_on, today=timezone.localdate()),
    }
    form = CohortCopyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = cohort_copy(source=source, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Cohort “%(name)s” created from “%(source)s”. Check its settings and dates.")
                % {"name": cohort.name, "source": source.name},
            )
            return redirect("programs:cohort_detail", pk=cohort.pk)
    return render(request, "programs/cohorts/cohort_copy.html", {"form": form, "source": source})
