"""Ticking the checklist, and a program's own wording of its guides."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.programs.models import Program
from tandem.workspace.access import Space
from tandem.workspace.onboarding.models import ChecklistTick, GuideKind, ManualItem, ProgramGuide


@transaction.atomic
def checklist_tick(*, space: Space, item: str, done: bool, actor: Actor) -> None:
    """Tick (or untick) one of the partner's manual items; idempotent."""
    if not space.is_running:
        raise PermissionDenied
    if item not in ManualItem.values:
        raise ValidationError(_("This item cannot be ticked by hand. Reload the page."))
    mine = ChecklistTick.objects.filter(tandem=space.tandem, person=space.person, item=item)
    if done:
        _tick, made = ChecklistTick.objects.get_or_create(
            tandem=space.tandem, person=space.person, item=item
        )
        changed = made
    else:
        changed = mine.delete()[0] > 0
    if changed:
        audit_record(
            actor=actor,
            action="workspace.checklist.tick" if done else "workspace.checklist.untick",
            target=space.tandem,
            data={"item": item},
        )


@transaction.atomic
def program_guide_save(
    *, program: Program, kind: str, text_de: str, text_en: str, actor: Actor
) -> ProgramGuide:
    """The program's own wording of a guide; both texts empty restores the default."""
    if kind not in GuideKind.values:
        raise ValidationError(_("There is no such guide. Choose one from the list."))
    guide, _made = ProgramGuide.objects.select_for_update().get_or_create(
        program=program, kind=kind
    )
    guide.text_de, guide.text_en = text_de.strip(), text_en.strip()
    guide.full_clean()
    guide.save()
    audit_record(
        actor=actor,
        action="workspace.guide.save",
        target=guide,
        data={"program": program.pk, "kind": kind, "default": not (guide.text_de or guide.text_en)},
    )
    return guide
