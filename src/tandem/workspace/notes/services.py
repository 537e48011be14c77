"""Writing notes: only in a running tandem, only one's own, audited without a word of the text."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.workspace.access import Space
from tandem.workspace.notes.models import Note


def _require_running(space: Space) -> None:
    if not space.is_running:
        raise PermissionDenied(
            _("This tandem has ended: its notes stay readable, but nothing can change.")
        )


def _audit(actor: Actor, action: str, note: Note) -> None:
    # Ids and the kind of note only: the text is for the pair (R3).
    audit_record(
        actor=actor,
        action=action,
        target=note,
        data={"tandem": note.tandem.pk, "private": note.is_private},
    )


@transaction.atomic
def note_create(*, space: Space, text: str, is_private: bool, actor: Actor) -> Note:
    _require_running(space)
    note = Note(tandem=space.tandem, author=space.person, text=text, is_private=is_private)
    note.full_clean(exclude=["tandem"])
    note.save()
    _audit(actor, "workspace.note.create", note)
    return note


@transaction.atomic
def note_update(*, space: Space, note: Note, text: str, is_private: bool, actor: Actor) -> Note:
    _require_running(space)
    if note.author_id != space.person.pk or note.tandem_id != space.key:
        raise PermissionDenied
    note.text, note.is_private = text, is_private
    note.full_clean(exclude=["tandem"])
    note.save(update_fields=["text", "is_private", "updated_at"])
    _audit(actor, "workspace.note.update", note)
    return note


@transaction.atomic
def note_delete(*, space: Space, note: Note, actor: Actor) -> None:
    _require_running(space)
    if note.author_id != space.person.pk or note.tandem_id != space.key:
        raise PermissionDenied
    _audit(actor, "workspace.note.delete", note)
    note.delete()
