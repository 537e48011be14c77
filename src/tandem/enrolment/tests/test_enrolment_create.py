"""Enrolling through the service: what is stored, and every message that refuses an enrolment."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, InvitationStatus, Role
from tandem.enrolment.enrolling.services import enrolment_create
from tandem.enrolment.models import ConsentRecord, Invitation
from tandem.enrolment.tests.factories import answers_for, enrol, give_back_topic, learn_topic
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.people.models import Person
from tandem.people.tests.factories import LocationFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CharterFactory, CohortFactory, cohort_in

pytestmark = pytest.mark.django_db


def refusal(cohort, person, role=Role.MENTEE, **overrides) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        enrolment_create(cohort=cohort, person=person, actor=None, **answers_for(role, **overrides))
    error = caught.value
    return error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}


def test_a_mentee_enrols_with_needs_give_back_and_consent(mentee, mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    enrolment = enrol(cohort, mentee_person, actor=mentee, motivation="  I want to learn.  ")
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert enrolment.role == Role.MENTEE
    assert enrolment.motivation == "I want to learn."
    need = enrolment.learning_needs.get()
    assert (need.current_level, need.target_level) == (2, 5)
    assert enrolment.give_back_topics.get().direction == GiveBackDirection.OFFER
    assert not enrolment.teaching_offers.exists()
    record = ConsentRecord.objects.get(person=mentee_person)
    assert record.charter.version == 1
    assert record.user == mentee
    audit = AuditEvent.objects.get(action="enrolment.create")
    assert audit.data["charter_version"] == 1
    assert "I want to learn." not in str(audit.data)


def test_a_mentor_enrols_with_offers_a_teaching_profile_and_give_back_wishes(mentor_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentor_person, role=Role.MENTOR)
    assert enrolment.teaching_offers.get().level == 6
    assert enrolment.teaching_profile
    assert enrolment.give_back_topics.get().direction == GiveBackDirection.WISH
    assert not enrolment.learning_needs.exists()


def test_either_needs_both_a_learning_need_and_a_teaching_offer(mentor_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentor_person, role=Role.EITHER)
    assert enrolment.learning_needs.count() == 1
    assert enrolment.teaching_offers.count() == 1
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), Role.EITHER, needs=[], offers=[]
    )
    assert "Name at least one topic you want to learn" in errors["needs"][0]
    assert "Name at least one topic you can teach" in errors["offers"][0]


def test_enrolling_marks_an_invitation_as_accepted(mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    invitation = Invitation.objects.create(cohort=cohort, person=mentee_person, token="t" * 40)
    enrol(cohort, mentee_person)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (Phase.DRAFT, "has not opened yet"),
        (Phase.MATCHING, "Enrolment for this cohort has closed"),
        (Phase.RUNNING, "Enrolment for this cohort has closed"),
        (Phase.CLOSED, "This cohort has ended"),
    ],
)
def test_enrolment_outside_the_enrolment_phase_says_when_it_is_possible(phase, expected):
    cohort = CohortFactory(phase=phase)
    CharterFactory(cohort=cohort)
    errors = refusal(cohort, PersonFactory())
    assert expected in errors["__all__"][0]


def test_the_draft_message_names_the_start_date():
    cohort = CohortFactory(phase=Phase.DRAFT, starts_on=datetime.date(2031, 3, 1))
    message = refusal(cohort, PersonFactory())["__all__"][0]
    assert "2031" in message


def test_an_inactive_person_cannot_enrol():
    person = PersonFactory(is_active=False)
    assert "inactive" in refusal(cohort_in(Phase.ENROLMENT_OPEN), person)["role"][0]


def test_eligibility_is_checked_with_an_explanation():
    cohort = cohort_in(Phase.ENROLMENT_OPEN, mentor_max_career_level=2, mentee_min_career_level=4)
    assert refusal(cohort, PersonFactory(career_level=4), Role.MENTOR)["role"] == [
        "Mentors in this cohort are at most at career level 2; your level is 4."
    ]
    assert refusal(cohort, PersonFactory(career_level=2), Role.MENTEE)["role"] == [
        "Mentees start at career level 4; your level is 2."
    ]


def test_consent_is_required():
    message = refusal(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), consent_charter_version=None
    )["consent"][0]
    assert "accept the confidentiality charter" in message
    assert "(version 1)" in message
    assert not ConsentRecord.objects.exists()


def test_consent_to_an_outdated_version_is_refused():
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    CharterFactory(cohort=cohort)  # version 2 is now current
    message = refusal(cohort, PersonFactory(), consent_charter_version=1)["consent"][0]
    assert "changed to version 2" in message


def test_nobody_can_enrol_before_a_charter_is_published():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    assert "no confidentiality charter yet" in refusal(cohort, PersonFactory())["consent"][0]


def test_a_mentee_needs_at_least_one_learning_need():
    errors = refusal(cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), needs=[])
    assert errors["needs"] == [
        "Name at least one topic you want to learn, with your current and target level."
    ]


def test_a_mentor_needs_a_teaching_offer_and_a_teaching_profile():
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN),
        PersonFactory(),
        Role.MENTOR,
        offers=[],
        teaching_profile="",
    )
    assert errors["offers"] == ["Name at least one topic you can teach, with your level."]
    assert "teaching profile" in errors["teaching_profile"][0]


@pytest.mark.parametrize(
    ("current", "target", "expected"),
    [
        (0, 3, "choose levels between 1 and 8"),
        (2, 9, "choose levels between 1 and 8"),
        (4, 4, "the target level (4) must be higher than your current level (4)"),
        (5, 3, "the target level (3) must be higher than your current level (5)"),
    ],
)
def test_learning_levels_are_checked_with_the_topic_named(current, target, expected):
    topic = learn_topic(name_en="Video calls")
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), needs=[(topic, current, target)]
    )
    assert errors["needs"] == [f"For “Video calls”, {expected}."]


def test_a_teaching_level_outside_one_to_eight_is_refused():
    topic = learn_topic(name_en="Excel")
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), Role.MENTOR, offers=[(topic, 9)]
    )
    assert errors["offers"] == ["For “Excel”, choose a level between 1 and 8."]


def test_a_topic_listed_twice_is_refused():
    topic = learn_topic(name_en="SEO")
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), needs=[(topic, 1, 3), (topic, 2, 4)]
    )
    assert "“SEO” is listed twice; keep one row." in errors["needs"]


def test_mentors_do_not_state_learning_needs_and_mentees_do_not_teach():
    needs = [(learn_topic(), 1, 3)]
    errors = refusal(cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), Role.MENTOR, needs=needs)
    assert "give-back wishes" in errors["needs"][0]
    errors = refusal(cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), offers=[(learn_topic(), 5)])
    assert "Only mentors teach topics" in errors["offers"][0]


def test_give_back_directions_must_fit_the_role():
    wish = [(give_back_topic(), GiveBackDirection.WISH)]
    assert (
        "Only mentors name give-back wishes"
        in (
            refusal(cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), give_back=wish)["give_back"][
                0
            ]
        )
    )


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ([], "Tick at least one time slot in which you could meet."),
        (["sun-night"], "Choose time slots from the grid only."),
    ],
)
def test_availability_needs_at_least_one_known_slot(slots, expected):
    assert refusal(cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), availability=slots)[
        "availability"
    ] == [expected]


def test_formats_must_meet_the_cohorts_formats():
    cohort = cohort_in(Phase.ENROLMENT_OPEN, allows_in_person=False, allows_hybrid=False)
    errors = refusal(
        cohort, PersonFactory(), prefers_in_person=True, prefers_online=False, prefers_hybrid=False
    )
    assert errors["formats"] == ["Choose at least one meeting format this cohort offers: online."]


def test_languages_must_meet_the_cohorts_languages():
    cohort = cohort_in(Phase.ENROLMENT_OPEN, languages=["de"])
    errors = refusal(cohort, PersonFactory(), languages=["en"])
    assert errors["languages"] == ["Choose at least one language this cohort uses: DE."]


def test_a_cohort_without_languages_accepts_any(mentee_person):
    enrolment = enrol(
        cohort_in(Phase.ENROLMENT_OPEN, languages=[]), mentee_person, languages=["tr"]
    )
    assert enrolment.languages == ["tr"]


def test_in_person_needs_one_of_the_cohorts_sites():
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    site = LocationFactory(name="Hamburg")
    cohort.sites.add(site)
    elsewhere = LocationFactory(name="Munich")
    errors = refusal(cohort, PersonFactory(), prefers_in_person=True, location=None)
    assert errors["location"] == ["Choose the site where you would meet in person."]
    errors = refusal(cohort, PersonFactory(), prefers_in_person=True, location=elsewhere)
    assert "only at its own sites" in errors["location"][0]
    online_only = enrol(
        cohort,
        PersonFactory(),
        prefers_in_person=False,
        prefers_online=True,
        prefers_hybrid=False,
        location=elsewhere,
    )
    assert online_only.pk
    assert enrol(cohort, PersonFactory(), prefers_in_person=True, location=site).location == site


def test_all_problems_are_reported_at_once():
    errors = refusal(
        cohort_in(Phase.ENROLMENT_OPEN),
        PersonFactory(),
        needs=[],
        availability=[],
        consent_charter_version=None,
    )
    assert {"needs", "availability", "consent"} <= set(errors)


def test_enrolling_twice_is_refused_with_a_pointer_to_changing_answers(mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    enrol(cohort, mentee_person)
    assert "already enrolled" in refusal(cohort, mentee_person)["__all__"][0]


def test_a_withdrawn_person_can_enrol_again_in_the_same_row(mentee, mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    first = enrol(cohort, mentee_person, actor=mentee)
    enrolment_withdraw(enrolment=first, actor=mentee, reason="Too busy right now.")
    again = enrol(cohort, mentee_person, actor=mentee, role=Role.MENTOR)
    assert again.pk == first.pk
    assert again.status == EnrolmentStatus.ACTIVE
    assert again.withdrawn_at is None
    assert again.withdrawal_reason == ""
    assert again.role == Role.MENTOR
    assert again.learning_needs.count() == 0
    assert ConsentRecord.objects.filter(person=mentee_person).count() == 1
    assert AuditEvent.objects.filter(action="enrolment.reenrol").count() == 1


def test_leaders_may_agree_to_be_shown_as_role_models(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, role_model_consent=True)
    assert enrolment.role_model_consent_at is not None
    mentor = enrol(
        cohort_in(Phase.ENROLMENT_OPEN), PersonFactory(), role=Role.MENTOR, role_model_consent=True
    )
    assert mentor.role_model_consent_at is None


def test_unknown_answers_are_a_programming_error():
    with pytest.raises(TypeError):
        enrolment_create(
            cohort=cohort_in(Phase.ENROLMENT_OPEN),
            person=PersonFactory(),
            actor=None,
            **answers_for(Role.MENTEE, shoe_size=42),
        )


def test_nothing_is_stored_when_the_enrolment_is_refused():
    person = PersonFactory()
    refusal(cohort_in(Phase.ENROLMENT_OPEN), person, availability=[])
    assert not Person.objects.get(pk=person.pk).enrolments.exists()
