"""Withdrawing (R1): one action in every phase until closed; the reason is for coordinators only."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.models import Enrolment
from tandem.enrolment.tests.factories import EnrolmentFactory, enrol
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.people.tests.factories import PersonFactory, UserFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory, cohort_in

pytestmark = pytest.mark.django_db

REASON = "My new job leaves no time, and my partner was not a good fit."


def enrolment_in(phase, *, coordinator=None, person=None):
    cohort = CohortFactory(phase=phase, coordinator=coordinator)
    return EnrolmentFactory(cohort=cohort, **({"person": person} if person else {}))


def test_draft_cohorts_have_no_enrolments_to_withdraw_from():
    """Nobody can enrol in a draft cohort (see the enrolment tests), so nothing is withdrawn."""
    cohort = CohortFactory(phase=Phase.DRAFT)
    assert not Enrolment.objects.filter(cohort=cohort).exists()


def test_before_matching_the_person_simply_leaves_the_pool(
    mentee, mentee_person, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(email="coord@example.com")
    enrolment = enrol(
        cohort_in(Phase.ENROLMENT_OPEN, coordinator=coordinator), mentee_person, actor=mentee
    )
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_withdraw(enrolment=enrolment, actor=mentee)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.withdrawn_at is not None
    assert mail.outbox == []


@pytest.mark.parametrize("phase", [Phase.MATCHING, Phase.RUNNING, Phase.CLOSING])
def test_after_matching_started_the_coordinator_is_told_without_the_reason(
    phase, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(email="coord@example.com")
    enrolment = enrolment_in(phase, coordinator=coordinator)
    with (
        mock.patch("tandem.matching.withdrawal.services._end_tandems_without_blame") as end_tandems,
        django_capture_on_commit_callbacks(execute=True),
    ):
        enrolment_withdraw(enrolment=enrolment, actor=None, reason=REASON)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.withdrawal_reason == REASON
    end_tandems.assert_called_once()
    [message] = mail.outbox
    assert message.to == ["coord@example.com"]
    assert enrolment.person.full_name in message.subject
    assert "They gave a reason" in message.body
    assert REASON not in message.body
    assert "new job" not in message.subject + message.body


def test_withdrawing_from_a_closed_cohort_is_refused():
    enrolment = enrolment_in(Phase.CLOSED)
    with pytest.raises(ValidationError) as caught:
        enrolment_withdraw(enrolment=enrolment, actor=None)
    assert "already ended" in caught.value.messages[0]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


def test_withdrawing_twice_is_refused():
    enrolment = enrolment_in(Phase.ENROLMENT_OPEN)
    enrolment_withdraw(enrolment=enrolment, actor=None)
    with pytest.raises(ValidationError) as caught:
        enrolment_withdraw(enrolment=enrolment, actor=None)
    assert "already withdrawn" in caught.value.messages[0]


def test_the_reason_never_enters_the_audit_trail(mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    enrolment_withdraw(enrolment=enrolment, actor=mentee, reason=REASON)
    audit = AuditEvent.objects.get(action="enrolment.withdraw")
    assert audit.data["reason_given"] is True
    assert REASON not in str(audit.data)
    assert "reason" not in audit.data
    assert AuditEvent.objects.filter(data__icontains="new job").count() == 0


def test_the_audit_says_when_no_reason_was_given():
    enrolment_withdraw(enrolment=enrolment_in(Phase.ENROLMENT_OPEN), actor=None)
    assert AuditEvent.objects.get(action="enrolment.withdraw").data["reason_given"] is False


def test_the_reason_is_shown_to_coordinators_only(client_for, coordinator, mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    enrolment_withdraw(enrolment=enrolment, actor=mentee, reason=REASON)
    url = reverse("enrolment:enrolment_detail", args=[enrolment.pk])
    coordinator_page = client_for(coordinator).get(url).content.decode()
    assert "My new job leaves no time" in coordinator_page
    own_page = client_for(mentee).get(url).content.decode()
    assert "My new job leaves no time" not in own_page
    other = UserFactory(email=PersonFactory().email)
    assert client_for(other).get(url).status_code == 403


def test_one_action_on_the_withdraw_page(client_for, mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    client = client_for(mentee)
    url = reverse("withdrawal:withdraw", args=[enrolment.pk])
    page = client.get(url).content.decode()
    main = page.split("<main", 1)[1]
    assert main.count('type="submit"') == 1  # a single button, the reason is optional
    assert "Withdraw now" in main
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("enrolment:my_cohorts")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    my_page = client.get(response["Location"]).content.decode()
    assert "You have withdrawn" in my_page
    assert "Enrol again" in my_page


def test_the_withdraw_page_explains_why_a_closed_cohort_cannot_be_left(client_for, mentee):
    from tandem.people.selectors import person_for_user

    enrolment = enrolment_in(Phase.CLOSED, person=person_for_user(user=mentee))
    client = client_for(mentee)
    url = reverse("withdrawal:withdraw", args=[enrolment.pk])
    page = client.get(url).content.decode()
    assert "already ended" in page
    assert "Withdraw now" not in page
    assert client.post(url, {"reason": "x"}).status_code == 409
