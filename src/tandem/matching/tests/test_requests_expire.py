"""A request the mentor has not answered in time is closed (the nudges job), once, and only while
it waits for the mentor."""

from __future__ import annotations

import pytest

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.matching.requests.services import mentor_request_expire
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import cohort_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    cohort = cohort_in(Phase.MATCHING)
    return MentorRequest.objects.create(
        cohort=cohort,
        mentee=EnrolmentFactory(cohort=cohort, role=Role.MENTEE),
        mentor=EnrolmentFactory(cohort=cohort, role=Role.MENTOR),
        goals="Ziele",
        offer="Angebot",
    )


def test_a_waiting_request_expires_with_an_audit_row_without_its_texts(waiting):
    assert mentor_request_expire(request=waiting) is True
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.EXPIRED
    event = AuditEvent.objects.get(action="matching.request.expire")
    assert "Ziele" not in str(event.data) and event.actor is None


def test_only_a_request_waiting_for_the_mentor_expires(waiting):
    for status in (RequestStatus.AWAITING_APPROVAL, RequestStatus.DECLINED, RequestStatus.EXPIRED):
        MentorRequest.objects.filter(pk=waiting.pk).update(status=status)
        assert mentor_request_expire(request=waiting) is False
        waiting.refresh_from_db()
        assert waiting.status == status
