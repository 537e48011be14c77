"""Reading a tandem's meetings, each in a fixed number of queries.

- `meeting_list` / `meeting_in_space`: the partners' pages (meetings with their feedback).
- `feedback_view`: what one partner sees of the feedback — their own, and the other's only once
  both have given theirs (so that nobody answers the other's rating).
- `card`: the space page's card.
- `progress_facts`: dates and counts for the coordinator's overview (never content).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from tandem.workspace.access import Space
from tandem.workspace.meetings.models import Meeting, MeetingFeedback, MeetingStatus


def _meetings(space: Space) -> QuerySet[Meeting]:
    return Meeting.objects.filter(tandem=space.tandem).prefetch_related(
        Prefetch("feedback", queryset=MeetingFeedback.objects.order_by("side"))
    )


def meeting_list(*, space: Space) -> list[Meeting]:
    """Every meeting of the tandem, the latest first (two queries, whatever their number)."""
    return list(_meetings(space).order_by("-starts_at", "-id"))


def meeting_in_space(*, space: Space, pk: int) -> Meeting | None:
    """The tandem's meeting ``pk`` (None for another tandem's: the page answers 404)."""
    return _meetings(space).filter(pk=pk).first()


@dataclass(frozen=True)
class FeedbackView:
    mine: MeetingFeedback | None
    # The partner's feedback, only once both have given theirs; otherwise None.
    partners: MeetingFeedback | None

    @property
    def waiting_for_partner(self) -> bool:
        return self.mine is not None and self.partners is None


def feedback_view(*, space: Space, meeting: Meeting) -> FeedbackView:
    """The feedback as ``space``'s partner may see it (uses the prefetched feedback)."""
    by_side = {feedback.side: feedback for feedback in meeting.feedback.all()}
    mine = by_side.get(space.side)
    partners = by_side.get(space.partner_side)
    return FeedbackView(mine=mine, partners=partners if mine is not None else None)


def next_meeting(meetings: list[Meeting], *, now: datetime.datetime) -> Meeting | None:
    """The scheduled meeting that has not ended yet and starts first."""
    upcoming = [m for m in meetings if m.status == MeetingStatus.SCHEDULED and m.ends_at > now]
    return min(upcoming, key=lambda m: m.starts_at, default=None)


def card(*, space: Space) -> dict[str, Any]:
    """The space page's card: the next meeting, how many were held, the links (two queries)."""
    now = timezone.now()
    upcoming = (
        Meeting.objects.filter(
            tandem=space.tandem,
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=now - datetime.timedelta(minutes=90),
        )
        .order_by("starts_at", "id")
        .defer("agenda", "place", "recording_url")
    )
    counts = Meeting.objects.filter(tandem=space.tandem).aggregate(
        held=Count("id", filter=Q(status=MeetingStatus.HELD))
    )
    return {
        "key": space.key,
        "next": next_meeting(list(upcoming[:5]), now=now),
        "held": counts["held"],
        "target": space.cohort.target_meetings,
        "can_write": space.is_running,
    }


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The meetings' facts of each tandem (two queries for any number of tandems): held count,
    last held and next scheduled start, and the latest change of a meeting or feedback."""
    now = timezone.now()
    rows = (
        Meeting.objects.filter(tandem__pk__in=tandem_ids)
        .values("tandem__pk")
        .annotate(
            held=Count("id", filter=Q(status=MeetingStatus.HELD)),
            last=Max("starts_at", filter=Q(status=MeetingStatus.HELD)),
            upcoming=Min("starts_at", filter=Q(status=MeetingStatus.SCHEDULED, starts_at__gt=now)),
            changed=Max("updated_at"),
        )
        .order_by()
    )
    facts: dict[int, dict[str, Any]] = {}
    for row in rows:
        facts[row["tandem__pk"]] = {
            "meetings_held": row["held"],
            "last_meeting_at": row["last"],
            "next_meeting_at": row["upcoming"],
            "last_activity_at": row["changed"],
        }
    feedback = (
        MeetingFeedback.objects.filter(meeting__tandem__pk__in=tandem_ids)
        .values("meeting__tandem__pk")
        .annotate(latest=Max("created_at"))
        .order_by()
    )
    for row in feedback:
        entry = facts.setdefault(row["meeting__tandem__pk"], {})
        previous = entry.get("last_activity_at")
        entry["last_activity_at"] = max(filter(None, (previous, row["latest"])), default=None)
    return facts


def checklist_facts(*, space: Space) -> dict[str, bool]:
    """For the onboarding checklist: has the pair put a meeting in the calendar (not cancelled)?"""
    scheduled = Meeting.objects.filter(tandem=space.tandem).exclude(status=MeetingStatus.CANCELLED)
    return {"first_meeting": scheduled.exists()}
