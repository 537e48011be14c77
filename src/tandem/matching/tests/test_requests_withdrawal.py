"""Withdrawing from a cohort closes the open mentor requests sent by or to that person (R1)."""

from __future__ import annotations

import pytest

from tandem.matching.models import RequestStatus
from tandem.matching.tests.requests_helpers import allow_requests, send
from tandem.matching.withdrawal.services import enrolment_withdraw


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort)
    return matching_cohort


def test_a_mentee_who_withdraws_takes_back_their_open_request(m, mentee):
    request = send(m, actor=mentee)
    enrolment_withdraw(enrolment=m.mentee, actor=mentee)
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN


def test_requests_to_a_mentor_who_withdraws_are_closed(m, mentee, mentor):
    request = send(m, actor=mentee)
    enrolment_withdraw(enrolment=m.mentor, actor=mentor)
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
