"""The event services: proposal, editing rules, RSVP, carry-over; each change is audited."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tandem.core.models import AuditEvent
from tandem.enrolment.models import Enrolment
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.choices import EventKind, Phase
from tandem.programs.events.services import (
    cohort_events_copy_pattern,
    cohort_propose_events,
    event_create,
    event_delete,
    event_rsvp,
    event_update,
)
from tandem.programs.models import CohortEvent, EventResponse
from tandem.programs.tests.factories import BERLIN, CohortEventFactory, CohortFactory, local

pytestmark = pytest.mark.django_db
D = datetime.date


def audit_actions(target=None) -> list[str]:
    rows = AuditEvent.objects.order_by("id")
    if target is not None:
        rows = rows.filter(target_type=target._meta.label_lower, target_id=str(target.pk))
    return list(rows.values_list("action", flat=True))


@pytest.fixture
def cohort():
    # Monday 3 March 2031 to Wednesday 3 September 2031.
    return CohortFactory(starts_on=D(2031, 3, 3), ends_on=D(2031, 9, 3))


def valid_fields(cohort, **overrides):
    fields = {
        "kind": EventKind.OTHER,
        "title": "Tutorial afternoon",
        "starts_at": local(cohort.starts_on + datetime.timedelta(days=10)),
        "duration_minutes": 60,
        "place": "Room 4.01",
        "video_url": "",
        "agenda": "Short tutorials by the mentors",
    }
    return {**fields, **overrides}


# Proposal


def test_proposing_creates_kickoff_halftime_and_closing_from_the_cohort_dates(cohort, coordinator):
    created = cohort_propose_events(cohort=cohort, actor=coordinator)
    assert [event.kind for event in created] == ["kickoff", "halftime", "closing"]
    kickoff, halftime, closing = created
    assert kickoff.starts_at == datetime.datetime(2031, 3, 3, 16, tzinfo=BERLIN)
    assert timezone.localtime(halftime.starts_at, BERLIN).date() == D(2031, 6, 3)
    assert closing.starts_at == datetime.datetime(2031, 9, 3, 16, tzinfo=BERLIN)
    assert kickoff.title == f"Kickoff – {cohort.name}"
    assert "confidentiality charter" in kickoff.agenda
    assert audit_actions() == ["event.propose"] * 3


def test_proposing_twice_never_duplicates_events(cohort, coordinator):
    cohort_propose_events(cohort=cohort, actor=coordinator)
    assert cohort_propose_events(cohort=cohort, actor=coordinator) == []
    assert cohort.events.count() == 3


def test_proposing_only_adds_the_kinds_that_are_missing(cohort, coordinator):
    CohortEventFactory(cohort=cohort, kind=EventKind.KICKOFF, title="Our own kickoff")
    created = cohort_propose_events(cohort=cohort, actor=coordinator)
    assert [event.kind for event in created] == ["halftime", "closing"]
    assert cohort.events.filter(kind=EventKind.KICKOFF).get().title == "Our own kickoff"


def test_proposed_titles_are_written_in_the_active_language(cohort, coordinator):
    with translation.override("de"):
        created = cohort_propose_events(cohort=cohort, actor=coordinator)
    # German catalogues are added later: the title is at least built through gettext.
    assert all(cohort.name in event.title for event in created)


def test_a_closed_cohort_gets_no_proposals(coordinator):
    closed = CohortFactory(phase=Phase.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        cohort_propose_events(cohort=closed, actor=coordinator)
    assert not closed.events.exists()


# Creating and editing


def test_creating_an_event_saves_it_and_writes_an_audit_row(cohort, coordinator):
    event = event_create(cohort=cohort, actor=coordinator, **valid_fields(cohort))
    assert event.pk and event.place == "Room 4.01"
    assert audit_actions(event) == ["event.create"]


def test_an_event_needs_a_place_or_a_video_link(cohort, coordinator):
    with pytest.raises(ValidationError) as error:
        event_create(cohort=cohort, actor=coordinator, **valid_fields(cohort, place="  "))
    assert "place" in error.value.message_dict
    assert "video link" in error.value.message_dict["place"][0]
    assert not cohort.events.exists()


def test_a_video_link_alone_is_enough(cohort, coordinator):
    event = event_create(
        cohort=cohort,
        actor=coordinator,
        **valid_fields(cohort, place="", video_url="https://meet.example.com/kickoff"),
    )
    assert event.video_url == "https://meet.example.com/kickoff"


def test_an_event_far_outside_the_cohort_is_refused_with_the_allowed_range(cohort, coordinator):
    too_late = local(cohort.ends_on + datetime.timedelta(days=31))
    with pytest.raises(ValidationError) as error:
        event_create(cohort=cohort, actor=coordinator, **valid_fields(cohort, starts_at=too_late))
    message = error.value.message_dict["starts_at"][0]
    assert "30 days" in message and "Choose a date between" in message
    # Up to 30 days after the end is fine.
    fine = local(cohort.ends_on + datetime.timedelta(days=30))
    assert event_create(cohort=cohort, actor=coordinator, **valid_fields(cohort, starts_at=fine))


def test_a_second_kickoff_is_refused_with_a_hint(cohort, coordinator):
    CohortEventFactory(cohort=cohort, kind=EventKind.KICKOFF)
    with pytest.raises(ValidationError) as error:
        event_create(
            cohort=cohort, actor=coordinator, **valid_fields(cohort, kind=EventKind.KICKOFF)
        )
    assert "Other" in error.value.message_dict["kind"][0]


def test_all_problems_are_reported_together(cohort, coordinator):
    with pytest.raises(ValidationError) as error:
        event_create(cohort=cohort, actor=coordinator, **valid_fields(cohort, title="", place=""))
    assert {"title", "place"} <= set(error.value.message_dict)


def test_updating_an_event_changes_it_and_audits_what_changed(cohort, coordinator):
    event = CohortEventFactory(cohort=cohort)
    updated = event_update(event=event, actor=coordinator, place="Auditorium", agenda="New agenda")
    assert CohortEvent.objects.get(pk=event.pk).place == "Auditorium"
    assert updated.agenda == "New agenda"
    row = AuditEvent.objects.get(action="event.update")
    assert row.data["changed"] == {"place": "Auditorium", "agenda": "New agenda"}


def test_a_refused_update_changes_nothing(cohort, coordinator):
    event = CohortEventFactory(cohort=cohort, title="Kept")
    with pytest.raises(ValidationError):
        event_update(event=event, actor=coordinator, title="Changed", place="", video_url="")
    assert CohortEvent.objects.get(pk=event.pk).title == "Kept"
    assert event.title == "Kept"  # the caller's object is untouched too
    assert not AuditEvent.objects.filter(action="event.update").exists()


def test_updating_unknown_fields_is_a_programming_error(cohort, coordinator):
    with pytest.raises(TypeError):
        event_update(event=CohortEventFactory(cohort=cohort), actor=coordinator, cohort=None)


def test_deleting_an_event_removes_its_answers_and_is_audited(cohort, coordinator, mentor_person):
    event = CohortEventFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort, person=mentor_person, role="mentor")
    EventResponse.objects.create(event=event, person=mentor_person, answer="yes")
    event_delete(event=event, actor=coordinator)
    assert not CohortEvent.objects.exists() and not EventResponse.objects.exists()
    row = AuditEvent.objects.get(action="event.delete")
    assert row.data["responses"] == 1


# RSVP


@pytest.fixture
def upcoming(coordinator):
    return CohortEventFactory()  # the factory's cohort starts in 30 days


def test_an_enrolled_participant_answers_and_may_change_the_answer(upcoming, mentor_person):
    EnrolmentFactory(cohort=upcoming.cohort, person=mentor_person, role="mentor")
    first = event_rsvp(event=upcoming, person=mentor_person, answer="maybe", actor=None)
    second = event_rsvp(event=upcoming, person=mentor_person, answer="yes", actor=None)
    assert first.pk == second.pk
    assert EventResponse.objects.get().answer == "yes"
    rows = AuditEvent.objects.filter(action="event.rsvp").order_by("id")
    assert [(r.data["answer"], r.data["previous"]) for r in rows] == [
        ("maybe", None),
        ("yes", "maybe"),
    ]


def test_people_not_enrolled_cannot_answer(upcoming, mentee_person):
    with pytest.raises(ValidationError, match="Only people enrolled"):
        event_rsvp(event=upcoming, person=mentee_person, answer="yes", actor=None)
    assert not EventResponse.objects.exists()


def test_people_enrolled_in_another_cohort_cannot_answer(upcoming, mentee_person):
    EnrolmentFactory(person=mentee_person, role="mentor", cohort=CohortFactory())  # another cohort
    with pytest.raises(ValidationError):
        event_rsvp(event=upcoming, person=mentee_person, answer="yes", actor=None)


def test_people_who_withdrew_cannot_answer(upcoming, mentee_person):
    EnrolmentFactory(
        cohort=upcoming.cohort,
        person=mentee_person,
        status="withdrawn",
        withdrawn_at=timezone.now(),
        role="mentor",
    )
    with pytest.raises(ValidationError):
        event_rsvp(event=upcoming, person=mentee_person, answer="yes", actor=None)


def test_an_unknown_answer_is_refused(upcoming, mentor_person):
    EnrolmentFactory(cohort=upcoming.cohort, person=mentor_person, role="mentor")
    with pytest.raises(ValidationError) as error:
        event_rsvp(event=upcoming, person=mentor_person, answer="perhaps", actor=None)
    assert "answer" in error.value.message_dict


def test_answers_to_past_events_are_refused(mentor_person):
    cohort = CohortFactory(starts_on=D(2020, 1, 6), ends_on=D(2020, 7, 6))
    past = CohortEventFactory(cohort=cohort)
    Enrolment.objects.create(cohort=cohort, person=mentor_person, role="mentor")
    with pytest.raises(ValidationError, match="already taken place"):
        event_rsvp(event=past, person=mentor_person, answer="yes", actor=None)


# Carry-over into the next cohort


def test_copying_the_pattern_keeps_offsets_and_scales_halftime_and_closing(cohort, coordinator):
    cohort_propose_events(cohort=cohort, actor=coordinator)
    cohort.events.filter(kind=EventKind.KICKOFF).update(
        starts_at=local(D(2031, 3, 5), 10, 30), place="Auditorium", video_url="https://v.example"
    )
    CohortEventFactory(
        cohort=cohort, title="Tutorial day", starts_at=local(D(2031, 4, 2), 14), agenda="Demos"
    )
    # Monday 1 March 2032 to Tuesday 1 June 2032: half as long.
    target = CohortFactory(program=cohort.program, starts_on=D(2032, 3, 1), ends_on=D(2032, 6, 1))

    copies = cohort_events_copy_pattern(source=cohort, target=target, actor=coordinator)

    by_kind = {event.kind: event for event in copies}
    assert set(by_kind) == {"kickoff", "halftime", "closing", "other"}
    kickoff = by_kind["kickoff"]
    assert timezone.localtime(kickoff.starts_at, BERLIN) == local(D(2032, 3, 3), 10, 30)
    assert (kickoff.place, kickoff.video_url) == ("Auditorium", "https://v.example")
    source_kickoff = cohort.events.get(kind="kickoff")
    assert (kickoff.title, kickoff.agenda, kickoff.duration_minutes) == (
        source_kickoff.title.replace(cohort.name, target.name),  # named after the new cohort
        source_kickoff.agenda,
        source_kickoff.duration_minutes,
    )
    assert kickoff.title == f"Kickoff – {target.name}"
    # 92 of 184 days → 46 of 92 days; the closing stays on the last day.
    assert timezone.localtime(by_kind["halftime"].starts_at, BERLIN).date() == D(2032, 4, 16)
    assert by_kind["closing"].starts_at == local(D(2032, 6, 1))
    # An extra event keeps its distance from the start (30 days).
    assert by_kind["other"].starts_at == local(D(2032, 3, 31), 14)
    assert by_kind["other"].title == "Tutorial day"
    assert audit_actions().count("event.copy") == 4


def test_copying_the_pattern_twice_never_duplicates(cohort, coordinator):
    cohort_propose_events(cohort=cohort, actor=coordinator)
    CohortEventFactory(cohort=cohort, title="Tutorial day")
    target = CohortFactory(program=cohort.program, starts_on=D(2032, 3, 1), ends_on=D(2032, 9, 1))
    CohortEventFactory(cohort=target, kind=EventKind.KICKOFF, title="Already planned")
    first = cohort_events_copy_pattern(source=cohort, target=target, actor=coordinator)
    assert sorted(event.kind for event in first) == ["closing", "halftime", "other"]
    assert cohort_events_copy_pattern(source=cohort, target=target, actor=coordinator) == []
    assert target.events.count() == 4


def test_copying_from_a_cohort_without_events_creates_nothing(cohort, coordinator):
    target = CohortFactory(program=cohort.program)
    assert cohort_events_copy_pattern(source=cohort, target=target, actor=coordinator) == []
