"""The writes of the session plan: generate (on request only), and the pair's edits — move an
entry up or down, change its title and notes, replace, add or remove a topic, add or delete an
entry.

Every service locks the tandem's row first (the two partners' changes queue behind each other),
refuses once the tandem has ended, and writes one audit row of ids, positions and counts — never
a title or a note. A generated entry the pair changed gets ``edited_at``: regenerating replaces
it only after the pair confirmed that; entries the pair added are always kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.services import Actor, audit_record
from tandem.topics.models import Topic
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.plan.models import (
    MAX_ENTRIES,
    MAX_TOPICS_PER_ENTRY,
    Plan,
    PlanEntry,
    PlanEntryTopic,
    TopicDirection,
)
from tandem.workspace.plan.ordering import merge_positions, plan_order
from tandem.workspace.plan.sources import direction_for, plan_inputs

# Positions an entry passes through while the plan is renumbered (the position is unique per
# tandem, and not every database defers that check to the end of a statement).
PARKING = 20000


class PlanEditsWouldBeLost(ValidationError):
    """Regenerating would replace entries the pair changed: ask them first."""

    def __init__(self, changed: int) -> None:
        self.changed = changed
        super().__init__(
            ngettext(
                "You changed %(count)s entry of the generated plan. Regenerating replaces it: "
                "confirm that you want this.",
                "You changed %(count)s entries of the generated plan. Regenerating replaces "
                "them: confirm that you want this.",
                changed,
            )
            % {"count": changed}
        )


@dataclass(frozen=True)
class Generated:
    entries: int
    kept: int
    unplaced: int
    source: str


def _lock(space: Space) -> None:
    if lock_running_tandem(space) is None:
        raise ValidationError(
            _("This tandem has ended: its plan stays readable, but nothing can change.")
        )


def _audit(space: Space, actor: Actor, action: str, target: object, **data: object) -> None:
    """Ids, positions and counts only: titles and notes are the pair's (R3)."""
    audit_record(
        actor=actor,
        action=action,
        target=target if isinstance(target, PlanEntry | Plan) else None,
        data={"tandem": space.tandem.pk, **data},
    )


def _entries(space: Space) -> list[PlanEntry]:
    return list(PlanEntry.objects.filter(tandem=space.tandem).order_by("position"))


def _renumber(entries: list[PlanEntry]) -> None:
    """Positions 1, 2, … in this order (the tandem's other entries must be gone already)."""
    moving = [(entry, index) for index, entry in enumerate(entries, start=1)]
    moving = [(entry, index) for entry, index in moving if entry.position != index]
    for entry, index in moving:
        PlanEntry.objects.filter(pk=entry.pk).update(position=PARKING + index)
    for entry, index in moving:
        PlanEntry.objects.filter(pk=entry.pk).update(position=index)
        entry.position = index


def _mark_edited(entry: PlanEntry) -> None:
    if entry.generated:
        entry.edited_at = timezone.now()
        entry.save(update_fields=["edited_at", "updated_at"])
    else:
        entry.save(update_fields=["updated_at"])


def _fresh(space: Space, entry: PlanEntry) -> PlanEntry:
    """The entry as it is now (after the lock), or refused: it may have gone meanwhile."""
    found = PlanEntry.objects.filter(pk=entry.pk, tandem=space.tandem).first()
    if found is None:
        raise ValidationError(
            _("This entry is no longer in the plan: your partner may have deleted it.")
        )
    return found


def plan_generate(*, space: Space, actor: Actor, confirm: bool = False) -> Generated:
    """Generate the plan from the agreement (or the enrolments) for the cohort's target number
    of meetings. Entries the pair added stay (`ordering.merge_positions`); generated entries the
    pair changed are replaced only with ``confirm``."""
    with transaction.atomic():
        _lock(space)
        inputs = plan_inputs(tandem=space.tandem)
        order = plan_order(
            learning=inputs.learning,
            give_back=inputs.give_back,
            meetings=space.cohort.target_meetings,
        )
        if not order.meetings:
            raise ValidationError(
                _(
                    "There are no topics to plan yet. Link the goals of your agreement to topics "
                    "of the catalogue, or add entries to the plan yourselves."
                )
            )
        entries = _entries(space)
        kept = [entry for entry in entries if not entry.generated]
        changed = [entry for entry in entries if entry.generated and entry.edited_at is not None]
        if changed and not confirm:
            raise PlanEditsWouldBeLost(len(changed))
        if len(order.meetings) + len(kept) > MAX_ENTRIES:
            raise ValidationError(
                _(
                    "The plan would have more than %(max)s entries. Delete some of the entries "
                    "you added, then generate it again."
                )
                % {"max": MAX_ENTRIES}
            )
        PlanEntry.objects.filter(tandem=space.tandem, generated=True).delete()
        slots = merge_positions(new=len(order.meetings), kept_positions=[e.position for e in kept])
        kept_order = [kept[slot.index] for slot in slots if slot.kind == "kept"]
        for entry in kept_order:  # park the kept entries, then place them
            PlanEntry.objects.filter(pk=entry.pk).update(position=PARKING + entry.position)
        topics: list[PlanEntryTopic] = []
        for position, slot in enumerate(slots, start=1):
            if slot.kind == "kept":
                PlanEntry.objects.filter(pk=kept[slot.index].pk).update(position=position)
                continue
            meeting = order.meetings[slot.index]
            entry = PlanEntry.objects.create(tandem=space.tandem, position=position)
            back = [meeting.give_back] if meeting.give_back is not None else []
            ids = [*meeting.learning, *back]
            topics.extend(
                PlanEntryTopic(
                    entry=entry,
                    topic_id=topic_id,
                    position=index,
                    direction=(
                        TopicDirection.GIVE_BACK
                        if topic_id == meeting.give_back
                        else TopicDirection.LEARNING
                    ),
                )
                for index, topic_id in enumerate(ids)
            )
        PlanEntryTopic.objects.bulk_create(topics)
        plan, _created = Plan.objects.update_or_create(
            tandem=space.tandem,
            defaults={
                "source": inputs.source,
                "agreement_number": inputs.agreement_number,
                "generated_at": timezone.now(),
            },
        )
        unplaced = len(order.unplaced_learning) + len(order.unplaced_give_back)
        _audit(
            space,
            actor,
            "plan.generate",
            plan,
            side=space.side,
            entries=len(order.meetings),
            kept=len(kept),
            replaced_changes=len(changed),
            unplaced=unplaced,
            source=inputs.source,
        )
    return Generated(len(order.meetings), len(kept), unplaced, inputs.source)


def plan_entry_move(*, space: Space, entry: PlanEntry, up: bool, actor: Actor) -> PlanEntry:
    """Swap the entry with the one before (``up``) or after it."""
    with transaction.atomic():
        _lock(space)
        entry = _fresh(space, entry)
        entries = _entries(space)
        index = next(i for i, e in enumerate(entries) if e.pk == entry.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(entries):
            raise ValidationError(
                _("This entry is the first already.")
                if up
                else _("This entry is the last already.")
            )
        entries[index], entries[other] = entries[other], entries[index]
        _renumber(entries)
        _mark_edited(entry)
        _audit(space, actor, "plan.move", entry, position=index + 1, to=other + 1)
    return entry


def plan_entry_update(
    *, space: Space, entry: PlanEntry, title: str, notes: str, actor: Actor
) -> PlanEntry:
    with transaction.atomic():
        _lock(space)
        entry = _fresh(space, entry)
        entry.title, entry.notes = title.strip(), notes.strip()
        entry.full_clean(exclude=["tandem"])
        entry.save()
        _mark_edited(entry)
        _audit(space, actor, "plan.entry_update", entry, position=entry.position)
    return entry


def _check_topic(topic: Topic) -> None:
    if not topic.is_active:
        raise ValidationError(
            {"topic": _("This topic is archived in the catalogue. Choose another topic.")}
        )


def _topic_on_entry(entry: PlanEntry, topic: Topic, *, but: int | None = None) -> None:
    others = PlanEntryTopic.objects.filter(entry=entry, topic=topic)
    if but is not None:
        others = others.exclude(pk=but)
    if others.exists():
        raise ValidationError({"topic": _("This topic is on this entry already. Choose another.")})


def plan_topic_add(*, space: Space, entry: PlanEntry, topic: Topic, actor: Actor) -> PlanEntry:
    with transaction.atomic():
        _lock(space)
        entry = _fresh(space, entry)
        _check_topic(topic)
        _topic_on_entry(entry, topic)
        count = PlanEntryTopic.objects.filter(entry=entry).count()
        if count >= MAX_TOPICS_PER_ENTRY:
            raise ValidationError(
                _(
                    "An entry holds at most %(max)s topics. Remove one, or add another entry for "
                    "this topic."
                )
                % {"max": MAX_TOPICS_PER_ENTRY}
            )
        last = PlanEntryTopic.objects.filter(entry=entry).aggregate(last=Max("position"))["last"]
        PlanEntryTopic.objects.create(
            entry=entry,
            topic=topic,
            direction=direction_for(topic),
            position=(last if last is not None else -1) + 1,
        )
        _mark_edited(entry)
        _audit(space, actor, "plan.topic_add", entry, position=entry.position, topic=topic.pk)
    return entry


def _entry_topic(space: Space, entry_topic: PlanEntryTopic) -> PlanEntryTopic:
    found = (
        PlanEntryTopic.objects.filter(pk=entry_topic.pk, entry__tandem=space.tandem)
        .select_related("entry")
        .first()
    )
    if found is None:
        raise ValidationError(
            _("This topic is no longer on the entry: your partner may have changed it.")
        )
    return found


def plan_topic_replace(
    *, space: Space, entry_topic: PlanEntryTopic, topic: Topic, actor: Actor
) -> PlanEntry:
    with transaction.atomic():
        _lock(space)
        row = _entry_topic(space, entry_topic)
        _check_topic(topic)
        _topic_on_entry(row.entry, topic, but=row.pk)
        replaced = row.topic_id
        row.topic = topic
        row.direction = direction_for(topic)
        row.save(update_fields=["topic", "direction"])
        _mark_edited(row.entry)
        _audit(
            space,
            actor,
            "plan.topic_replace",
            row.entry,
            position=row.entry.position,
            topic=topic.pk,
            replaced=replaced,
        )
    return row.entry


def plan_topic_remove(*, space: Space, entry_topic: PlanEntryTopic, actor: Actor) -> PlanEntry:
    with transaction.atomic():
        _lock(space)
        row = _entry_topic(space, entry_topic)
        removed = row.topic_id
        row.delete()
        _mark_edited(row.entry)
        _audit(
            space, actor, "plan.topic_remove", row.entry, position=row.entry.position, topic=removed
        )
    return row.entry


def plan_entry_add(*, space: Space, title: str, topic: Topic | None, actor: Actor) -> PlanEntry:
    """An entry of the pair's own at the end of the plan (kept when the plan is regenerated)."""
    with transaction.atomic():
        _lock(space)
        if not title.strip() and topic is None:
            raise ValidationError(_("Give the new entry a title or a topic."))
        if topic is not None:
            _check_topic(topic)
        count = PlanEntry.objects.filter(tandem=space.tandem).count()
        if count >= MAX_ENTRIES:
            raise ValidationError(
                _("The plan holds at most %(max)s entries. Delete one before you add another.")
                % {"max": MAX_ENTRIES}
            )
        entry = PlanEntry(
            tandem=space.tandem, position=count + 1, generated=False, title=title.strip()
        )
        entry.full_clean(exclude=["tandem"])
        entry.save()
        if topic is not None:
            PlanEntryTopic.objects.create(entry=entry, topic=topic, direction=direction_for(topic))
        _audit(space, actor, "plan.entry_add", entry, position=entry.position)
    return entry


def plan_entry_delete(*, space: Space, entry: PlanEntry, actor: Actor) -> int:
    """Delete the entry; those after it move up. Returns the position it had."""
    with transaction.atomic():
        _lock(space)
        entry = _fresh(space, entry)
        position = entry.position
        _audit(
            space, actor, "plan.entry_delete", entry, position=position, generated=entry.generated
        )
        entry.delete()
        _renumber(_entries(space))
    return position
