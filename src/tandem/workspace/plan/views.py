"""The plan's pages, for the tandem's two partners only (`@space_view`); every change is a POST to
a write view (`@space_view(write=True)`: refused once the tandem has ended). Moving an entry
answers htmx with the list of entries, anything else with the plan page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from tandem.core.feedback import attempt, report_refusal
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial, wants_partial
from tandem.topics.glossary.selectors import glossary_link_targets
from tandem.workspace.access import Space
from tandem.workspace.agreements.selectors import topic_choices
from tandem.workspace.decorators import space_view
from tandem.workspace.plan import selectors, services
from tandem.workspace.plan.forms import (
    EntryForm,
    NewEntryForm,
    TopicPickForm,
    topic_or_none,
)
from tandem.workspace.plan.models import PlanSource


def _to_plan(space: Space, anchor: str = "") -> HttpResponse:
    response = redirect("workspace:plan", space.key)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _plan_context(space: Space, **extra: Any) -> dict[str, Any]:
    page = selectors.plan_page(space=space)
    return {
        "space": space,
        "page": page,
        "source": _source_label(page),
        "new_entry_form": extra.pop("new_entry_form", None)
        or NewEntryForm(topics=topic_choices() if page.can_edit else []),
        # R24: glossary terms in the catalogue's questions link to their explanation.
        "glossary": glossary_link_targets(),
        **extra,
    }


def _source_label(page: selectors.PlanPage) -> str:
    if page.plan is None:
        return ""
    if page.plan.source == PlanSource.AGREEMENT:
        return _("Generated from version %(n)s of your agreement.") % {
            "n": page.plan.agreement_number
        }
    return _("Generated from what you both wrote when enrolling (there is no agreement yet).")


@require_GET
@space_view
def plan(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return render(request, "workspace/plan/plan.html", _plan_context(space))


@require_POST
@space_view(write=True)
def generate(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    confirm = request.POST.get("confirm") == "yes"
    try:
        result = services.plan_generate(space=space, actor=request.user, confirm=confirm)
    except services.PlanEditsWouldBeLost as refusal:
        context = {"space": space, "changed": refusal.changed}
        return render(request, "workspace/plan/generate_confirm.html", context, status=409)
    except ValidationError as error:
        report_refusal(request, error)
        return _to_plan(space)
    text = ngettext(
        "The plan has %(count)s entry, one per planned meeting.",
        "The plan has %(count)s entries, one per planned meeting.",
        result.entries,
    ) % {"count": result.entries}
    if result.kept:
        text += " " + ngettext(
            "The entry you added yourselves is kept.",
            "The %(count)s entries you added yourselves are kept.",
            result.kept,
        ) % {"count": result.kept}
    if result.unplaced:
        text += " " + ngettext(
            "%(count)s topic did not fit into the meetings: add it to an entry if you like.",
            "%(count)s topics did not fit into the meetings: add them to an entry if you like.",
            result.unplaced,
        ) % {"count": result.unplaced}
    messages.success(request, text)
    return _to_plan(space)


@require_POST
@space_view(write=True)
def entry_add(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    form = NewEntryForm(request.POST, topics=topic_choices())
    if form.is_valid():
        try:
            entry = services.plan_entry_add(
                space=space,
                title=form.cleaned_data["title"] or "",
                topic=topic_or_none(form.cleaned_data["topic"]),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("Entry %(n)s is added to the plan.") % {"n": entry.position}
            )
            return _to_plan(space, f"entry-{entry.pk}")
    context = _plan_context(space, new_entry_form=form)
    return render(request, "workspace/plan/plan.html", context, status=400)


def _entry_page(
    request: AuthenticatedHttpRequest, space: Space, pk: int, *, status: int = 200, **forms: Any
) -> HttpResponse:
    view = selectors.entry_view(space=space, pk=pk)
    choices = topic_choices() if space.is_running else []
    context = {
        "space": space,
        "view": view,
        "entry_form": forms.get("entry_form")
        or EntryForm(initial={"title": view.entry.title, "notes": view.entry.notes}),
        "add_form": forms.get("add_form") or TopicPickForm(topics=choices),
        "topic_groups": choices,
        "replace_error": forms.get("replace_error"),
    }
    return render(request, "workspace/plan/entry.html", context, status=status)


@require_GET
@space_view
def entry(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    return _entry_page(request, space, pk)


@require_POST
@space_view(write=True)
def entry_save(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    entry = selectors.entry_of(space=space, pk=pk)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            services.plan_entry_update(
                space=space,
                entry=entry,
                title=form.cleaned_data["title"] or "",
                notes=form.cleaned_data["notes"] or "",
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The entry is saved."))
            return _to_plan(space, f"entry-{entry.pk}")
    return _entry_page(request, space, pk, status=400, entry_form=form)


@require_POST
@space_view(write=True)
def entry_move(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    entry = selectors.entry_of(space=space, pk=pk)
    error = ""
    try:
        services.plan_entry_move(
            space=space, entry=entry, up=request.POST.get("to") == "up", actor=request.user
        )
    except ValidationError as refusal:
        error = " ".join(refusal.messages)
    if wants_partial(request):
        context = {**_plan_context(space), "error": error, "moved": entry.pk}
        return render_page_or_partial(
            request,
            page="workspace/plan/plan.html",
            partial="workspace/plan/_entries.html",
            context=context,
        )
    if error:
        messages.error(request, error)
    return _to_plan(space, f"entry-{entry.pk}")


@require_POST
@space_view(write=True)
def entry_delete(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    entry = selectors.entry_of(space=space, pk=pk)

    def change() -> str:
        position = services.plan_entry_delete(space=space, entry=entry, actor=request.user)
        return _("Entry %(n)s is deleted; the entries after it moved up.") % {"n": position}

    attempt(request, change)
    return _to_plan(space)


@require_POST
@space_view(write=True)
def topic_add(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    entry = selectors.entry_of(space=space, pk=pk)
    form = TopicPickForm(request.POST, topics=topic_choices())
    if form.is_valid():
        topic = topic_or_none(form.cleaned_data["topic"])
        try:
            if topic is None:
                raise ValidationError({"topic": _("Choose a topic of the catalogue.")})
            services.plan_topic_add(space=space, entry=entry, topic=topic, actor=request.user)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The topic is added to the entry."))
            return redirect("workspace:plan_entry", space.key, entry.pk)
    return _entry_page(request, space, pk, status=400, add_form=form)


@require_POST
@space_view(write=True)
def topic_replace(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    row = selectors.entry_topic_of(space=space, pk=pk)
    form = TopicPickForm(request.POST, topics=topic_choices())
    problem = ""
    if form.is_valid():
        topic = topic_or_none(form.cleaned_data["topic"])
        try:
            if topic is None:
                raise ValidationError({"topic": _("Choose a topic of the catalogue.")})
            services.plan_topic_replace(
                space=space, entry_topic=row, topic=topic, actor=request.user
            )
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, _("The topic is replaced."))
            return redirect("workspace:plan_entry", space.key, row.entry.pk)
    else:
        problem = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return _entry_page(request, space, row.entry.pk, status=400, replace_error=(row.pk, problem))


@require_POST
@space_view(write=True)
def topic_remove(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    row = selectors.entry_topic_of(space=space, pk=pk)

    def change() -> str:
        services.plan_topic_remove(space=space, entry_topic=row, actor=request.user)
        return _("The topic is removed from the entry.")

    attempt(request, change)
    return redirect("workspace:plan_entry", space.key, row.entry.pk)
