"""Changing one's answers: everything while enrolment is open, soft answers during matching."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import Role
from tandem.enrolment.enrolling.services import enrolment_update
from tandem.enrolment.tests.factories import enrol, learn_topic
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import cohort_in

pytestmark = pytest.mark.django_db


def set_phase(enrolment, phase):
    enrolment.cohort.phase = phase
    enrolment.cohort.save(update_fields=["phase"])


def test_everything_can_change_while_enrolment_is_open(mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    topic = learn_topic()
    enrolment_update(
        enrolment=enrolment,
        actor=mentee,
        needs=[(topic, 1, 8)],
        goals="Post on LinkedIn once a month.",
        availability=["fri-evening"],
    )
    enrolment.refresh_from_db()
    need = enrolment.learning_needs.get()
    assert (need.topic, need.current_level, need.target_level) == (topic, 1, 8)
    assert enrolment.goals == "Post on LinkedIn once a month."
    assert enrolment.availability == ["fri-evening"]
    audit = AuditEvent.objects.get(action="enrolment.update")
    assert set(audit.data["changed"]) == {"needs", "goals", "availability"}
    assert "LinkedIn" not in str(audit.data)


def test_a_change_of_role_needs_the_answers_of_the_new_role(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, role=Role.EITHER)
    errors = caught.value.message_dict
    assert "offers" in errors
    assert "teaching_profile" in errors
    enrolment_update(
        enrolment=enrolment,
        actor=None,
        role=Role.EITHER,
        offers=[(learn_topic(), 5)],
        teaching_profile="Patiently.",
    )
    enrolment.refresh_from_db()
    assert enrolment.role == Role.EITHER
    assert enrolment.teaching_offers.count() == 1
    assert enrolment.learning_needs.count() == 1


def test_a_change_of_role_checks_eligibility(mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, mentor_max_career_level=2)
    enrolment = enrol(cohort, mentee_person)  # career level 5
    with pytest.raises(ValidationError) as caught:
        enrolment_update(
            enrolment=enrolment,
            actor=None,
            role=Role.MENTOR,
            needs=[],
            give_back=[],
            offers=[(learn_topic(), 5)],
            teaching_profile="Patiently.",
        )
    assert caught.value.message_dict["role"] == [
        "Mentors in this cohort are at most at career level 2; your level is 5."
    ]


def test_the_same_checks_apply_to_changes(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, availability=[])
    assert "availability" in caught.value.message_dict


def test_soft_answers_can_change_during_matching(mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    set_phase(enrolment, Phase.MATCHING)
    enrolment_update(
        enrolment=enrolment,
        actor=mentee,
        motivation="Even more curious now.",
        questions="How do I use Teams channels?",
        goals="Run a meeting with a whiteboard.",
        interests="Cycling",
        availability=["mon-morning"],
    )
    enrolment.refresh_from_db()
    assert enrolment.motivation == "Even more curious now."
    assert enrolment.availability == ["mon-morning"]


@pytest.mark.parametrize(
    "change",
    [
        {"role": Role.EITHER},
        {"needs": "new"},
        {"languages": ["en"]},
        {"prefers_online": False},
    ],
)
def test_role_topics_and_formats_cannot_change_during_matching(mentee_person, change):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    set_phase(enrolment, Phase.MATCHING)
    if change.get("needs") == "new":
        change = {"needs": [(learn_topic(), 1, 2)]}
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, **change)
    [message] = caught.value.messages
    assert message.startswith("Matching is in progress")
    assert "contact your coordinator" in message


def test_resubmitting_unchanged_hard_answers_during_matching_is_fine(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    set_phase(enrolment, Phase.MATCHING)
    need = enrolment.learning_needs.get()
    enrolment_update(
        enrolment=enrolment,
        actor=None,
        role=Role.MENTEE,
        needs=[(need.topic, need.current_level, need.target_level)],
        languages=["de"],
        goals="Same, but clearer.",
    )
    enrolment.refresh_from_db()
    assert enrolment.goals == "Same, but clearer."


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (Phase.RUNNING, "can no longer be changed"),
        (Phase.CLOSING, "can no longer be changed"),
        (Phase.CLOSED, "This cohort has ended"),
    ],
)
def test_answers_are_fixed_once_the_tandems_are_formed(mentee_person, phase, expected):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    set_phase(enrolment, phase)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, goals="New goal")
    assert expected in caught.value.messages[0]


def test_a_withdrawn_enrolment_cannot_be_changed(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    enrolment_withdraw(enrolment=enrolment, actor=None)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, goals="New goal")
    assert "You have withdrawn" in caught.value.messages[0]


def test_role_model_consent_can_be_taken_back(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, role_model_consent=True)
    enrolment_update(enrolment=enrolment, actor=None, role_model_consent=False)
    enrolment.refresh_from_db()
    assert enrolment.role_model_consent_at is None
