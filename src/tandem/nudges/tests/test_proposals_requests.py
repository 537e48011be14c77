"""Unanswered proposals (after 3 and 7 days) and self-directed requests (a reminder after 7 days,
closed after 14 with a kind word to the mentee)."""

from __future__ import annotations

import pytest

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.nudges.tests.conftest import START, to_of
from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(travel, coordinator):
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.MATCHING, coordinator=coordinator, languages=["en"])
    return TandemFactory(
        cohort=cohort, published=True, published_at=START, mentor_answer=PartnerAnswer.ACCEPTED
    )


def test_the_partner_who_has_not_answered_is_reminded_after_3_and_7_days(proposal, travel, daily):
    travel(days=2, hours=23)
    assert daily() == []
    travel(days=3)
    first = daily()
    assert to_of(first) == [proposal.mentee.person.email]  # the mentor has answered
    assert f"/tandems/{proposal.pk}/" in first[0].body
    assert daily() == []
    travel(days=6)
    assert daily() == []
    travel(days=7)
    second = daily()
    assert to_of(second) == [proposal.mentee.person.email]
    assert "second reminder" in second[0].body
    travel(days=20)
    assert daily() == []


def test_after_a_week_of_downtime_only_the_second_reminder_goes_out(proposal, travel, daily):
    travel(days=10)
    sent = daily()
    assert len(sent) == 1 and "second reminder" in sent[0].body
    assert daily() == []


def test_an_answered_proposal_gets_nothing(proposal, travel, daily):
    proposal.mentee_answer = PartnerAnswer.DECLINED
    proposal.save()
    travel(days=8)
    assert daily() == []


@pytest.fixture
def request_(travel, coordinator):
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.MATCHING, coordinator=coordinator, languages=["en"])
    mentor = EnrolmentFactory(cohort=cohort, role=Role.MENTOR)
    mentee = EnrolmentFactory(cohort=cohort, role=Role.MENTEE)
    return MentorRequest.objects.create(
        cohort=cohort, mentee=mentee, mentor=mentor, goals="Ziele", offer="Angebot"
    )


def test_the_mentor_is_reminded_after_7_days(request_, travel, daily):
    travel(days=6)
    assert daily() == []
    travel(days=7)
    sent = daily()
    assert to_of(sent) == [request_.mentor.person.email]
    assert (
        f"/matching/cohorts/{request_.cohort_id}/" in sent[0].body or "/matching/" in sent[0].body
    )
    assert "Ziele" not in sent[0].body
    assert daily() == []


def test_after_14_days_the_request_closes_and_the_mentee_is_told_kindly(request_, travel, daily):
    travel(days=7)
    daily()
    travel(days=14)
    sent = daily()
    assert to_of(sent) == [request_.mentee.person.email]
    assert "says nothing about you" in sent[0].body
    assert "ask another mentor" in sent[0].body
    request_.refresh_from_db()
    assert request_.status == RequestStatus.EXPIRED
    assert daily() == []


def test_an_answered_request_is_not_closed(request_, travel, daily):
    request_.status = RequestStatus.DECLINED
    request_.save()
    travel(days=15)
    assert daily() == []
    request_.refresh_from_db()
    assert request_.status == RequestStatus.DECLINED


def test_an_expired_request_frees_the_mentee_for_a_new_one(request_, travel, daily):
    travel(days=15)
    daily()
    other = EnrolmentFactory(cohort=request_.cohort, role=Role.MENTOR)
    MentorRequest.objects.create(
        cohort=request_.cohort, mentee=request_.mentee, mentor=other, goals="g", offer="o"
    )  # the one-open-request constraint no longer holds the mentee
