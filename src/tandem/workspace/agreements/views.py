"""The agreement's pages, for the tandem's two partners only (`@space_view`); every change is a
POST to a write view (`@space_view(write=True)`: refused once the tandem has ended)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest
from tandem.workspace.access import Space
from tandem.workspace.agreements import selectors, services
from tandem.workspace.agreements.forms import (
    ChangeRequestForm,
    GoalFormSet,
    TermsForm,
    content_from,
    goals_initial,
)
from tandem.workspace.agreements.models import AgreementStatus
from tandem.workspace.decorators import space_view


def _to_page(space: Space) -> HttpResponse:
    return redirect("workspace:agreement", space.key)


@require_GET
@space_view
def agreement(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return render(
        request,
        "workspace/agreements/agreement.html",
        {
            "space": space,
            "page": selectors.agreement_page(space=space),
            "change_form": ChangeRequestForm(),
        },
    )


@require_POST
@space_view(write=True)
def start(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    def change() -> str:
        version = services.agreement_start(space=space, actor=request.user)
        return _("Version %(n)s is a draft now: edit it, then send it to your partner.") % {
            "n": version.number
        }

    if attempt(request, change):
        return redirect("workspace:agreement_edit", space.key)
    return _to_page(space)


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def edit(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    page = selectors.agreement_page(space=space)
    if not page.can_edit or page.open is None:
        messages.error(
            request, _("Only a draft can be edited. Ask for changes first to make it one again.")
        )
        return _to_page(space)
    version = page.open.version
    seen = page.open.fingerprint
    if request.method == "POST":
        choices = selectors.topic_choices(chosen=_posted_topics(request))
        terms = TermsForm(request.POST)
        goals = GoalFormSet(request.POST, prefix="goals", topic_choices=choices)
        if terms.is_valid() and goals.is_valid():
            try:
                services.agreement_draft_save(
                    space=space,
                    content=content_from(terms, goals),
                    seen=request.POST.get("seen", ""),
                    actor=request.user,
                )
            except ValidationError as error:
                terms.add_service_errors(error)
            else:
                messages.success(request, _("The draft is saved."))
                return _to_page(space)
        # Whatever went wrong, the next save applies to the draft as it is now: the partner's
        # change is named in the error above and can be compared on the agreement page.
    else:
        choices = selectors.topic_choices(
            chosen=[t.pk for goal in version.goals.all() for t in goal.topics.all()]
        )
        terms = TermsForm(initial=TermsForm.initial_of(version))
        goals = GoalFormSet(initial=goals_initial(version), prefix="goals", topic_choices=choices)
    return render(
        request,
        "workspace/agreements/edit.html",
        {"space": space, "version": version, "terms": terms, "goals": goals, "seen": seen},
    )


def _posted_topics(request: AuthenticatedHttpRequest) -> list[int]:
    """Every topic id posted in any goal row (so an inactive topic already chosen stays valid)."""
    return [
        int(value)
        for key in request.POST
        if key.startswith("goals-") and key.endswith("-topics")
        for value in request.POST.getlist(key)
        if value.isdigit()
    ]


@require_POST
@space_view(write=True)
def submit(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    def change() -> str:
        services.agreement_submit(
            space=space, seen=request.POST.get("seen", ""), actor=request.user
        )
        return _("Sent: %(name)s is asked by e-mail to read and sign it.") % {
            "name": space.partner.full_name
        }

    attempt(request, change)
    return _to_page(space)


@require_POST
@space_view(write=True)
def sign(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    number = request.POST.get("number", "")

    def change() -> str:
        version = services.agreement_sign(
            space=space,
            number=int(number) if number.isdigit() else 0,
            seen=request.POST.get("seen", ""),
            actor=request.user,
        )
        if version.status == AgreementStatus.SIGNED:
            return _("Signed by both of you: version %(n)s is now in force.") % {
                "n": version.number
            }
        return _("You have signed. It now needs the signature of %(name)s.") % {
            "name": space.partner.full_name
        }

    attempt(request, change)
    return _to_page(space)


@require_POST
@space_view(write=True)
def reopen(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    form = ChangeRequestForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for problem in errors:
                messages.error(request, str(problem))
        return _to_page(space)

    def change() -> str:
        services.agreement_reopen(space=space, note=form.cleaned_data["note"], actor=request.user)
        return _("It is a draft again. Signatures given so far no longer count.")

    attempt(request, change)
    return _to_page(space)


@require_POST
@space_view(write=True)
def discard(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    def change() -> str:
        number = services.agreement_discard(space=space, actor=request.user)
        return _("Version %(n)s is discarded; the signed agreement stays in force.") % {"n": number}

    attempt(request, change)
    return _to_page(space)


@require_GET
@space_view
def history(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    versions = selectors.agreement_history(space=space)
    return render(
        request,
        "workspace/agreements/history.html",
        {
            "space": space,
            "rows": [(version, selectors.status_label(version)) for version in versions],
        },
    )


@require_GET
@space_view
def version(request: AuthenticatedHttpRequest, space: Space, number: int) -> HttpResponse:
    view = selectors.agreement_version(space=space, number=number)
    if view is None:
        raise Http404
    return render(
        request,
        "workspace/agreements/version.html",
        {"space": space, "view": view, "status": selectors.status_label(view.version)},
    )
