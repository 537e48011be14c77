"""Reminders: a deliberate, confirmed action for pending invitations, at most once a week."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import InvitationStatus
from tandem.enrolment.invitations.services import invitation_remind
from tandem.enrolment.models import Invitation
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.programs.choices import Phase

pytestmark = pytest.mark.django_db


def sent_days_ago(days: int, **kwargs: Any) -> Invitation:
    invitation = InvitationFactory.create(**kwargs)
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=days)
    )
    invitation.refresh_from_db()
    return invitation


def age_reminders(days: int) -> None:
    AuditEvent.objects.filter(action="invitation.remind").update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    def run(invitation, actor):
        with django_capture_on_commit_callbacks(execute=True):
            return invitation_remind(invitation=invitation, actor=actor)

    return run


def test_a_reminder_resends_the_personal_link_after_a_week(coordinator, remind):
    invitation = sent_days_ago(8)
    remind(invitation, coordinator)
    (message,) = mail.outbox
    # The cohort's first language is German, so the reminder is written in German.
    assert message.subject.startswith("Erinnerung:")
    assert invitation.token in message.body
    assert message.to == [invitation.person.email]
    event = AuditEvent.objects.get(action="invitation.remind")
    assert event.actor == coordinator
    assert event.target_id == str(invitation.pk)


def test_no_reminder_within_a_week_of_the_invitation(coordinator, remind):
    invitation = sent_days_ago(3)
    with pytest.raises(ValidationError, match="at most one per week"):
        remind(invitation, coordinator)
    assert mail.outbox == []


def test_no_second_reminder_within_a_week_of_the_first(coordinator, remind):
    invitation = sent_days_ago(20)
    remind(invitation, coordinator)
    with pytest.raises(ValidationError, match="less than a week ago"):
        remind(invitation, coordinator)
    age_reminders(8)
    remind(invitation, coordinator)
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("status", [InvitationStatus.DECLINED, InvitationStatus.ACCEPTED])
def test_answered_invitations_get_no_reminder(coordinator, remind, status):
    invitation = sent_days_ago(10, status=status)
    with pytest.raises(ValidationError, match="already answered"):
        remind(invitation, coordinator)
    assert mail.outbox == []


def test_someone_who_enrolled_without_the_link_gets_no_reminder(coordinator, remind):
    invitation = sent_days_ago(10)
    EnrolmentFactory(cohort=invitation.cohort, person=invitation.person)
    with pytest.raises(ValidationError, match="already answered"):
        remind(invitation, coordinator)


def test_no_reminder_once_enrolment_has_closed(coordinator, remind):
    invitation = sent_days_ago(10)
    invitation.cohort.phase = Phase.MATCHING
    invitation.cohort.save()
    with pytest.raises(ValidationError, match="enrolment is open"):
        remind(invitation, coordinator)


def test_the_reminder_asks_for_confirmation_before_sending(client_for, coordinator):
    invitation = sent_days_ago(8)
    url = reverse("enrolment:invitation_remind", args=[invitation.pk])
    page = client_for(coordinator).get(url)
    assert page.status_code == 200
    assert "Send a reminder to" in page.content.decode()
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(action="invitation.remind").exists()


def test_confirming_the_reminder_sends_it(
    client_for, coordinator, django_capture_on_commit_callbacks
):
    invitation = sent_days_ago(8)
    url = reverse("enrolment:invitation_remind", args=[invitation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "enrolment:cohort_invitations_sent", args=[invitation.cohort.pk]
    )
    assert "A reminder was sent" in response.content.decode()
    assert len(mail.outbox) == 1


def test_a_too_early_reminder_is_refused_in_the_page(client_for, coordinator):
    invitation = sent_days_ago(1)
    url = reverse("enrolment:invitation_remind", args=[invitation.pk])
    assert "A reminder is possible from" in client_for(coordinator).get(url).content.decode()
    response = client_for(coordinator).post(url, follow=True)
    assert "at most one per week" in response.content.decode()
    assert mail.outbox == []


def test_the_sent_list_offers_a_reminder_only_when_allowed(client_for, coordinator):
    due = sent_days_ago(8)
    recent = sent_days_ago(2, cohort=due.cohort)
    declined = sent_days_ago(9, cohort=due.cohort, status=InvitationStatus.DECLINED)
    url = reverse("enrolment:cohort_invitations_sent", args=[due.cohort.pk])
    page = client_for(coordinator).get(url).content.decode()
    assert reverse("enrolment:invitation_remind", args=[due.pk]) in page
    assert reverse("enrolment:invitation_remind", args=[recent.pk]) not in page
    assert reverse("enrolment:invitation_remind", args=[declined.pk]) not in page
    assert "possible from" in page
