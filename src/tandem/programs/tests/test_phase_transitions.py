"""The phase services: guarded, and each step recorded with actor and time."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.cohorts.services import (
    cohort_back_to_draft,
    cohort_begin_closing,
    cohort_close,
    cohort_open_enrolment,
    cohort_start,
    cohort_start_matching,
    cohort_transition,
)
from tandem.programs.models import CohortTransition
from tandem.programs.tests.factories import CohortFactory, cohort_in, coordinator_user

pytestmark = pytest.mark.django_db


def refused(call, **kwargs) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.messages


def test_each_step_is_recorded_with_actor_time_and_an_audit_row(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    before = timezone.now()
    cohort_open_enrolment(cohort=cohort, actor=coordinator)
    EnrolmentFactory(cohort=cohort, role="mentor")
    EnrolmentFactory(cohort=cohort, role="mentee")
    cohort_start_matching(cohort=cohort, actor=coordinator)
    cohort_start(cohort=cohort, actor=coordinator)
    cohort_begin_closing(cohort=cohort, actor=coordinator)
    cohort_close(cohort=cohort, actor=coordinator, improvements="Shorter sessions.")

    cohort.refresh_from_db()
    assert cohort.phase == Phase.CLOSED
    assert cohort.improvements == "Shorter sessions."
    steps = list(CohortTransition.objects.filter(cohort=cohort))
    assert [(s.from_phase, s.to_phase) for s in steps] == [
        ("draft", "enrolment_open"),
        ("enrolment_open", "matching"),
        ("matching", "running"),
        ("running", "closing"),
        ("closing", "closed"),
    ]
    assert all(s.actor == coordinator and s.at >= before for s in steps)
    actions = list(
        AuditEvent.objects.filter(target_type="programs.cohort", target_id=str(cohort.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "cohort.open_enrolment",
        "cohort.start_matching",
        "cohort.start",
        "cohort.begin_closing",
        "cohort.close",
    ]
    audit = AuditEvent.objects.get(action="cohort.close")
    assert audit.actor == coordinator
    assert audit.data == {"from": "closing", "to": "closed", "improvements_noted": True}


def test_the_callers_cohort_object_follows_the_step(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    cohort_open_enrolment(cohort=cohort, actor=coordinator)
    assert cohort.phase == Phase.ENROLMENT_OPEN


def test_opening_enrolment_without_a_coordinator_is_refused_and_nothing_is_recorded(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    cohort.coordinator = None
    cohort.save()
    problems = refused(cohort_open_enrolment, cohort=cohort, actor=coordinator)
    assert any("Name a coordinator" in p for p in problems)
    cohort.refresh_from_db()
    assert cohort.phase == Phase.DRAFT
    assert not CohortTransition.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="cohort.").exists()


def test_opening_enrolment_with_a_contact_who_lost_the_role_is_refused(coordinator):
    former = coordinator_user("former@example.com")
    cohort = cohort_in(Phase.DRAFT, former)
    former.groups.clear()
    problems = refused(cohort_open_enrolment, cohort=cohort, actor=coordinator)
    assert any("no longer has the coordinator role" in p for p in problems)


def test_opening_enrolment_without_a_charter_is_refused(coordinator):
    cohort = CohortFactory(coordinator=coordinator)
    problems = refused(cohort_open_enrolment, cohort=cohort, actor=coordinator)
    assert problems == [p for p in problems if "Publish a confidentiality charter" in p]


def test_matching_without_mentors_or_mentees_is_refused(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    EnrolmentFactory(cohort=cohort, role="mentee")
    EnrolmentFactory(cohort=cohort, role="mentor", person=PersonFactory(), withdrawn=True)
    problems = refused(cohort_start_matching, cohort=cohort, actor=coordinator)
    assert any("who can be a mentor" in p for p in problems)


def test_people_open_to_either_role_make_matching_possible(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    EnrolmentFactory(cohort=cohort, role="either")
    EnrolmentFactory(cohort=cohort, role="mentee")
    cohort_start_matching(cohort=cohort, actor=coordinator)
    assert cohort.phase == Phase.MATCHING


def test_skipping_a_phase_is_refused(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    problems = refused(cohort_start, cohort=cohort, actor=coordinator)
    assert "one phase at a time" in problems[0]


def test_closing_without_improvements_or_an_explicit_none_is_refused(coordinator):
    cohort = cohort_in(Phase.CLOSING, coordinator_user())
    problems = refused(cohort_close, cohort=cohort, actor=coordinator, improvements="  ")
    assert "Note what to change for the next round" in problems[0]
    cohort_close(cohort=cohort, actor=coordinator, no_improvements=True)
    assert cohort.phase == Phase.CLOSED
    assert AuditEvent.objects.get(action="cohort.close").data["improvements_noted"] is False


def test_a_refused_close_keeps_the_stored_improvements(coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator_user(), improvements="Keep this.")
    refused(cohort_close, cohort=cohort, actor=coordinator, improvements="New text")
    cohort.refresh_from_db()
    assert cohort.improvements == "Keep this."


def test_improvements_noted_earlier_are_enough_to_close(coordinator):
    cohort = cohort_in(Phase.CLOSING, coordinator_user(), improvements="More kickoff time.")
    cohort_close(cohort=cohort, actor=coordinator)
    assert cohort.phase == Phase.CLOSED


def test_back_to_draft_while_nobody_enrolled(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    cohort_back_to_draft(cohort=cohort, actor=coordinator)
    assert cohort.phase == Phase.DRAFT
    step = CohortTransition.objects.get()
    assert (step.from_phase, step.to_phase, step.actor) == ("enrolment_open", "draft", coordinator)
    assert AuditEvent.objects.filter(action="cohort.back_to_draft").exists()


def test_back_to_draft_is_refused_after_someone_enrolled_even_if_they_withdrew(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    EnrolmentFactory(cohort=cohort, role="mentor", person=PersonFactory(), withdrawn=True)
    problems = refused(cohort_back_to_draft, cohort=cohort, actor=coordinator)
    assert "1 person has already enrolled" in problems[0]


def test_a_stale_cohort_object_cannot_step_twice(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    stale = type(cohort).objects.get(pk=cohort.pk)
    cohort_open_enrolment(cohort=cohort, actor=coordinator)
    problems = refused(cohort_open_enrolment, cohort=stale, actor=coordinator)
    assert "already in the phase" in problems[0]
    assert CohortTransition.objects.count() == 1


def test_an_unknown_target_phase_is_refused(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    assert (
        "is not a phase"
        in refused(cohort_transition, cohort=cohort, to_phase="archived", actor=coordinator)[0]
    )
