"""The order of a session plan (R18): which topics go to which meeting. Pure: no Django, no
database; the facts come in as small frozen objects (`plan/sources.py` reads them).

**Order of the learning topics** (`learning_key`, smallest first):

1. *Fundamentals before advanced.* A topic is fundamental when it is a DigComp competence (the
   framework's competences are what the practical topics build on) or when the mentee starts at
   DigComp's foundation levels (current level 1 or 2, `FOUNDATION_MAX_LEVEL`). A level that is
   not known (a topic the agreement added that the mentee did not name at enrolment) makes no
   topic fundamental by itself.
2. *The larger gap first:* target level minus current level (0 when a level is not known), so
   that the longest way starts earliest.
3. *The higher company priority first* (`Topic.priority`, 0–5).
4. The topic's id, so that equal topics always come in the same order (deterministic).

A topic named twice counts once, with its largest gap (and its highest priority).

**Give-back topics** come by company priority (highest first), then id.

**Meetings.** One entry per planned meeting (`meetings`, the cohort's target; at least one as
soon as there is any topic). Each entry gets one or two learning topics and one give-back topic:

- fewer learning topics than meetings: round-robin (meeting *i* gets topic *i mod n*), so every
  topic comes back in order;
- more: the first meetings take two topics each, in order, until every topic has a place; what
  still does not fit (more than two per meeting) is returned as ``unplaced``;
- give-back topics go round-robin the same way, one per meeting (extras are ``unplaced`` too).

Reading the entries from the first meeting on, the learning topics appear for the first time
exactly in the order above.

**Regenerating** keeps the entries the pair added themselves. `merge_positions` decides where
they go: a kept entry keeps its position if the plan still has it, the new entries fill the gaps
in order, and kept entries whose position no longer exists follow at the end in their old order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

# DigComp 2.2's proficiency levels 1 and 2 are "foundation".
FOUNDATION_MAX_LEVEL = 2
MAX_LEARNING_PER_MEETING = 2


@dataclass(frozen=True)
class LearningTopic:
    """A topic the mentee learns, with what the order needs to know of it."""

    topic_id: int
    priority: int = 2
    current_level: int | None = None
    target_level: int | None = None
    is_competence: bool = False  # a DigComp competence

    @property
    def gap(self) -> int:
        if self.current_level is None or self.target_level is None:
            return 0
        return max(0, self.target_level - self.current_level)

    @property
    def is_fundamental(self) -> bool:
        return self.is_competence or (
            self.current_level is not None and self.current_level <= FOUNDATION_MAX_LEVEL
        )


@dataclass(frozen=True)
class GiveBackTopic:
    """A topic the mentee gives back."""

    topic_id: int
    priority: int = 2


@dataclass(frozen=True)
class MeetingTopics:
    """What one meeting of the plan is about."""

    meeting: int  # 1, 2, …
    learning: tuple[int, ...]  # topic ids, none to two
    give_back: int | None


@dataclass(frozen=True)
class PlanOrder:
    meetings: tuple[MeetingTopics, ...]
    unplaced_learning: tuple[int, ...] = ()
    unplaced_give_back: tuple[int, ...] = ()


def learning_key(topic: LearningTopic) -> tuple[int, int, int, int]:
    """Fundamentals first, then the larger gap, the higher priority, the smaller id."""
    return (0 if topic.is_fundamental else 1, -topic.gap, -topic.priority, topic.topic_id)


def give_back_key(topic: GiveBackTopic) -> tuple[int, int]:
    return (-topic.priority, topic.topic_id)


def ordered_learning(topics: Iterable[LearningTopic]) -> list[LearningTopic]:
    """Each topic once (the way of naming it that comes first: largest gap …), in order."""
    best: dict[int, LearningTopic] = {}
    for topic in topics:
        known = best.get(topic.topic_id)
        if known is None or learning_key(topic) < learning_key(known):
            best[topic.topic_id] = topic
    return sorted(best.values(), key=learning_key)


def ordered_give_back(topics: Iterable[GiveBackTopic]) -> list[GiveBackTopic]:
    best: dict[int, GiveBackTopic] = {}
    for topic in topics:
        known = best.get(topic.topic_id)
        if known is None or give_back_key(topic) < give_back_key(known):
            best[topic.topic_id] = topic
    return sorted(best.values(), key=give_back_key)


def _learning_slots(ids: Sequence[int], count: int) -> tuple[list[tuple[int, ...]], list[int]]:
    """The learning topics of each of ``count`` meetings, and those that do not fit."""
    if not ids:
        return [() for _meeting in range(count)], []
    if len(ids) <= count:
        return [(ids[index % len(ids)],) for index in range(count)], []
    fitting = list(ids[: MAX_LEARNING_PER_MEETING * count])
    doubles = len(fitting) - count  # meetings that take two topics (the first ones)
    slots: list[tuple[int, ...]] = []
    cursor = 0
    for meeting in range(count):
        size = 2 if meeting < doubles else 1
        slots.append(tuple(fitting[cursor : cursor + size]))
        cursor += size
    return slots, list(ids[len(fitting) :])


def plan_order(
    *, learning: Iterable[LearningTopic], give_back: Iterable[GiveBackTopic], meetings: int
) -> PlanOrder:
    """The plan's meetings (see the module docstring); empty only when there is no topic."""
    learning_ids = [topic.topic_id for topic in ordered_learning(learning)]
    give_back_ids = [topic.topic_id for topic in ordered_give_back(give_back)]
    if not learning_ids and not give_back_ids:
        return PlanOrder(meetings=())
    count = max(1, meetings)
    slots, unplaced = _learning_slots(learning_ids, count)
    entries = tuple(
        MeetingTopics(
            meeting=index + 1,
            learning=slots[index],
            give_back=give_back_ids[index % len(give_back_ids)] if give_back_ids else None,
        )
        for index in range(count)
    )
    return PlanOrder(
        meetings=entries,
        unplaced_learning=tuple(unplaced),
        unplaced_give_back=tuple(give_back_ids[count:]),
    )


@dataclass(frozen=True)
class Slot:
    """A place in the merged plan: the ``index``-th new entry, or the ``index``-th kept one."""

    kind: Literal["new", "kept"]
    index: int


def merge_positions(*, new: int, kept_positions: Sequence[int]) -> list[Slot]:
    """Where the new entries and the kept ones go (the list's order is the plan's order).

    ``kept_positions`` are the kept entries' old positions (1, 2, …), in any order; a slot names
    a kept entry by its index in ``kept_positions``, a new one by its index among the new."""
    kept_order = sorted(range(len(kept_positions)), key=lambda i: (kept_positions[i], i))
    olds = [kept_positions[i] for i in kept_order]
    slots: list[Slot] = []
    next_new = 0
    next_kept = 0
    for position in range(1, new + len(olds) + 1):
        kept_due = next_kept < len(olds) and olds[next_kept] <= position
        if kept_due or next_new >= new:
            slots.append(Slot("kept", kept_order[next_kept]))
            next_kept += 1
        else:
            slots.append(Slot("new", next_new))
            next_new += 1
    return slots
