"""Reading calendar subscriptions: the feed of a token, a person's active feed, and what a feed
holds (two queries: the meetings with both partners, the cohorts' events)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from tandem.enrolment.choices import EnrolmentStatus
from tandem.people.models import Person
from tandem.programs.models import CohortEvent
from tandem.tandems.models import TandemStatus
from tandem.workspace.access import Space
from tandem.workspace.calendar.models import CalendarFeed
from tandem.workspace.calendar.services import TOKEN_PATTERN, token_hash
from tandem.workspace.meetings.models import Meeting


def calendar_feed_for_token(token: str) -> CalendarFeed | None:
    """The active feed of an active person with this token, else None (the view answers 404)."""
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    wanted = token_hash(token)
    feed = (
        CalendarFeed.objects.select_related("person")
        .filter(token_hash=wanted, revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    # The lookup found the row by an index on the hash; comparing again in constant time keeps
    # the answer's timing independent of how much of the hash matched.
    if feed is None or not hmac.compare_digest(feed.token_hash, wanted):
        return None
    return feed


def calendar_feed_active(*, person: Person) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(person=person, revoked_at__isnull=True).first()


@dataclass(frozen=True)
class FeedContents:
    person: Person
    meetings: list[Meeting]
    events: list[CohortEvent]


def feed_contents(*, person: Person) -> FeedContents:
    """The meetings of every formed tandem of ``person`` (ended ones too: history stays) and
    the events of the cohorts ``person`` is actively enrolled in."""
    mine = Q(tandem__mentor__person=person) | Q(tandem__mentee__person=person)
    meetings = list(
        Meeting.objects.filter(
            mine, tandem__status__in=(TandemStatus.CONFIRMED, TandemStatus.ENDED)
        )
        .select_related("tandem__mentor__person", "tandem__mentee__person")
        .defer("agenda", "place", "recording_url")
        .order_by("starts_at", "id")
    )
    events = list(
        CohortEvent.objects.filter(
            cohort__enrolments__person=person,
            cohort__enrolments__status=EnrolmentStatus.ACTIVE,
        )
        .select_related("cohort")
        .distinct()
        .order_by("starts_at", "id")
    )
    return FeedContents(person=person, meetings=meetings, events=events)


def card(*, space: Space) -> dict[str, Any]:
    """The space page's card: whether this partner subscribes to their calendar (one query)."""
    return {"active": calendar_feed_active(person=space.person)}
