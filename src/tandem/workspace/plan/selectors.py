"""Reads of the session plan and the tutorials, each in a fixed number of queries: the plan page,
the space page's card, the next meeting's agenda, the tutorials page, a topic's library, the
coordinator's review list, the overview's activity dates, and the lookups of a view's entry,
topic or tutorial (403 if not theirs to see).

**The next entry.** The entry at position n is planned for the n-th meeting. A meeting that was
held or is scheduled has taken its entry; a cancelled or missed one has not. So the next entry is
the one after as many entries as the tandem has held and scheduled meetings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from tandem.core.text_limits import LONG_TEXT
from tandem.topics.models import Topic
from tandem.workspace.access import Space
from tandem.workspace.meetings.models import Meeting, MeetingStatus
from tandem.workspace.plan.models import (
    LibraryStatus,
    Plan,
    PlanEntry,
    PlanEntryTopic,
    TopicDirection,
    Tutorial,
    TutorialKind,
)

# The agenda seed names at most this many example questions per topic (it stays short).
AGENDA_QUESTIONS = 2


@dataclass
class TopicView:
    row: PlanEntryTopic
    topic: Topic
    tutorials: list[Tutorial] = field(default_factory=list)

    @property
    def is_give_back(self) -> bool:
        return self.row.direction == TopicDirection.GIVE_BACK


@dataclass
class EntryView:
    entry: PlanEntry
    topics: list[TopicView]
    is_next: bool = False
    is_first: bool = False
    is_last: bool = False

    @property
    def learning(self) -> list[TopicView]:
        return [t for t in self.topics if not t.is_give_back]

    @property
    def give_back(self) -> list[TopicView]:
        return [t for t in self.topics if t.is_give_back]


@dataclass(frozen=True)
class PlanPage:
    space: Space
    plan: Plan | None
    entries: list[EntryView]
    meetings_used: int

    @property
    def can_edit(self) -> bool:
        return self.space.is_running


def meetings_used(*, space: Space) -> int:
    """Held and scheduled meetings: each has taken its plan entry (one query)."""
    return Meeting.objects.filter(
        tandem=space.tandem, status__in=[MeetingStatus.HELD, MeetingStatus.SCHEDULED]
    ).count()


def _entry_views(space: Space, *, used: int, with_tutorials: bool) -> list[EntryView]:
    """Every entry with its topics (two queries), and their tutorials (one more)."""
    entries = list(
        PlanEntry.objects.filter(tandem=space.tandem)
        .order_by("position")
        .prefetch_related("topics__topic")
    )
    views = [
        EntryView(
            entry=entry,
            topics=[TopicView(row=row, topic=row.topic) for row in entry.topics.all()],
            is_next=index == used,
            is_first=index == 0,
            is_last=index == len(entries) - 1,
        )
        for index, entry in enumerate(entries)
    ]
    if with_tutorials and views:
        by_topic = tutorials_by_topic(
            space=space, topic_ids={t.topic.pk for view in views for t in view.topics}
        )
        for view in views:
            for topic_view in view.topics:
                topic_view.tutorials = by_topic.get(topic_view.topic.pk, [])
    return views


def tutorials_by_topic(*, space: Space, topic_ids: set[int]) -> dict[int, list[Tutorial]]:
    """The tandem's own tutorials and the library's approved ones for these topics (one query).
    Each carries ``is_own``; another tandem's never says whose it is."""
    found: dict[int, list[Tutorial]] = defaultdict(list)
    rows = Tutorial.objects.filter(topic_id__in=topic_ids).filter(
        Q(tandem=space.tandem) | Q(library_status=LibraryStatus.APPROVED)
    )
    for tutorial in rows:
        tutorial.is_own = tutorial.tandem_id == space.key  # type: ignore[attr-defined]
        found[tutorial.topic_id].append(tutorial)
    return found


def plan_page(*, space: Space) -> PlanPage:
    """The plan, its entries with topics, example questions and tutorials (five queries)."""
    used = meetings_used(space=space)
    return PlanPage(
        space=space,
        plan=Plan.objects.filter(tandem=space.tandem).first(),
        entries=_entry_views(space, used=used, with_tutorials=True),
        meetings_used=used,
    )


def next_entry(*, space: Space) -> EntryView | None:
    """The entry of the next meeting not held or scheduled yet (three queries)."""
    used = meetings_used(space=space)
    views = _entry_views(space, used=used, with_tutorials=False)
    return views[used] if used < len(views) else None


def card(*, space: Space) -> dict[str, Any]:
    """The space page's card: the next planned topics, how many entries (three queries)."""
    used = meetings_used(space=space)
    views = _entry_views(space, used=used, with_tutorials=False)
    return {
        "key": space.key,
        "entries": len(views),
        "next": views[used] if used < len(views) else None,
        "is_running": space.is_running,
    }


def _questions(topic: Topic) -> list[str]:
    return [f"   – {question}" for question in topic.example_questions[:AGENDA_QUESTIONS]]


def agenda_text(view: EntryView) -> str:
    """A short plain-text agenda of an entry in the active language: check-in, its topics with
    up to two example questions each, the give-back topic, feedback."""
    lines = [_("Session plan, meeting %(n)s") % {"n": view.entry.position}]
    if view.entry.title:
        lines[0] += f": {view.entry.title}"
    lines.append(_("1. Check-in: how are you both?"))
    number = 2
    for topic_view in view.learning:
        lines.append(f"{number}. {topic_view.topic.label}")
        lines.extend(_questions(topic_view.topic))
        number += 1
    for topic_view in view.give_back:
        lines.append(
            _("%(number)s. Give-back: %(topic)s")
            % {"number": number, "topic": topic_view.topic.label}
        )
        lines.extend(_questions(topic_view.topic))
        number += 1
    lines.append(_("%(number)s. Feedback and next steps") % {"number": number})
    text = "\n".join(lines)
    while len(text) > LONG_TEXT and len(lines) > 2:  # never longer than an agenda may be
        lines.pop(-2)
        text = "\n".join(lines)
    return text[:LONG_TEXT]


def next_agenda(*, space: Space) -> str:
    """The next entry's agenda, or "" when the plan has no entry left for the next meeting."""
    view = next_entry(space=space)
    return agenda_text(view) if view is not None else ""


def entry_of(*, space: Space, pk: int) -> PlanEntry:
    """An entry of this tandem's plan, else 403 (also for another tandem's)."""
    found = PlanEntry.objects.filter(tandem=space.tandem, pk=pk).first()
    if found is None:
        raise PermissionDenied
    return found


def entry_view(*, space: Space, pk: int) -> EntryView:
    """One entry with its topics (and their tutorials), for its edit page; else 403."""
    entry = entry_of(space=space, pk=pk)
    rows = list(PlanEntryTopic.objects.filter(entry=entry).select_related("topic"))
    view = EntryView(entry=entry, topics=[TopicView(row=row, topic=row.topic) for row in rows])
    by_topic = tutorials_by_topic(space=space, topic_ids={row.topic_id for row in rows})
    for topic_view in view.topics:
        topic_view.tutorials = by_topic.get(topic_view.topic.pk, [])
    return view


def entry_topic_of(*, space: Space, pk: int) -> PlanEntryTopic:
    found = (
        PlanEntryTopic.objects.filter(entry__tandem=space.tandem, pk=pk)
        .select_related("entry")
        .first()
    )
    if found is None:
        raise PermissionDenied
    return found


def own_tutorials(*, space: Space) -> QuerySet[Tutorial]:
    return Tutorial.objects.filter(tandem=space.tandem).select_related("topic")


def tutorial_of(*, space: Space, pk: int) -> Tutorial:
    """A tutorial of this tandem, else 403."""
    found = own_tutorials(space=space).filter(pk=pk).first()
    if found is None:
        raise PermissionDenied
    return found


def library(*, topic: Topic) -> QuerySet[Tutorial]:
    """The approved tutorials of a topic (whoever wrote them: the page never says)."""
    return Tutorial.objects.filter(topic=topic, library_status=LibraryStatus.APPROVED)


def library_topic(*, pk: int) -> Topic:
    topic = Topic.objects.filter(pk=pk).first()
    if topic is None:
        raise Http404(_("There is no such topic in the catalogue."))
    return topic


def library_counts() -> dict[int, int]:
    """How many approved tutorials each topic has (one query)."""
    counts: dict[int, int] = defaultdict(int)
    for topic_id in Tutorial.objects.filter(library_status=LibraryStatus.APPROVED).values_list(
        "topic_id", flat=True
    ):
        counts[topic_id] += 1
    return dict(counts)


def file_for_participant(*, space: Space, pk: int) -> Tutorial:
    """A tutorial's file for a member of a formed tandem: their own tandem's, or an approved
    one of the library. Anything else is refused (403), also a tutorial that does not exist."""
    found = (
        Tutorial.objects.filter(pk=pk, kind=TutorialKind.FILE)
        .filter(Q(tandem=space.tandem) | Q(library_status=LibraryStatus.APPROVED))
        .first()
    )
    if found is None:
        raise PermissionDenied
    return found


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, datetime | None]]:
    """The plan's last change and the last tutorial added, as activity for the coordinator's
    overview (a date, never what changed; two queries)."""
    found: dict[int, dict[str, datetime | None]] = {}
    for model, moment in ((PlanEntry, "updated_at"), (Tutorial, "created_at")):
        rows = (
            model.objects.filter(tandem__pk__in=tandem_ids)
            .order_by()
            .values("tandem__pk")
            .annotate(latest=Max(moment))
        )
        for row in rows:
            known = found.get(row["tandem__pk"], {}).get("last_activity_at")
            latest = row["latest"] if known is None else max(known, row["latest"])
            found[row["tandem__pk"]] = {"last_activity_at": latest}
    return found


# What a coordinator may read: what was offered for publication, never anything else.
REVIEWABLE = (LibraryStatus.OFFERED, LibraryStatus.APPROVED)


def review_list() -> list[Tutorial]:
    """Offered tutorials first (oldest offer first), then those in the library (one query)."""
    rows = list(
        Tutorial.objects.filter(library_status__in=REVIEWABLE)
        .select_related("topic")
        .order_by("offered_at", "pk")
    )
    return sorted(rows, key=lambda t: t.library_status != LibraryStatus.OFFERED)


def reviewable_of(*, pk: int) -> Tutorial:
    found = Tutorial.objects.filter(pk=pk, library_status__in=REVIEWABLE).first()
    if found is None:
        raise PermissionDenied
    return found
