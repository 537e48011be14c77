"""The tutorials' pages: a tandem's own tutorials, a topic's library, the downloads, and the
coordinator's review of what was offered to the library.

A file is only ever sent by `_file_response`: as an attachment, with the type its content was
found to be and ``X-Content-Type-Options: nosniff``, so that a browser never runs or renders it
inside Tandem's pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest
from tandem.workspace.access import Space
from tandem.workspace.agreements.selectors import topic_choices
from tandem.workspace.decorators import space_view
from tandem.workspace.downloads import private_file_response
from tandem.workspace.plan import file_types, selectors, tutorials
from tandem.workspace.plan.forms import TutorialForm, topic_or_none
from tandem.workspace.plan.models import Tutorial


def _to_tutorials(space: Space) -> HttpResponse:
    return redirect("workspace:tutorials", space.key)


def _tutorials_page(
    request: AuthenticatedHttpRequest,
    space: Space,
    *,
    form: TutorialForm | None = None,
    status: int = 200,
) -> HttpResponse:
    initial = {}
    raw = request.GET.get("topic", "")
    if raw.isdigit():
        initial["topic"] = int(raw)
    context = {
        "space": space,
        "tutorials": list(selectors.own_tutorials(space=space)),
        "library_counts": selectors.library_counts(),
        "form": form
        or TutorialForm(topics=topic_choices() if space.is_running else [], initial=initial),
        "max_mb": file_types.MAX_BYTES // (1024 * 1024),
    }
    return render(request, "workspace/plan/tutorials.html", context, status=status)


@require_GET
@space_view
def tutorials_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return _tutorials_page(request, space)


@require_POST
@space_view(write=True)
def tutorial_add(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    form = TutorialForm(request.POST, request.FILES, topics=topic_choices())
    if form.is_valid():
        topic = topic_or_none(form.cleaned_data["topic"])
        try:
            if topic is None:
                raise ValidationError({"topic": _("Choose a topic of the catalogue.")})
            tutorials.tutorial_add(
                space=space,
                topic=topic,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                url=form.cleaned_data["url"] or "",
                text=form.cleaned_data["text"] or "",
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The tutorial is added. Only the two of you see it."))
            return _to_tutorials(space)
    return _tutorials_page(request, space, form=form, status=400)


@require_POST
@space_view(write=True)
def tutorial_delete(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    tutorial = selectors.tutorial_of(space=space, pk=pk)

    def change() -> str:
        tutorials.tutorial_delete(space=space, tutorial=tutorial, actor=request.user)
        return _("The tutorial is deleted.")

    attempt(request, change)
    return _to_tutorials(space)


@require_POST
@space_view(write=True)
def tutorial_offer(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    tutorial = selectors.tutorial_of(space=space, pk=pk)

    def change() -> str:
        tutorials.tutorial_offer(space=space, tutorial=tutorial, actor=request.user)
        return _(
            "Offered to the library. Once a coordinator approves it, every tandem sees it — "
            "without your names."
        )

    attempt(request, change)
    return _to_tutorials(space)


@require_POST
@space_view  # withdrawing consent stays possible after the tandem ended
def tutorial_withdraw(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    tutorial = selectors.tutorial_of(space=space, pk=pk)

    def change() -> str:
        tutorials.tutorial_withdraw(space=space, tutorial=tutorial, actor=request.user)
        return _("The offer is withdrawn: the tutorial is no longer in the library.")

    attempt(request, change)
    return _to_tutorials(space)


def _file_response(tutorial: Tutorial) -> HttpResponse:
    if not tutorial.file:
        raise Http404(_("This tutorial has no file."))
    return private_file_response(
        file=tutorial.file,
        file_type=tutorial.file_type,
        name=tutorial.file_name or f"tutorial.{tutorial.file_type}",
        missing=_("The file of this tutorial is missing."),
    )


@require_GET
@space_view
def tutorial_file(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    return _file_response(selectors.file_for_participant(space=space, pk=pk))


@require_GET
@space_view
def library(request: AuthenticatedHttpRequest, space: Space, topic: int) -> HttpResponse:
    found = selectors.library_topic(pk=topic)
    return render(
        request,
        "workspace/plan/library.html",
        {"space": space, "topic": found, "tutorials": list(selectors.library(topic=found))},
    )


# The coordinator's review (any coordinator: the library is company-wide).


@login_required
@permission_required("workspace.review_tutorials", raise_exception=True)
@require_GET
def review(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "workspace/plan/review.html", {"tutorials": selectors.review_list()})


@login_required
@permission_required("workspace.review_tutorials", raise_exception=True)
@require_POST
def review_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    tutorial = selectors.reviewable_of(pk=pk)
    approve = request.POST.get("decision") == "approve"

    def change() -> str:
        tutorials.tutorial_review(tutorial=tutorial, approve=approve, actor=request.user)
        if approve:
            return _("Approved: every tandem now sees this tutorial in the library.")
        return _("Rejected: the tutorial is not in the library.")

    attempt(request, change)
    return redirect("workspace:tutorial_review")


@login_required
@permission_required("workspace.review_tutorials", raise_exception=True)
@require_GET
def review_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _file_response(selectors.reviewable_of(pk=pk))
