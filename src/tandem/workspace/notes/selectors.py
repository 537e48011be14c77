"""Reads of notes: what a partner may see, the space card, the coordinator's activity date."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, QuerySet

from tandem.workspace.access import Space
from tandem.workspace.notes.models import Note


def visible_notes(*, space: Space) -> QuerySet[Note]:
    """The pair's shared notes and this partner's own journal; never the other's journal."""
    return Note.objects.filter(tandem=space.tandem).filter(
        Q(is_private=False) | Q(author=space.person)
    )


def note_for(*, space: Space, pk: int, to_change: bool = False) -> Note:
    """A note this partner may read (or, with ``to_change``, change: their own), else 403 —
    the same answer whether the note is the partner's journal, another tandem's, or none."""
    notes = visible_notes(space=space)
    if to_change:
        notes = notes.filter(author=space.person)
    note = notes.filter(pk=pk).first()
    if note is None:
        raise PermissionDenied
    return note


def card(*, space: Space) -> dict[str, Any]:
    counts = visible_notes(space=space).aggregate(
        journal=Count("pk", filter=Q(is_private=True)),
        shared=Count("pk", filter=Q(is_private=False)),
        latest=Max("updated_at"),
    )
    return {"key": space.key, **counts}


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, datetime | None]]:
    """The latest shared note per tandem, as activity (a date; private journals count nothing)."""
    rows = (
        Note.objects.filter(tandem__pk__in=tandem_ids, is_private=False)
        .values("tandem__pk")
        .annotate(latest=Max("updated_at"))
    )
    return {row["tandem__pk"]: {"last_activity_at": row["latest"]} for row in rows}
