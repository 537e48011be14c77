"""Programs for coordinators: the list (with cohorts and their phases), create and edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.programs.cohorts.forms import ProgramForm
from tandem.programs.cohorts.selectors import program_get, program_list
from tandem.programs.cohorts.services import program_create, program_update
from tandem.programs.models import Program

MANAGE = "programs.manage_programs"


def _program_or_404(pk: int) -> Program:
    try:
        return program_get(pk=pk)
    except Program.DoesNotExist:
        raise Http404(_("No such program.")) from None


@login_required
@permission_required(MANAGE, raise_exception=True)
@require_GET
def program_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "programs/programs/program_list.html", {"programs": program_list()})


@login_required
@permission_required(MANAGE, raise_exception=True)
def program_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = program_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Program “%(name)s” created.") % {"name": program.name})
            return redirect("programs:program_list")
    return render(request, "programs/programs/program_form.html", {"form": form, "program": None})


@login_required
@permission_required(MANAGE, raise_exception=True)
def program_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    program = _program_or_404(pk)
    initial = {
        "name": program.name,
        "purpose": program.purpose,
        "focus_topics": list(program.focus_topics.all()),
        "is_active": program.is_active,
    }
    form = ProgramForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            program_update(program=program, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Program “%(name)s” saved.") % {"name": program.name})
            return redirect("programs:program_list")
    return render(
        request, "programs/programs/program_form.html", {"form": form, "program": program}
    )
