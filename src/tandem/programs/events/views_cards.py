"""What an event card shows to whom: shared by the event pages, the RSVP answer and the events
section of the cohort page (template tag ``cohort_events_section``)."""

from __future__ import annotations

from typing import Any

import rules
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from tandem.core.http import AuthenticatedHttpRequest
from tandem.people.selectors import person_for_user
from tandem.programs.choices import EventKind, Phase, RsvpAnswer
from tandem.programs.events.schedule import event_end
from tandem.programs.events.selectors import (
    cohort_event_list,
    cohort_missing_event_kinds,
    person_event_answers,
)
from tandem.programs.models import Cohort, CohortEvent

CARD_MODES = ("list", "detail")


def safe_next(request: AuthenticatedHttpRequest, fallback: str) -> str:
    """The ``next`` address of a form if it stays on this site, else ``fallback``."""
    target = request.POST.get("next", "") or request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def decorate_events(*, request: AuthenticatedHttpRequest, events: list[CohortEvent]) -> None:
    """Set what each card needs: end time, whether it is over, the viewer's answer and whether
    they may answer. All events of one call belong to the same cohort."""
    if not events:
        return
    user = request.user
    now = timezone.now()
    # The rule itself, not `user.has_perm`: a superuser passes every permission but can only
    # answer when enrolled.
    may_answer = rules.has_perm("programs.rsvp_event", user, events[0])
    answers = person_event_answers(person=person_for_user(user=user), events=events)
    for event in events:
        event.ends_at = event_end(event.starts_at, event.duration_minutes)
        event.is_past = event.starts_at <= now
        answer = answers.get(event.pk, "")
        # not declared on the model: core.selectors_home sets it as a query annotation
        event.my_answer = answer  # type: ignore[attr-defined]
        event.my_answer_label = RsvpAnswer(answer).label if answer else ""
        event.can_rsvp = may_answer and not event.is_past and event.cohort.phase != Phase.CLOSED
        event.may_answer = may_answer
        event.needs_place = not event.place and not event.video_url


def card_context(
    *,
    request: AuthenticatedHttpRequest,
    event: CohortEvent,
    mode: str,
    next_url: str,
    error: str = "",
) -> dict[str, Any]:
    decorate_events(request=request, events=[event])
    return {
        "event": event,
        "mode": mode if mode in CARD_MODES else "list",
        "can_manage": request.user.has_perm("programs.manage_programs", event.cohort),
        "rsvp_choices": RsvpAnswer.choices,
        "next_url": next_url,
        "rsvp_error": error,
    }


def cohort_events_context(*, request: AuthenticatedHttpRequest, cohort: Cohort) -> dict[str, Any]:
    """The events section of a cohort: its events, and for coordinators what is still missing."""
    can_manage = request.user.has_perm("programs.manage_programs", cohort)
    events = list(cohort_event_list(cohort=cohort))
    decorate_events(request=request, events=events)
    missing = cohort_missing_event_kinds(cohort=cohort) if can_manage else []
    return {
        "cohort": cohort,
        "events": events,
        "can_manage": can_manage,
        "cohort_is_closed": cohort.phase == Phase.CLOSED,
        "missing_kinds": [EventKind(kind).label for kind in missing],
        "rsvp_choices": RsvpAnswer.choices,
        "next_url": request.get_full_path(),
        "mode": "list",
    }
