"""Writing the learned list and the KPIs: only while the tandem runs, audited with ids, numbers."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.topics.models import Topic
from tandem.workspace.access import Space
from tandem.workspace.learning.models import KPI_TARGET_MAX, Kpi, Learning


def _require_running(space: Space) -> None:
    if not space.is_running:
        raise PermissionDenied(
            _("This tandem has ended: what it learned stays readable, but nothing can change.")
        )


def _audit(actor: Actor, action: str, row: Learning | Kpi, **data: object) -> None:
    # Ids, dates and numbers only: titles and learnings are for the pair (R3).
    audit_record(actor=actor, action=action, target=row, data={"tandem": row.tandem.pk, **data})


@transaction.atomic
def learning_add(
    *, space: Space, topic: Topic, learned_on: datetime.date, text: str, actor: Actor
) -> Learning:
    _require_running(space)
    if learned_on > timezone.localdate():
        raise ValidationError(
            {"learned_on": _("The date lies in the future. Enter the day you learned it.")}
        )
    learning = Learning(
        tandem=space.tandem, author=space.person, topic=topic, learned_on=learned_on, text=text
    )
    learning.full_clean(exclude=["tandem"])
    learning.save()
    _audit(actor, "workspace.learning.add", learning, topic=topic.pk)
    return learning


@transaction.atomic
def learning_delete(*, space: Space, learning: Learning, actor: Actor) -> None:
    _require_running(space)
    if learning.author_id != space.person.pk or learning.tandem_id != space.key:
        raise PermissionDenied
    _audit(actor, "workspace.learning.delete", learning)
    learning.delete()


def _check_kpi_numbers(target: int, due_on: datetime.date, *, new: bool) -> None:
    errors: dict[str, str] = {}
    if not 1 <= target <= KPI_TARGET_MAX:
        errors["target"] = _("Enter a target between 1 and %(max)d.") % {"max": KPI_TARGET_MAX}
    if new and due_on < timezone.localdate():
        errors["due_on"] = _("The due date has passed already. Choose today or a later day.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def kpi_add(
    *,
    space: Space,
    title: str,
    target: int,
    due_on: datetime.date,
    topic: Topic | None,
    actor: Actor,
) -> Kpi:
    _require_running(space)
    _check_kpi_numbers(target, due_on, new=True)
    kpi = Kpi(tandem=space.tandem, title=title, target=target, due_on=due_on, topic=topic)
    kpi.full_clean(exclude=["tandem"])
    kpi.save()
    _audit(actor, "workspace.kpi.add", kpi, target=target, due_on=due_on.isoformat())
    return kpi


@transaction.atomic
def kpi_set_progress(*, space: Space, kpi: Kpi, progress: int, actor: Actor) -> Kpi:
    """Set how far the KPI is (0 … target); reaching the target marks it done, going back
    below the target opens it again."""
    _require_running(space)
    locked = Kpi.objects.select_for_update().get(pk=kpi.pk, tandem=space.tandem)
    if not 0 <= progress <= locked.target:
        raise ValidationError(
            {
                "progress": _("Enter a number from 0 to the target, %(target)d.")
                % {"target": locked.target}
            }
        )
    before = locked.progress
    locked.progress = progress
    if progress == locked.target and locked.done_at is None:
        locked.done_at = timezone.now()
    elif progress < locked.target:
        locked.done_at = None
    locked.save(update_fields=["progress", "done_at", "updated_at"])
    _audit(actor, "workspace.kpi.progress", locked, before=before, after=progress)
    return locked


@transaction.atomic
def kpi_delete(*, space: Space, kpi: Kpi, actor: Actor) -> None:
    _require_running(space)
    if kpi.tandem_id != space.key:
        raise PermissionDenied
    _audit(actor, "workspace.kpi.delete", kpi)
    kpi.delete()
