"""A mentee sends a request to a mentor of their choice (R16) — and is told exactly why not when the
cohort, the phase, the people or a hard rule stand in the way."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tandem.core.models import AuditEvent
from tandem.matching.models import DoNotMatch, DoNotMatchReason, MentorRequest, RequestStatus
from tandem.matching.tests.requests_helpers import (
    GOALS,
    OFFER,
    allow_requests,
    another_mentee,
    another_mentor,
    send,
    user_of,
)
from tandem.people.models import Person
from tandem.people.tests.factories import LocationFactory, OrgUnitFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort)
    return matching_cohort


def refused(m, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        send(m, **kwargs)
    assert not MentorRequest.objects.exists()
    return caught.value


def test_a_request_is_sent_with_trimmed_texts_and_an_audit_row(m, mentee):
    request = send(m, goals=f"  {GOALS}\n ", offer=f"\n{OFFER}  ", actor=mentee)

    request.refresh_from_db()
    assert (request.mentee, request.mentor) == (m.mentee, m.mentor)
    assert (request.goals, request.offer) == (GOALS, OFFER)
    assert request.status == RequestStatus.PENDING
    audit = AuditEvent.objects.get(action="matching.request.send")
    assert audit.actor == mentee and audit.target_id == str(request.pk)
    assert audit.data["mentee"] == m.mentee.pk and audit.data["mentor"] == m.mentor.pk
    # The texts are addressed to the mentor: they are not copied into the audit trail.
    assert GOALS not in str(audit.data) and OFFER not in str(audit.data)


def _person(enrolment, **fields):
    Person.objects.filter(pk=enrolment.person_id).update(**fields)


def _enrolment(enrolment, **fields):
    type(enrolment).objects.filter(pk=enrolment.pk).update(**fields)


def _cohort(m, **fields):
    type(m.cohort).objects.filter(pk=m.cohort.pk).update(**fields)


def reporting_line(m):
    team_lead = PersonFactory(manager=m.mentee.person, career_level=4)
    _person(m.mentor, manager=team_lead)


def same_unit(m):
    unit = OrgUnitFactory()
    _person(m.mentee, org_unit=unit)
    _person(m.mentor, org_unit=unit)
    _cohort(m, exclude_same_org_unit=True)


def same_manager(m):
    boss = PersonFactory(career_level=6)
    _person(m.mentee, manager=boss)
    _person(m.mentor, manager=boss)
    _cohort(m, exclude_same_manager=True)


def level_direction(m):
    _person(m.mentor, career_level=5)


def level_unknown(m):
    _person(m.mentor, career_level=None)


def tenure_direction(m):
    _cohort(m, direction_rule="tenure")
    _person(m.mentee, hire_date=datetime.date(2020, 1, 1))
    _person(m.mentor, hire_date=datetime.date(2010, 1, 1))


def tenure_unknown(m):
    _cohort(m, direction_rule="tenure")
    _person(m.mentee, hire_date=datetime.date(2020, 1, 1))


def no_common_language(m):
    _enrolment(m.mentor, languages=["fr"])


def no_common_format(m):
    _enrolment(m.mentee, prefers_in_person=False, prefers_hybrid=False)
    _enrolment(m.mentor, prefers_online=False, prefers_hybrid=False)


def different_site(m):
    _enrolment(m.mentee, prefers_online=False, prefers_hybrid=False)
    _enrolment(m.mentor, prefers_online=False, prefers_hybrid=False)
    _person(m.mentee, location=LocationFactory(name="Hamburg"))
    _person(m.mentor, location=LocationFactory(name="Wien"))


def no_common_slot(m):
    _enrolment(m.mentor, availability=["fri-evening"])


def do_not_match(m):
    DoNotMatch.objects.create(
        cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, reason=DoNotMatchReason.COORDINATOR
    )


def mentor_not_eligible(m):
    _person(m.mentor, kind="alumnus")
    _cohort(m, mentor_allow_alumni=False)


def mentee_not_eligible(m):
    _cohort(m, mentee_min_career_level=6)


RULES = [
    (reporting_line, "Reporting line: one partner is in the other's reporting line."),
    (same_unit, "Same unit: this cohort does not pair people from the same org unit."),
    (same_manager, "Same manager: this cohort does not pair people with the same manager."),
    (level_direction, "Reverse direction: in this cohort the mentor's career level must be below"),
    (level_unknown, "Reverse direction: the career level of the mentor is unknown."),
    (tenure_direction, "Reverse direction: the mentor must have joined after the mentee."),
    (tenure_unknown, "Reverse direction: the hire date of the mentor is unknown."),
    (no_common_language, "Language: the partners have no language in common."),
    (no_common_format, "Format: the partners have no meeting format in common."),
    (different_site, "Site: the only common format is in person, but the partners are not"),
    (no_common_slot, "Availability: the partners have no common time slot."),
    (do_not_match, "Do not match: this pair has been excluded"),
    (mentor_not_eligible, "Eligibility: the mentor is not eligible as a mentor in this cohort."),
    (mentee_not_eligible, "Eligibility: the mentee is not eligible as a mentee in this cohort."),
]


@pytest.mark.parametrize(("breaks", "message"), RULES, ids=[f.__name__ for f, _m in RULES])
def test_sending_is_refused_naming_the_broken_rule(m, breaks, message):
    breaks(m)
    error = refused(m)
    assert any(text.startswith(message) for text in error.messages), error.messages


def test_the_mentee_is_not_told_the_mentors_career_level(m):
    _person(m.mentor, career_level=5)
    error = refused(m)
    assert "(5)" not in " ".join(error.messages), error.messages


def test_every_broken_rule_is_named_at_once(m):
    no_common_language(m)
    no_common_slot(m)
    error = refused(m)
    assert error.messages[0] == (
        "You cannot ask Jonas Yılmaz: this pair breaks a rule of the cohort. Choose a mentor "
        "from the list."
    )
    assert [t.split(":")[0] for t in error.messages[1:]] == ["Language", "Availability"]


def test_refused_where_the_cohort_offers_no_requests(matching_cohort):
    error = refused(matching_cohort)
    assert "does not offer self-directed requests" in error.messages[0]


@pytest.mark.parametrize(
    ("phase", "text"),
    [
        (Phase.ENROLMENT_OPEN, "open when the coordinator starts matching"),
        (Phase.CLOSING, "so no new tandems are formed"),
        (Phase.CLOSED, "so no new tandems are formed"),
    ],
)
def test_refused_outside_matching_and_running(m, phase, text):
    _cohort(m, phase=phase)
    error = refused(m)
    assert text in error.messages[0]


def test_allowed_while_the_cohort_runs(m):
    _cohort(m, phase=Phase.RUNNING)
    assert send(m).status == RequestStatus.PENDING


def test_refused_for_someone_who_is_not_a_mentee_of_the_cohort(m):
    # Jonas is enrolled as a mentor: he cannot ask another mentor for himself.
    error = refused(m, mentee=m.mentor, mentor=another_mentor(m))
    assert "You are not enrolled as a mentee in this cohort" in error.messages[0]


def test_refused_for_a_withdrawn_mentee(m):
    from tandem.matching.withdrawal.services import enrolment_withdraw

    enrolment_withdraw(enrolment=m.mentee, actor=None, reason="")
    error = refused(m)
    assert "You are not enrolled as a mentee" in error.messages[0]


@pytest.mark.parametrize("trait", ["published", "confirmed"])
def test_refused_for_a_mentee_who_has_a_tandem(m, trait):
    TandemFactory(cohort=m.cohort, mentee=m.mentee, mentor=another_mentor(m), **{trait: True})
    error = refused(m)
    assert "You already have a tandem in this cohort" in error.messages[0]


def test_refused_while_another_request_is_open(m):
    first = send(m, mentor=another_mentor(m))
    with pytest.raises(ValidationError) as caught:
        send(m)
    assert "You have already asked Ada Neumann" in caught.value.messages[0]
    assert "withdraw that request" in caught.value.messages[0]
    assert list(MentorRequest.objects.all()) == [first]


def test_refused_when_the_mentor_has_no_free_seat(m):
    TandemFactory(cohort=m.cohort, mentor=m.mentor, confirmed=True)
    error = refused(m)
    assert error.messages == [
        "Jonas Yılmaz has no free seat for another mentee. Choose another mentor from the list."
    ]


def test_refused_when_the_chosen_person_is_no_mentor(m):
    error = refused(m, mentor=another_mentee(m))
    assert "Petra Schmidt is not available as a mentor in this cohort" in error.messages[0]


def test_refused_when_the_pilot_is_full(m):
    _cohort(m, is_pilot=True, pilot_max_tandems=1)
    TandemFactory(cohort=m.cohort, mentor=another_mentor(m), confirmed=True)
    error = refused(m)
    assert "maximum of 1 tandems" in error.messages[0]


def test_refused_in_someone_elses_name(m, mentor):
    error = refused(m, actor=mentor)
    assert error.messages == ["You can only send a request in your own name."]


@pytest.mark.parametrize(("field", "value"), [("goals", " \n "), ("offer", "")])
def test_goals_and_offer_are_required(m, field, value):
    error = refused(m, **{field: value})
    assert list(error.error_dict) == [field]
    assert error.error_dict[field][0].messages[0].startswith("Write what you")


def test_too_long_texts_are_refused_with_the_limit_and_the_length(m):
    error = refused(m, goals="x" * 2001, offer="y" * 2000)
    assert error.message_dict == {
        "goals": [
            "This text is too long: at most 2,000 characters, you wrote 2,001. Please shorten it."
        ]
    }


def test_text_and_rule_problems_come_together(m):
    no_common_language(m)
    error = refused(m, offer="")
    assert set(error.error_dict) == {"offer", NON_FIELD_ERRORS}


def test_an_either_enrolment_may_ask_a_mentor_as_a_mentee(m):
    either = another_mentee(m, first_name="Eli")
    either.role = "either"
    either.save(update_fields=["role"])
    request = send(m, mentee=either, actor=user_of(either))
    assert request.mentee == either
