"""The notes page of a space: the pair's shared notes and the partner's own journal."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.notes.forms import NoteForm
from tandem.workspace.notes.selectors import note_for, visible_notes
from tandem.workspace.notes.services import note_create, note_delete, note_update


def _context(space: Space, form: NoteForm) -> dict[str, Any]:
    notes = list(visible_notes(space=space).select_related("author"))
    return {
        "space": space,
        "cohort": space.cohort,
        "form": form,
        "journal": [n for n in notes if n.is_private],
        "shared": [n for n in notes if not n.is_private],
    }


@require_http_methods(["GET", "POST"])
@space_view
def notes_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    """The list, and adding a note (POST: only while the tandem runs)."""
    form = NoteForm()
    status = 200
    if request.method == "POST":
        if not space.is_running:
            raise PermissionDenied(
                _("This tandem has ended: its notes stay readable, but nothing can change.")
            )
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                note_create(
                    space=space,
                    text=form.cleaned_data["text"],
                    is_private=form.cleaned_data["is_private"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                form = NoteForm(
                    initial={"is_private": "1" if form.cleaned_data["is_private"] else "0"}
                )
        if form.errors:
            status = 400  # the form again, with what was typed and why it was not saved
    return render_page_or_partial(
        request,
        page="workspace/notes/page.html",
        partial="workspace/notes/_notes.html",
        context=_context(space, form),
        status=status,
    )


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def note_edit(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    note = note_for(space=space, pk=pk, to_change=True)
    initial = {"text": note.text, "is_private": "1" if note.is_private else "0"}
    form = NoteForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            note_update(
                space=space,
                note=note,
                text=form.cleaned_data["text"],
                is_private=form.cleaned_data["is_private"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("workspace:notes", key=space.key)
    status = 400 if form.errors else 200
    return render(
        request,
        "workspace/notes/edit.html",
        {"space": space, "cohort": space.cohort, "note": note, "form": form},
        status=status,
    )


@require_POST
@space_view(write=True)
def note_remove(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    note = note_for(space=space, pk=pk, to_change=True)

    def change() -> str:
        note_delete(space=space, note=note, actor=request.user)
        return _("The note has been deleted.")

    attempt(request, change)
    return redirect("workspace:notes", key=space.key)
