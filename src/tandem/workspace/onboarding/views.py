"""The onboarding page of a space, and the coordinator's pages for a program's guides."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import report_refusal
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial, wants_partial
from tandem.core.views_helpers import object_or_404, object_or_none
from tandem.programs.models import Program
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.onboarding.forms import GuideForm
from tandem.workspace.onboarding.guides import DEFAULTS
from tandem.workspace.onboarding.models import GuideKind, ProgramGuide
from tandem.workspace.onboarding.selectors import checklist_for, guides_for, program_guides
from tandem.workspace.onboarding.services import checklist_tick, program_guide_save


def _page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    own, other = guides_for(space=space)
    context = {
        "space": space,
        "cohort": space.cohort,
        "items": checklist_for(space=space),
        "guides": own,
        "other_guides": other,
    }
    return render_page_or_partial(
        request,
        page="workspace/onboarding/page.html",
        partial="workspace/onboarding/_checklist.html",
        context=context,
    )


@require_GET
@space_view
def onboarding_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return _page(request, space)


@require_POST
@space_view(write=True)
def tick(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    item = request.POST.get("item", "")
    done = request.POST.get("done") == "1"
    try:
        checklist_tick(space=space, item=item, done=done, actor=request.user)
    except ValidationError as error:
        # The box's own state is the answer to a tick; only a refusal needs words.
        report_refusal(request, error)
        return redirect("workspace:onboarding", key=space.key)
    if wants_partial(request):
        return _page(request, space)
    return redirect("workspace:onboarding", key=space.key)


def _program_or_none(
    request: AuthenticatedHttpRequest, pk: int, *args: object, **kwargs: object
) -> Program | None:
    return object_or_none(Program.objects.all(), pk=pk)


@require_GET
@login_required
@permission_required("workspace.manage_guides", fn=_program_or_none, raise_exception=True)
def program_guides_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    program = object_or_404(Program.objects.all(), pk=pk, missing=_("This program does not exist."))
    return render(
        request,
        "workspace/onboarding/program_guides.html",
        {"program": program, "guides": program_guides(program=program)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("workspace.manage_guides", fn=_program_or_none, raise_exception=True)
def program_guide_edit(request: AuthenticatedHttpRequest, pk: int, kind: str) -> HttpResponse:
    program = object_or_404(Program.objects.all(), pk=pk, missing=_("This program does not exist."))
    if kind not in GuideKind.values:
        raise Http404(_("There is no such guide."))
    own = ProgramGuide.objects.filter(program=program, kind=kind).first()
    initial = {
        "text_de": (own.text_de if own else "") or DEFAULTS[kind]["de"],
        "text_en": (own.text_en if own else "") or DEFAULTS[kind]["en"],
    }
    form = GuideForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        restore = request.POST.get("restore") == "1"
        text_de, text_en = form.cleaned_data["text_de"], form.cleaned_data["text_en"]
        # Text equal to the default is stored as "default", so later improvements reach it.
        if restore or text_de.strip() == DEFAULTS[kind]["de"].strip():
            text_de = ""
        if restore or text_en.strip() == DEFAULTS[kind]["en"].strip():
            text_en = ""
        try:
            program_guide_save(
                program=program, kind=kind, text_de=text_de, text_en=text_en, actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("workspace:program_guides", pk=program.pk)
    return render(
        request,
        "workspace/onboarding/program_guide_edit.html",
        {"program": program, "kind": GuideKind(kind), "form": form},
        status=400 if form.errors else 200,
    )
