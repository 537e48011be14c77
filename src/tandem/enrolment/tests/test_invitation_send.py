"""Sending invitations: only while enrolment is open, never twice, one e-mail each, audited."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import InvitationStatus
from tandem.enrolment.invitations import services as services_invitations
from tandem.enrolment.invitations.policy import MAX_PEOPLE_PER_SENDING
from tandem.enrolment.invitations.selectors import InvitationPartition
from tandem.enrolment.invitations.services import invitations_send
from tandem.enrolment.models import Enrolment, Invitation
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """invitations_send with the after-commit e-mails actually run (as in production)."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return invitations_send(**kwargs)

    return run


@pytest.mark.parametrize("phase", [Phase.DRAFT, Phase.MATCHING, Phase.RUNNING, Phase.CLOSED])
def test_invitations_are_refused_unless_enrolment_is_open(coordinator, send, phase):
    cohort = CohortFactory(phase=phase)
    with pytest.raises(ValidationError, match="Open enrolment for this cohort first"):
        send(cohort=cohort, people=[PersonFactory()], actor=coordinator)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_each_person_gets_one_invitation_and_one_email(coordinator, send):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    people = PersonFactory.create_batch(3)
    result = send(cohort=cohort, people=people, actor=coordinator, message="Hallo!")
    assert result.sent == sorted(people, key=lambda p: (p.last_name, p.first_name, p.pk))
    assert Invitation.objects.filter(cohort=cohort).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    invitation = Invitation.objects.get(person=people[0])
    assert invitation.status == InvitationStatus.SENT
    assert invitation.sent_by == coordinator
    assert invitation.message == "Hallo!"
    assert len(invitation.token) >= 40


def test_tokens_are_unique_and_unguessable(coordinator, send):
    send(
        cohort=CohortFactory(phase=Phase.ENROLMENT_OPEN),
        people=PersonFactory.create_batch(20),
        actor=coordinator,
    )
    tokens = list(Invitation.objects.values_list("token", flat=True))
    assert len(set(tokens)) == 20


def test_a_second_sending_never_invites_the_same_person_again(coordinator, send):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    person = PersonFactory()
    first = send(cohort=cohort, people=[person], actor=coordinator)
    second = send(cohort=cohort, people=[person, PersonFactory()], actor=coordinator)
    assert first.sent == [person]
    assert second.already_invited == [person]
    assert len(second.sent) == 1
    assert Invitation.objects.filter(cohort=cohort, person=person).count() == 1
    assert [m.to[0] for m in mail.outbox].count(person.email) == 1


def test_a_declined_invitation_is_not_sent_again(coordinator, send):
    invitation = InvitationFactory(status=InvitationStatus.DECLINED)
    result = send(cohort=invitation.cohort, people=[invitation.person], actor=coordinator)
    assert result.already_invited == [invitation.person]
    assert mail.outbox == []


def test_a_concurrent_double_click_is_caught_by_the_database(coordinator, send, monkeypatch):
    """Two sendings at the same moment: both see nobody invited; the constraint decides."""
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    person = PersonFactory()
    InvitationFactory(cohort=cohort, person=person)  # the other click won the race

    def stale_partition(*, cohort, people):
        return InvitationPartition(to_send=[person])

    monkeypatch.setattr(services_invitations, "invitation_partition", stale_partition)
    result = send(cohort=cohort, people=[person], actor=coordinator)
    assert result.sent == []
    assert result.already_invited == [person]
    assert Invitation.objects.filter(cohort=cohort, person=person).count() == 1
    assert mail.outbox == []


def test_enrolled_and_inactive_people_are_skipped_and_reported(coordinator, send):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    enrolled = EnrolmentFactory(cohort=cohort).person
    gone = PersonFactory(is_active=False)
    result = send(cohort=cohort, people=[enrolled, gone], actor=coordinator)
    assert result.counts == {
        "sent": 0,
        "already_invited": 0,
        "already_enrolled": 1,
        "skipped_inactive": 1,
        "skipped_ineligible": 0,
    }
    assert mail.outbox == []


def test_sending_never_enrols_anyone(coordinator, send):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    send(cohort=cohort, people=PersonFactory.create_batch(2), actor=coordinator)
    assert not Enrolment.objects.exists()


def test_the_sending_is_audited_with_counts(coordinator, send):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    invited = InvitationFactory(cohort=cohort).person
    send(cohort=cohort, people=[invited, PersonFactory()], actor=coordinator)
    event = AuditEvent.objects.get(action="cohort.invitations_send")
    assert event.actor == coordinator
    assert event.target_id == str(cohort.pk)
    assert event.data == {
        "sent": 1,
        "already_invited": 1,
        "already_enrolled": 0,
        "skipped_inactive": 0,
        "skipped_ineligible": 0,
    }


def test_emails_go_out_only_after_the_transaction_commits(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitations_send(cohort=cohort, people=[PersonFactory()], actor=coordinator)
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_too_many_people_at_once_are_refused_with_advice(coordinator, monkeypatch, send):
    monkeypatch.setattr(services_invitations, "MAX_PEOPLE_PER_SENDING", 2)
    with pytest.raises(ValidationError, match="several rounds"):
        send(
            cohort=CohortFactory(phase=Phase.ENROLMENT_OPEN),
            people=PersonFactory.create_batch(3),
            actor=coordinator,
        )
    assert not Invitation.objects.exists()
    assert MAX_PEOPLE_PER_SENDING >= 100


@override_settings(SITE_ROOT="https://tandem.example.com/")
def test_the_email_has_a_subject_the_personal_link_and_both_bodies(coordinator, send):
    program = ProgramFactory(name="Digital Leadership", purpose="Learn from each other.")
    cohort = CohortFactory(
        phase=Phase.ENROLMENT_OPEN,
        program=program,
        name="Spring",
        languages=["en"],
        coordinator=coordinator,
    )
    person = PersonFactory(first_name="Marlene", email="marlene@example.com")
    send(cohort=cohort, people=[person], actor=coordinator, message="Please join us!")
    (message,) = mail.outbox
    token = Invitation.objects.get(person=person).token
    link = f"https://tandem.example.com/enrolment/invite/{token}/"
    assert message.subject == "Invitation to reverse mentoring: Digital Leadership (Spring)"
    assert message.to == ["marlene@example.com"]
    assert message.reply_to == [coordinator.email]
    assert message.extra_headers["Content-Language"] == "en"
    assert "Hello Marlene," in message.body
    assert link in message.body
    assert "Please join us!" in message.body
    assert "Clara Koordinatorin" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert '<html lang="en">' in html


def test_the_email_is_written_in_the_cohorts_first_language(coordinator, send):
    cohort = CohortFactory(
        phase=Phase.ENROLMENT_OPEN,
        languages=["de", "en"],
        starts_on=datetime.date(2030, 3, 4),
        ends_on=datetime.date(2030, 9, 4),
    )
    send(cohort=cohort, people=[PersonFactory()], actor=coordinator)
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "de"
    assert "4. März 2030" in message.body
    assert '<html lang="de">' in message.alternatives[0][0]


def test_the_site_language_is_used_when_the_cohort_language_is_not_written(coordinator, send):
    cohort = CohortFactory(
        phase=Phase.ENROLMENT_OPEN, languages=["fr"], starts_on=datetime.date(2030, 3, 4)
    )
    with override_settings(LANGUAGE_CODE="en"):
        send(cohort=cohort, people=[PersonFactory()], actor=coordinator)
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "en"
    assert "March 4, 2030" in message.body


def test_a_failing_mail_server_is_reported_not_hidden(coordinator, send, monkeypatch):
    def broken(*, invitation_ids, reminder=False):
        return list(invitation_ids)

    monkeypatch.setattr(services_invitations, "invitation_emails_send", broken)
    person = PersonFactory()
    result = send(
        cohort=CohortFactory(phase=Phase.ENROLMENT_OPEN), people=[person], actor=coordinator
    )
    assert result.sent == [person]
    assert result.email_failures == [person]
