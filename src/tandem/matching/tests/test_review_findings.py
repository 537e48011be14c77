"""Findings of the review of the matching workflow: each test shows a defect that was fixed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q

from tandem.enrolment.enrolling.services import enrolment_update
from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.proposals.publish import matching_publish
from tandem.matching.review.services import proposal_create
from tandem.matching.runs.services import matching_run
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentor,
    answer,
    send,
)
from tandem.matching.tests.review_helpers import second_mentee
from tandem.people.tests.factories import PersonFactory
from tandem.tandems.models import OPEN_STATUSES, Tandem, TandemStatus
from tandem.tandems.tests.factories import TandemFactory


def _either(m, **person):
    """An "either" person between Jonas (level 1) and Marlene (level 5): may take both sides."""
    person.setdefault("career_level", 3)
    return enrol_late(
        m.cohort,
        PersonFactory(**person),
        role="either",
        needs=[(m.topic, 1, 4)],
        offers=[(m.topic, 6)],
    )


def _open(enrolment):
    return Tandem.objects.filter(
        Q(mentor=enrolment) | Q(mentee=enrolment), status__in=OPEN_STATUSES
    )


def _sides(enrolment) -> set[str]:
    sides = set()
    for tandem in _open(enrolment):
        sides.add("mentor" if tandem.mentor_id == enrolment.pk else "mentee")
    return sides


# Publishing re-checks the hard rules -----------------------------------------------------------


def test_publish_refuses_a_pair_whose_rules_broke_after_it_was_proposed(
    matching_cohort, coordinator
):
    """During matching a participant may still change their availability (a soft answer): a
    proposal made before must not be published once the pair has no common time slot."""
    m = matching_cohort
    proposal_create(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, actor=coordinator)
    enrolment_update(enrolment=m.mentee, actor=None, availability=["fri-evening"])
    with pytest.raises(ValidationError) as caught:
        matching_publish(cohort=m.cohort, actor=coordinator)
    assert any("Availability" in text for text in caught.value.messages)
    assert not Tandem.objects.filter(status=TandemStatus.PUBLISHED).exists()


def test_publish_refuses_a_pair_in_a_reporting_line_that_came_about_later(
    matching_cohort, coordinator
):
    """The org chart changes (an import): the mentor now reports to the mentee (R12)."""
    m = matching_cohort
    proposal_create(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, actor=coordinator)
    mentor_person = m.mentor.person
    mentor_person.manager = m.mentee.person
    mentor_person.save(update_fields=["manager"])
    with pytest.raises(ValidationError) as caught:
        matching_publish(cohort=m.cohort, actor=coordinator)
    assert any("Reporting line" in text for text in caught.value.messages)


# An "either" person on one side only, and a mentor's seats -----------------------------------


def test_a_request_never_makes_an_either_person_mentor_and_mentee(matching_cohort, coordinator):
    """Eva ("either") is proposed as Marlene's mentor (not yet published); then she asks Jonas
    to mentor her and he accepts: the formed tandem replaces the proposal on the other side."""
    m = matching_cohort
    allow_requests(m.cohort)
    eva = _either(m, first_name="Eva")
    proposal_create(cohort=m.cohort, mentee=m.mentee, mentor=eva, actor=coordinator)
    answer(send(m, mentee=eva, mentor=m.mentor), accept=True)
    assert _sides(eva) == {"mentee"}
    assert not Tandem.objects.filter(mentor=eva).exists()


def test_an_either_person_pinned_as_a_mentee_cannot_be_asked_as_a_mentor(
    matching_cohort, coordinator
):
    """Eva ("either") is pinned as Jonas's mentee; Petra may not ask Eva to mentor her."""
    m = matching_cohort
    allow_requests(m.cohort)
    eva = _either(m, first_name="Eva")
    petra = second_mentee(m)
    proposal_create(cohort=m.cohort, mentee=eva, mentor=m.mentor, actor=coordinator)
    with pytest.raises(ValidationError, match="takes part as a mentee"):
        send(m, mentee=petra, mentor=eva)
    assert _sides(eva) == {"mentee"}


def test_a_run_keeps_an_either_persons_pin_on_its_side(matching_cohort, coordinator):
    """Eva ("either") is pinned as Jonas's mentee. The balancing of the "either" people must not
    put her on the mentor side in the next run: the pin would be dropped while its proposal
    stays, she could get a mentee on top, and Jonas a second mentee."""
    m = matching_cohort
    eva = _either(m, first_name="Eva")
    second_mentee(m)
    proposal_create(cohort=m.cohort, mentee=eva, mentor=m.mentor, actor=coordinator)
    # Two mentees wait and Jonas has one seat: balancing alone would make Eva a mentor.
    matching_run(cohort=m.cohort, actor=coordinator)
    assert _sides(eva) == {"mentee"}
    assert Tandem.objects.filter(mentee=eva, mentor=m.mentor, pinned=True).exists()
    assert _open(m.mentor).filter(mentor=m.mentor).count() == 1


def test_a_run_releases_the_pin_of_an_either_person_who_can_only_take_the_other_side(
    matching_cohort, coordinator, page
):
    """Eva ("either") is pinned as Jonas's mentee; then she is no longer eligible as a mentee
    (a later import of career levels): the run puts her on the mentor side, so the pin must go
    with its proposal instead of staying beside new proposals where she mentors."""
    m = matching_cohort
    eva = _either(m, first_name="Eva")
    proposal_create(cohort=m.cohort, mentee=eva, mentor=m.mentor, actor=coordinator)
    m.cohort.mentee_min_career_level = 4  # Eva is at 3
    m.cohort.save(update_fields=["mentee_min_career_level"])
    run = matching_run(cohort=m.cohort, actor=coordinator)
    assert not Tandem.objects.filter(mentee=eva).exists()
    assert len(_sides(eva)) <= 1
    assert [p["rules"] for p in run.unmatched["released_pins"]] == [["one_side"]]
    assert "now takes part on the other side" in page(m.cohort)


def _pin_then_seat_taken(m, coordinator):
    """Jonas (one seat) is pinned to Marlene; then Petra gets a formed tandem with him by another
    path (before, a request he accepted; a request now releases such pins itself)."""
    petra = second_mentee(m)
    pin = proposal_create(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, actor=coordinator)
    TandemFactory(cohort=m.cohort, mentee=petra, mentor=m.mentor, confirmed=True)
    return pin


def test_a_run_releases_a_pin_whose_mentor_has_no_seat_left(matching_cohort, coordinator, page):
    """Before, the pin was skipped but its proposal kept: Jonas kept two mentees, and Marlene,
    back in the pool, could get a second proposal (an IntegrityError)."""
    m = matching_cohort
    pin = _pin_then_seat_taken(m, coordinator)
    ada = another_mentor(m)
    run = matching_run(cohort=m.cohort, actor=coordinator)
    assert not Tandem.objects.filter(pk=pin.pk).exists()
    assert _open(m.mentor).filter(mentor=m.mentor).count() == 1
    assert [t.mentor_id for t in _open(m.mentee)] == [ada.pk]  # back in the pool, re-matched
    assert run.unmatched["released_pins"] == [
        {"mentee": m.mentee.pk, "mentor": m.mentor.pk, "rules": ["capacity"]}
    ]
    assert "Capacity: the mentor has no free seat left" in page(m.cohort)


def test_a_run_does_not_crash_when_a_mentor_has_more_pins_than_seats(matching_cohort, coordinator):
    """Two pins on Jonas (two seats), then a formed tandem takes one seat: the solver used to refuse
    the instance ("more pinned pairs than capacity") with a server error."""
    m = matching_cohort
    m.cohort.mentees_per_mentor = 2
    m.cohort.save(update_fields=["mentees_per_mentor"])
    petra = second_mentee(m)
    third = second_mentee(m)
    proposal_create(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, actor=coordinator)
    proposal_create(cohort=m.cohort, mentee=petra, mentor=m.mentor, actor=coordinator)
    TandemFactory(cohort=m.cohort, mentee=third, mentor=m.mentor, confirmed=True)
    run = matching_run(cohort=m.cohort, actor=coordinator)
    assert _open(m.mentor).filter(mentor=m.mentor).count() == 2
    assert [p["rules"] for p in run.unmatched["released_pins"]] == [["capacity"]]


def test_publish_refuses_a_mentor_over_capacity(matching_cohort, coordinator):
    """Whatever the path, publishing never gives a mentor more mentees than the cohort allows."""
    m = matching_cohort
    _pin_then_seat_taken(m, coordinator)
    with pytest.raises(ValidationError) as caught:
        matching_publish(cohort=m.cohort, actor=coordinator)
    assert any("Capacity:" in text for text in caught.value.messages)
    assert _open(m.mentor).filter(mentor=m.mentor).count() == 2  # nothing published


@pytest.fixture
def page(client_for, coordinator):
    def get(cohort):
        response = client_for(coordinator).get(f"/matching/cohorts/{cohort.pk}/")
        assert response.status_code == 200
        return response.content.decode()

    return get


# A decline excludes the two people, in either direction -----------------------------------------


def test_after_a_decline_two_either_people_are_not_paired_the_other_way_round(
    matching_cohort, coordinator
):
    """With the direction rule "none", Eva and Finn (both "either") may pair either way. Eva
    declined Finn as her mentor: Finn must not be proposed to Eva as her mentee instead."""
    from tandem.matching.proposals.services import tandem_decline

    m = matching_cohort
    m.cohort.direction_rule = "none"
    m.cohort.save(update_fields=["direction_rule"])
    eva = _either(m, first_name="Eva")
    finn = _either(m, first_name="Finn")
    tandem = proposal_create(cohort=m.cohort, mentee=eva, mentor=finn, actor=coordinator)
    matching_publish(cohort=m.cohort, actor=coordinator)
    tandem.refresh_from_db()
    tandem_decline(tandem=tandem, enrolment=eva, actor=None)
    with pytest.raises(ValidationError, match="Do not match"):
        proposal_create(cohort=m.cohort, mentee=finn, mentor=eva, actor=coordinator)
    matching_run(cohort=m.cohort, actor=coordinator)
    assert not Tandem.objects.filter(mentee=finn, mentor=eva).exists()
    assert not Tandem.objects.filter(mentee=eva, mentor=finn, status="proposed").exists()


# What a mentee writes to a mentor stays between the two ----------------------------------------


def test_a_reply_to_the_request_email_does_not_go_to_the_coordinator(
    matching_cohort, django_capture_on_commit_callbacks
):
    """The mail with the mentee's goals and offer used to carry the coordinator as Reply-To: a
    mentor answering it by e-mail sent the quoted texts to the coordinator (R3, R16)."""
    from django.core import mail

    from tandem.matching.tests.requests_helpers import GOALS

    m = matching_cohort
    allow_requests(m.cohort)
    with django_capture_on_commit_callbacks(execute=True):
        send(m)
    [message] = mail.outbox
    assert GOALS in message.body
    coordinator_email = m.cohort.coordinator.email
    assert coordinator_email not in message.reply_to
    assert coordinator_email not in message.to + message.cc + message.bcc
