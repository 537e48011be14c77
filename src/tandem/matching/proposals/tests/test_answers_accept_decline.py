"""Accepting and declining a published proposal (R1, R13): each partner answers privately; a
decline dissolves the proposal, and nobody — partner, coordinator, audit trail — learns who."""

from __future__ import annotations

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.enrolment.tests.factories import EnrolmentFactory, enrol_late
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.proposals import emails as emails_answers
from tandem.matching.proposals.services import tandem_accept, tandem_coffee_set, tandem_decline
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus
from tandem.tandems.tests.answers_helpers import (
    COORDINATOR_EMAIL,
    accept_both,
    in_days,
    mails_to,
    publish,
)
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db


def test_the_first_acceptance_is_private_and_tells_nobody(
    proposal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)

    proposal.refresh_from_db()
    assert proposal.mentee_answer == PartnerAnswer.ACCEPTED
    assert proposal.mentor_answer == PartnerAnswer.PENDING
    assert proposal.status == TandemStatus.PUBLISHED
    assert mail.outbox == []
    # No audit row for a single answer: it would later tell who did not decline.
    assert not AuditEvent.objects.filter(action__startswith="tandem.").exists()


def test_the_second_acceptance_is_recorded_for_the_pair_and_tells_both(
    proposal, mentor, django_capture_on_commit_callbacks
):
    tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=mentor)

    proposal.refresh_from_db()
    assert proposal.both_accepted
    assert proposal.status == TandemStatus.PUBLISHED  # formed only once both confirm
    [event] = AuditEvent.objects.filter(action="tandem.accepted_by_both")
    assert event.actor is None and event.actor_label == "system"
    assert event.data == {"cohort": proposal.cohort_id}
    [to_mentee] = mails_to(proposal.mentee.person.email)
    [to_mentor] = mails_to(proposal.mentor.person.email)
    assert to_mentee.body.startswith("Hello Marlene,")
    assert "you and Jonas Yılmaz have both accepted" in to_mentee.body
    assert "virtual coffee" in to_mentee.body
    assert f"/tandems/{proposal.pk}/" in to_mentee.body
    assert "you and Marlene Müller have both accepted" in to_mentor.body
    assert to_mentor.reply_to == [COORDINATOR_EMAIL]


def test_accepting_twice_is_refused_with_a_clear_message(proposal):
    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    with pytest.raises(ValidationError) as caught:
        tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert "already accepted" in caught.value.messages[0]


def test_only_a_partner_can_answer(proposal):
    stranger = EnrolmentFactory(cohort=proposal.cohort)
    for service in (tandem_accept, tandem_decline):
        with pytest.raises(ValidationError) as caught:
            service(tandem=proposal, enrolment=stranger, actor=None)
        assert "not a partner in this tandem" in caught.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.PUBLISHED
    assert proposal.mentor_answer == proposal.mentee_answer == PartnerAnswer.PENDING


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        ({}, "has not been published yet"),
        ({"confirmed": True}, "already formed"),
        ({"dissolved": True}, "will not go ahead"),
        ({"ended": True}, "will not go ahead"),
    ],
)
def test_only_a_published_proposal_can_be_answered(english_cohort, traits, expected):
    tandem = TandemFactory(
        cohort=english_cohort.cohort,
        mentee=english_cohort.mentee,
        mentor=english_cohort.mentor,
        **traits,
    )
    for service in (tandem_accept, tandem_decline):
        with pytest.raises(ValidationError) as caught:
            service(tandem=tandem, enrolment=tandem.mentee, actor=None)
        assert expected in caught.value.messages[0]


def test_answers_wait_for_the_matching_or_running_phase(proposal):
    proposal.cohort.phase = Phase.CLOSING
    proposal.cohort.save(update_fields=["phase"])
    with pytest.raises(ValidationError) as caught:
        tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert "matching or running" in caught.value.messages[0]


def test_a_withdrawn_partner_cannot_answer_any_more(proposal):
    proposal.mentee.status = "withdrawn"
    proposal.mentee.withdrawn_at = proposal.published_at
    proposal.mentee.save(update_fields=["status", "withdrawn_at"])
    with pytest.raises(ValidationError) as caught:
        tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert "withdrawn" in caught.value.messages[0]


@pytest.mark.parametrize("accepted_first", [False, True])
def test_a_decline_dissolves_the_proposal_and_records_no_decliner(
    proposal, mentee, django_capture_on_commit_callbacks, accepted_first
):
    if accepted_first:
        tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=mentee)
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=mentee)

    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.DISSOLVED
    assert proposal.ended_at is not None and proposal.confirmed_at is None
    # The row is the same whoever declined.
    assert proposal.mentor_answer == proposal.mentee_answer == PartnerAnswer.DECLINED
    dnm = DoNotMatch.objects.get()
    assert (dnm.mentee, dnm.mentor, dnm.reason) == (
        proposal.mentee,
        proposal.mentor,
        DoNotMatchReason.DECLINED,
    )
    [event] = AuditEvent.objects.filter(action="tandem.not_formed")
    assert event.actor is None
    assert event.data == {"cohort": proposal.cohort_id, "status_before": "published"}
    assert not AuditEvent.objects.filter(actor__isnull=False).exists()


def test_the_row_and_trail_look_the_same_whoever_declined(english_cohort):
    cohort = english_cohort.cohort
    other_mentee = enrol_late(
        cohort, PersonFactory(career_level=5), needs=[(english_cohort.topic, 2, 5)]
    )
    first = publish(cohort, english_cohort.mentee, english_cohort.mentor)
    tandem_accept(tandem=first, enrolment=first.mentor, actor=None)
    tandem_decline(tandem=first, enrolment=first.mentee, actor=None)  # the mentee declines
    cohort.mentees_per_mentor = 2
    cohort.save(update_fields=["mentees_per_mentor"])
    second = publish(cohort, other_mentee, english_cohort.mentor)
    tandem_accept(tandem=second, enrolment=second.mentee, actor=None)
    tandem_decline(tandem=second, enrolment=second.mentor, actor=None)  # the mentor declines

    fields = ["status", "mentor_answer", "mentee_answer", "mentor_confirmed_at"]
    rows = [Tandem.objects.values(*fields).get(pk=t.pk) for t in (first, second)]
    assert rows[0] == rows[1]
    trail = [
        (e.action, e.actor_id, sorted(e.data))
        for e in AuditEvent.objects.filter(action="tandem.not_formed")
    ]
    assert trail[0] == trail[1]


def test_both_partners_get_the_same_neutral_mail_apart_from_the_name(
    proposal, django_capture_on_commit_callbacks
):
    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)

    [to_mentee] = mails_to(proposal.mentee.person.email)
    [to_mentor] = mails_to(proposal.mentor.person.email)
    assert to_mentee.subject == to_mentor.subject
    assert to_mentee.body.replace("Marlene", "NAME") == to_mentor.body.replace("Jonas", "NAME")
    assert to_mentee.body.startswith("Hello Marlene,")
    assert "will not go ahead" in to_mentee.body
    assert "the coordinator will find you a new match" in to_mentee.body
    for message in (to_mentee, to_mentor):
        text = (message.subject + message.body).lower()
        assert "declin" not in text
        assert "müller" not in text and "yılmaz" not in text  # the partner is not named
        assert "accepted" not in text


def test_the_coordinator_is_told_without_names(proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)

    [note] = mails_to(COORDINATOR_EMAIL)
    assert str(proposal.cohort) in note.subject
    assert "will not go ahead" in note.subject
    for name in ("Marlene", "Müller", "Jonas", "Yılmaz", "mentor", "mentee"):
        assert name not in note.subject + note.body
    assert f"/programs/cohorts/{proposal.cohort_id}/" in note.body
    assert len(mail.outbox) == 3


def test_the_coffee_that_will_not_take_place_is_mentioned_to_both(
    proposal, django_capture_on_commit_callbacks
):
    accept_both(proposal)
    tandem_coffee_set(
        tandem=proposal, enrolment=proposal.mentor, at=in_days(3), place="Teams", actor=None
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)
    for partner in (proposal.mentee, proposal.mentor):
        [message] = mails_to(partner.person.email)
        assert "virtual coffee that had been arranged will not take place" in message.body


def test_both_partners_get_the_cancellation_of_the_coffees_calendar_entry(
    proposal, django_capture_on_commit_callbacks
):
    accept_both(proposal)
    for days in (3, 5):  # proposed, then moved: the cancellation must outrank both
        with django_capture_on_commit_callbacks(execute=True):
            tandem_coffee_set(
                tandem=proposal,
                enrolment=proposal.mentor,
                at=in_days(days),
                place="Teams",
                actor=None,
            )
    [moved] = mails_to(proposal.mentee.person.email)[-1:]
    moved_event = icalendar.Calendar.from_ical(moved.attachments[0][1]).walk("VEVENT")[0]
    assert int(moved_event["sequence"]) == 1  # the first move
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)

    files = []
    for partner in (proposal.mentee, proposal.mentor):
        [message] = mails_to(partner.person.email)
        [(filename, content, _mimetype)] = message.attachments
        assert filename.endswith(".ics")
        files.append(content)
        calendar = icalendar.Calendar.from_ical(content)
        [event] = calendar.walk("VEVENT")
        assert str(calendar["method"]) == "CANCEL"
        assert str(event["status"]) == "CANCELLED"
        assert str(event["uid"]) == str(moved_event["uid"])
        assert int(event["sequence"]) > int(moved_event["sequence"])
        assert "Marlene" not in str(event["summary"]) and "Jonas" not in str(event["summary"])
    unstamped = ["\n".join(x for x in str(f).splitlines() if "DTSTAMP" not in x) for f in files]
    assert unstamped[0] == unstamped[1]  # the same file for both: it names nobody


def test_without_a_coffee_the_mail_has_no_calendar_file(
    proposal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)
    for partner in (proposal.mentee, proposal.mentor):
        [message] = mails_to(partner.person.email)
        assert message.attachments == []


def test_an_existing_do_not_match_pair_is_kept(proposal):
    DoNotMatch.objects.create(
        cohort=proposal.cohort,
        mentee=proposal.mentee,
        mentor=proposal.mentor,
        reason=DoNotMatchReason.COORDINATOR,
    )
    tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert DoNotMatch.objects.get().reason == DoNotMatchReason.COORDINATOR


def test_a_formed_tandem_cannot_be_declined(proposal):
    proposal.save(update_fields=proposal.mark_formed(proposal.published_at))
    with pytest.raises(ValidationError) as caught:
        tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert "already formed" in caught.value.messages[0]
    assert not DoNotMatch.objects.exists()


def test_a_failing_mail_does_not_stop_the_others(
    proposal, django_capture_on_commit_callbacks, monkeypatch
):
    real = emails_answers.not_formed_email_send

    def broken_for_the_mentee(*, tandem_id, partner_id, had_coffee):
        if partner_id == proposal.mentee_id:
            raise ConnectionError("mail server down")
        real(tandem_id=tandem_id, partner_id=partner_id, had_coffee=had_coffee)

    monkeypatch.setattr(emails_answers, "not_formed_email_send", broken_for_the_mentee)
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [proposal.mentor.person.email, COORDINATOR_EMAIL]
    )
    assert Tandem.objects.get(pk=proposal.pk).status == TandemStatus.DISSOLVED


def test_a_german_first_cohort_is_written_to_in_german(
    proposal, django_capture_on_commit_callbacks
):
    proposal.cohort.languages = ["de", "en"]
    proposal.cohort.save(update_fields=["languages"])
    with django_capture_on_commit_callbacks(execute=True):
        tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)
    [to_mentee] = mails_to(proposal.mentee.person.email)
    assert to_mentee.extra_headers["Content-Language"] == "de"


def test_the_withdrawal_flow_is_unchanged_by_answers(proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_withdraw(enrolment=proposal.mentee, actor=None)
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.DISSOLVED
    assert AuditEvent.objects.filter(action="tandem.end").count() == 1
    assert not AuditEvent.objects.filter(action="tandem.not_formed").exists()
    assert not DoNotMatch.objects.exists()
