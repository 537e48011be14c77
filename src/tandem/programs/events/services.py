"""Writes of a cohort's joint events (R7): propose, create, edit, delete, RSVP, carry over.

Every change is validated (`full_clean`), runs in one transaction and writes an audit row.
Messages of a `ValidationError` say what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.core.text_limits import SHORT_TEXT
from tandem.people.models import Person
from tandem.programs.choices import EventKind, Phase, RsvpAnswer
from tandem.programs.cohorts.membership import cohort_membership
from tandem.programs.events import schedule as rules_events
from tandem.programs.models import Cohort, CohortEvent, EventResponse

EDITABLE_FIELDS = ("kind", "title", "starts_at", "duration_minutes", "place", "video_url", "agenda")
MAX_DURATION_MINUTES = 12 * 60
TITLE_MAX = SHORT_TEXT


def _default_texts(kind: str) -> tuple[str, str]:
    """The name and agenda of a proposed event, in the active language."""
    if kind == EventKind.KICKOFF:
        return _("Kickoff"), "\n".join(
            [
                _("Welcome and the goals of the program"),
                _("Roles and tasks of mentors and mentees; the confidentiality charter"),
                _("Meet your tandem partner and plan your first meeting"),
                _("Questions, and who to contact when a tandem struggles"),
            ]
        )
    if kind == EventKind.HALFTIME:
        return _("Half-time"), "\n".join(
            [
                _("What has worked so far: experiences from the tandems"),
                _("Short tutorials and tips from the mentors"),
                _("Difficulties and how to solve them"),
                _("Plans for the second half"),
            ]
        )
    return _("Closing"), "\n".join(
        [
            _("Experiences and results of the tandems"),
            _("What we learned, and what may be shared with the company (with consent)"),
            _("Feedback: what to change for the next round"),
            _("Thanks and farewell"),
        ]
    )


def default_event_title(*, kind: str, cohort: Cohort) -> str:
    name, _agenda = _default_texts(kind)
    title = _("%(event)s – %(cohort)s") % {"event": name, "cohort": cohort.name}
    return title[:TITLE_MAX]


def _guard_cohort_open(cohort: Cohort) -> None:
    if cohort.phase == Phase.CLOSED:
        raise ValidationError(
            _(
                "“%(cohort)s” is closed, so its events can no longer be changed. Plan events in "
                "the next round instead."
            )
            % {"cohort": cohort.name}
        )


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def _clean(event: CohortEvent) -> None:
    """The model's validation and the rules of events, reported together, field by field."""
    errors: dict[str, list[Any]] = {}  # messages, or ValidationErrors from full_clean
    try:
        event.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    _check_event_rules(event, errors)
    if errors:
        raise ValidationError(errors)


def _check_event_rules(event: CohortEvent, errors: dict[str, list[str]]) -> None:
    """The rules beyond the model's fields; adds one message per field that is wrong."""
    if not event.place.strip() and not event.video_url.strip():
        errors.setdefault("place", []).append(
            _(
                "Say where the event takes place: enter a place (e.g. a room), a video link, "
                "or both for a hybrid event."
            )
        )
    if event.starts_at is not None:
        if timezone.is_naive(event.starts_at):
            raise ValueError("starts_at must be an aware datetime")
        first, last = rules_events.event_window(
            starts_on=event.cohort.starts_on, ends_on=event.cohort.ends_on
        )
        if not first <= _local_date(event.starts_at) <= last:
            errors.setdefault("starts_at", []).append(
                _(
                    "Choose a date between %(first)s and %(last)s: an event may take place at "
                    "most %(days)s days before the start or after the end of the cohort."
                )
                % {
                    "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
                    "last": formats.date_format(last, "SHORT_DATE_FORMAT"),
                    "days": rules_events.EVENT_MARGIN_DAYS,
                }
            )
    if event.duration_minutes is not None and event.duration_minutes > MAX_DURATION_MINUTES:
        errors.setdefault("duration_minutes", []).append(
            _("An event lasts at most %(hours)s hours; enter a shorter duration.")
            % {"hours": MAX_DURATION_MINUTES // 60}
        )
    if event.kind in rules_events.PROPOSED_KINDS:
        twin = event.cohort.events.filter(kind=event.kind).exclude(pk=event.pk).first()
        if twin is not None:
            errors.setdefault("kind", []).append(
                _(
                    "This cohort already has a %(kind)s event (“%(title)s”). Edit that one, or "
                    "choose the kind “Other”."
                )
                % {"kind": EventKind(event.kind).label, "title": twin.title}
            )


def _snapshot(event: CohortEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "title": event.title,
        "starts_at": event.starts_at.isoformat() if event.starts_at else None,
        "duration_minutes": event.duration_minutes,
        "place": event.place,
        "video_url": event.video_url,
        "agenda": event.agenda,
    }


@transaction.atomic
def cohort_propose_events(*, cohort: Cohort, actor: Actor) -> list[CohortEvent]:
    """Create the kickoff, half-time and closing the cohort does not have yet, on proposed dates.

    Idempotent: a kind the cohort already has is never created again. Returns the new events.
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    _guard_cohort_open(cohort)
    existing = set(cohort.events.values_list("kind", flat=True))
    created: list[CohortEvent] = []
    proposals = rules_events.propose_event_times(
        starts_on=cohort.starts_on, ends_on=cohort.ends_on, tz=timezone.get_default_timezone()
    )
    for kind, starts_at in proposals:
        if kind in existing:
            continue
        _name, agenda = _default_texts(kind)
        event = CohortEvent(
            cohort=cohort,
            kind=kind,
            title=default_event_title(kind=kind, cohort=cohort),
            starts_at=starts_at,
            duration_minutes=rules_events.DEFAULT_DURATIONS[kind],
            agenda=agenda,
        )
        event.full_clean()
        event.save()
        audit_record(actor=actor, action="event.propose", target=event, data=_snapshot(event))
        created.append(event)
    return created


@transaction.atomic
def event_create(
    *,
    cohort: Cohort,
    actor: Actor,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    duration_minutes: int = 90,
    place: str = "",
    video_url: str = "",
    agenda: str = "",
) -> CohortEvent:
    _guard_cohort_open(cohort)
    event = CohortEvent(
        cohort=cohort,
        kind=kind,
        title=title.strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        video_url=video_url.strip(),
        agenda=agenda.strip(),
    )
    _clean(event)
    event.save()
    audit_record(actor=actor, action="event.create", target=event, data=_snapshot(event))
    return event


@transaction.atomic
def event_update(*, event: CohortEvent, actor: Actor, **fields: Any) -> CohortEvent:
    """Change any of kind, title, starts_at, duration_minutes, place, video_url, agenda."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"event_update() got unexpected fields: {sorted(unknown)}")
    # Work on a fresh, locked copy: a refused change leaves the caller's object as it was.
    event = (
        CohortEvent.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=event.pk)
    )
    _guard_cohort_open(event.cohort)
    before = _snapshot(event)
    for name, value in fields.items():
        setattr(event, name, value.strip() if isinstance(value, str) else value)
    _clean(event)
    event.save()
    after = _snapshot(event)
    changed = {name: after[name] for name in after if after[name] != before[name]}
    audit_record(actor=actor, action="event.update", target=event, data={"changed": changed})
    return event


@transaction.atomic
def event_delete(*, event: CohortEvent, actor: Actor) -> None:
    """Delete an event together with its answers."""
    _guard_cohort_open(event.cohort)
    data = {**_snapshot(event), "responses": event.responses.count()}
    audit_record(actor=actor, action="event.delete", target=event, data=data)
    event.delete()


@transaction.atomic
def event_rsvp(*, event: CohortEvent, person: Person, answer: str, actor: Actor) -> EventResponse:
    """Record or change a participant's answer to an event (one answer per person and event)."""
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Choose whether you will attend: yes, maybe or no.")})
    # Locking the person's enrolment serialises their answers (a double click never inserts
    # twice); enrolment, above programs, answers through programs/cohorts/membership.py.
    if not cohort_membership().lock_enrolled(cohort=event.cohort, person=person):
        raise ValidationError(
            _(
                "Only people enrolled in “%(cohort)s” can answer to its events. Enrol in the "
                "cohort first, or ask its coordinator."
            )
            % {"cohort": event.cohort.name}
        )
    if event.cohort.phase == Phase.CLOSED or event.starts_at <= timezone.now():
        raise ValidationError(
            _("“%(title)s” has already taken place, so answers can no longer be changed.")
            % {"title": event.title}
        )
    response = EventResponse.objects.select_for_update().filter(event=event, person=person).first()
    previous = response.answer if response is not None else None
    if response is None:
        response = EventResponse(event=event, person=person)
    response.answer = answer
    response.full_clean()
    response.save()
    audit_record(
        actor=actor,
        action="event.rsvp",
        target=event,
        data={"person": person.pk, "answer": answer, "previous": previous},
    )
    return response


@transaction.atomic
def cohort_events_copy_pattern(
    *, source: Cohort, target: Cohort, actor: Actor
) -> list[CohortEvent]:
    """Copy the source cohort's events into the target at the same relative dates.

    Kickoff and other events keep their distance from the start; half-time and closing are scaled
    to the target's length. Local time of day, duration, place, video link and agenda are kept;
    the title too, except that the source cohort's name in it becomes the target's. Kinds the
    target already has (and other events with the same title) are skipped, so
    copying twice never duplicates. Returns the new events.
    """
    target = Cohort.objects.select_for_update().get(pk=target.pk)
    _guard_cohort_open(target)
    tz = timezone.get_default_timezone()
    existing = list(target.events.values_list("kind", "title"))
    created: list[CohortEvent] = []
    for original in source.events.order_by("starts_at", "pk"):
        title = rules_events.retitled_for_cohort(
            original.title, old_name=source.name, new_name=target.name, max_length=TITLE_MAX
        )
        if original.kind in rules_events.PROPOSED_KINDS:
            if any(kind == original.kind for kind, _title in existing):
                continue
        elif (original.kind, title) in existing:
            continue
        local = timezone.localtime(original.starts_at, tz)
        day = rules_events.carry_over_event_date(
            kind=original.kind,
            day=local.date(),
            source_starts_on=source.starts_on,
            source_ends_on=source.ends_on,
            target_starts_on=target.starts_on,
            target_ends_on=target.ends_on,
        )
        event = CohortEvent(
            cohort=target,
            kind=original.kind,
            title=title,
            starts_at=rules_events.at_local_time(day, tz=tz, at=local.time()),
            duration_minutes=original.duration_minutes,
            place=original.place,
            video_url=original.video_url,
            agenda=original.agenda,
        )
        event.full_clean()
        event.save()
        audit_record(
            actor=actor,
            action="event.copy",
            target=event,
            data={"source_event": original.pk, "source_cohort": source.pk, **_snapshot(event)},
        )
        existing.append((event.kind, event.title))
        created.append(event)
    return created
