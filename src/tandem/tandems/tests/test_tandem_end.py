"""A tandem ends without blame when a partner withdraws (R1, R13): the partner who stays is told
kindly (only if they had seen the tandem), never why, and the coordinator will find a new partner.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import cohort_in
from tandem.tandems import services
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.selectors import enrolment_open_tandems
from tandem.tandems.services import tandem_end_without_blame
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db

REASON = "My new job leaves no time, and my partner was not a good fit."
COORDINATOR_EMAIL = "clara.coordinator@example.com"  # the conftest persona, Clara Koordinatorin
BLAMING_WORDS = ("withdr", "zurückgezogen", "reason", "Grund", "new job", "declin")


def enrolled(cohort, role, first_name, email):
    person = PersonFactory(first_name=first_name, last_name="Muster", email=email)
    return EnrolmentFactory(cohort=cohort, person=person, role=role)


def pair(cohort, **traits):
    """A mentor (Martin) and a mentee (Petra) in a tandem of the cohort."""
    mentor = enrolled(cohort, Role.MENTOR, "Martin", "martin@example.com")
    mentee = enrolled(cohort, Role.MENTEE, "Petra", "petra@example.com")
    return TandemFactory(cohort=cohort, mentor=mentor, mentee=mentee, **traits)


def withdraw(enrolment, capture, *, reason=REASON):
    with capture(execute=True):
        enrolment_withdraw(enrolment=enrolment, actor=None, reason=reason)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def assert_blame_free(message):
    text = message.subject + "\n" + message.body
    assert REASON not in text
    for word in BLAMING_WORDS:
        assert word.lower() not in text.lower(), word


def test_a_formed_tandem_ends_without_blame_when_the_mentee_withdraws(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = cohort_in(Phase.RUNNING, coordinator, languages=["en"])
    tandem = pair(cohort, confirmed=True)
    # The mentor has capacity for two: their other tandem goes on.
    other = TandemFactory(cohort=cohort, mentor=tandem.mentor, confirmed=True)

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    tandem.refresh_from_db()
    assert tandem.status == TandemStatus.ENDED
    assert tandem.ended_at is not None
    other.refresh_from_db()
    assert other.status == TandemStatus.CONFIRMED
    assert other.ended_at is None

    [to_partner] = mails_to("martin@example.com")
    assert to_partner.subject == f"News about your tandem in {cohort.program.name} ({cohort.name})"
    assert to_partner.body.startswith("Hello Martin,")
    assert "your tandem with Petra Muster" in to_partner.body
    assert "ends as of today" in to_partner.body
    assert "says nothing about you" in to_partner.body
    assert "Thank you" in to_partner.body
    assert "Clara Koordinatorin" in to_partner.body
    assert COORDINATOR_EMAIL in to_partner.body
    assert "new partner" in to_partner.body
    assert to_partner.reply_to == [COORDINATOR_EMAIL]
    assert_blame_free(to_partner)

    # The coordinator is still told, without the reason; nobody else gets mail.
    [to_coordinator] = mails_to(COORDINATOR_EMAIL)
    assert "withdrawn" in to_coordinator.subject
    assert REASON not in to_coordinator.body
    assert len(mail.outbox) == 2

    audit = AuditEvent.objects.get(action="tandem.end")
    assert audit.target_id == str(tandem.pk)
    assert audit.data == {"cohort": cohort.pk, "status_before": "confirmed", "by_withdrawal": True}
    assert not AuditEvent.objects.filter(data__icontains="new job").exists()


def test_a_withdrawing_mentor_ends_each_of_their_tandems(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = cohort_in(Phase.RUNNING, coordinator, languages=["en"])
    first = pair(cohort, confirmed=True)
    second = TandemFactory(cohort=cohort, mentor=first.mentor, confirmed=True)

    withdraw(first.mentor, django_capture_on_commit_callbacks)

    assert set(Tandem.objects.values_list("status", flat=True)) == {TandemStatus.ENDED}
    assert len(mails_to("petra@example.com")) == 1
    assert len(mails_to(second.mentee.person.email)) == 1
    assert AuditEvent.objects.filter(action="tandem.end").count() == 2


def test_a_published_proposal_is_dissolved_and_the_partner_told(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(cohort_in(Phase.MATCHING, coordinator, languages=["en"]), published=True)

    withdraw(tandem.mentor, django_capture_on_commit_callbacks)

    tandem.refresh_from_db()
    assert tandem.status == TandemStatus.DISSOLVED
    assert tandem.ended_at is not None
    assert tandem.confirmed_at is None
    [to_partner] = mails_to("petra@example.com")
    assert "your proposed partner" in to_partner.body
    assert "Martin Muster, is no longer available" in to_partner.body
    assert "Clara Koordinatorin" in to_partner.body
    assert "new partner" in to_partner.body
    assert_blame_free(to_partner)
    assert AuditEvent.objects.get(action="tandem.end").data["status_before"] == "published"


def test_a_mere_proposal_is_dissolved_without_telling_the_partner_who_never_saw_it(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(cohort_in(Phase.MATCHING, coordinator, languages=["en"]))

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    tandem.refresh_from_db()
    assert tandem.status == TandemStatus.DISSOLVED
    assert tandem.ended_at is not None
    assert mails_to("martin@example.com") == []
    assert len(mails_to(COORDINATOR_EMAIL)) == 1


def test_before_matching_a_withdrawal_touches_no_tandems_and_tells_no_partner(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator, languages=["en"])
    enrolled(cohort, Role.MENTOR, "Martin", "martin@example.com")
    mentee = enrolled(cohort, Role.MENTEE, "Petra", "petra@example.com")

    withdraw(mentee, django_capture_on_commit_callbacks)

    assert not Tandem.objects.exists()
    assert not AuditEvent.objects.filter(action="tandem.end").exists()
    assert mail.outbox == []


def test_closed_tandems_are_not_touched_again(coordinator, django_capture_on_commit_callbacks):
    cohort = cohort_in(Phase.RUNNING, coordinator, languages=["en"])
    ended = pair(cohort, ended=True)
    dissolved = TandemFactory(cohort=cohort, mentee=ended.mentee, dissolved=True)
    before = {t.pk: (t.status, t.ended_at) for t in (ended, dissolved)}

    withdraw(ended.mentee, django_capture_on_commit_callbacks)

    after = {t.pk: (t.status, t.ended_at) for t in Tandem.objects.all()}
    assert after == before
    assert not AuditEvent.objects.filter(action="tandem.end").exists()
    assert [message.to for message in mail.outbox] == [[COORDINATOR_EMAIL]]


def test_ending_twice_changes_nothing_the_second_time(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(cohort_in(Phase.RUNNING, coordinator, languages=["en"]), confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        tandem_end_without_blame(tandem=tandem, leaving=tandem.mentee, actor=coordinator)
    ended_at = Tandem.objects.get(pk=tandem.pk).ended_at

    with django_capture_on_commit_callbacks(execute=True):
        result = tandem_end_without_blame(tandem=tandem, leaving=tandem.mentee, actor=coordinator)

    assert result.status == TandemStatus.ENDED
    assert result.ended_at == ended_at
    assert AuditEvent.objects.filter(action="tandem.end").count() == 1
    assert len(mail.outbox) == 1


def test_only_a_partner_can_be_the_one_who_leaves(coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator, languages=["en"])
    tandem = pair(cohort, confirmed=True)
    stranger = EnrolmentFactory(cohort=cohort)
    with pytest.raises(ValidationError) as caught:
        tandem_end_without_blame(tandem=tandem, leaving=stranger, actor=coordinator)
    assert "not a partner in this tandem" in caught.value.messages[0]
    tandem.refresh_from_db()
    assert tandem.status == TandemStatus.CONFIRMED


def test_the_partner_is_written_to_in_german_for_a_german_first_cohort(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(cohort_in(Phase.RUNNING, coordinator, languages=["de", "en"]), confirmed=True)

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    [to_partner] = mails_to("martin@example.com")
    assert to_partner.extra_headers["Content-Language"] == "de"
    assert to_partner.body.startswith("Hallo Martin,")
    assert "Ihre Ansprechperson: Clara Koordinatorin" in to_partner.body
    assert_blame_free(to_partner)


def test_the_german_subject_for_a_german_first_cohort(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(
        cohort_in(
            Phase.RUNNING,
            coordinator,
            languages=[
                "de",
            ],
        ),
        confirmed=True,
    )
    withdraw(tandem.mentee, django_capture_on_commit_callbacks)
    [to_partner] = mails_to("martin@example.com")
    assert to_partner.subject.startswith("Neuigkeiten")


def test_the_partner_is_written_to_in_english_for_an_english_first_cohort(
    coordinator, django_capture_on_commit_callbacks
):
    tandem = pair(cohort_in(Phase.RUNNING, coordinator, languages=["en", "de"]), confirmed=True)

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    [to_partner] = mails_to("martin@example.com")
    assert to_partner.extra_headers["Content-Language"] == "en"
    assert to_partner.subject.startswith("News about your tandem")
    assert to_partner.body.startswith("Hello Martin,")
    assert "Your contact: Clara Koordinatorin <clara.coordinator@example.com>" in to_partner.body


def test_without_a_named_coordinator_the_partner_is_still_told_kindly(
    django_capture_on_commit_callbacks,
):
    tandem = pair(cohort_in(Phase.RUNNING, None, languages=["en"]), confirmed=True)

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    [to_partner] = mail.outbox  # no coordinator to tell
    assert to_partner.to == ["martin@example.com"]
    assert "The coordinator of your cohort will get in touch" in to_partner.body
    assert to_partner.reply_to == []


def test_a_failing_partner_mail_does_not_stop_the_coordinator_mail(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(services, "partner_left_email_send", broken)
    tandem = pair(cohort_in(Phase.RUNNING, coordinator, languages=["en"]), confirmed=True)

    withdraw(tandem.mentee, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[COORDINATOR_EMAIL]]
    assert Tandem.objects.get(pk=tandem.pk).status == TandemStatus.ENDED


def test_open_tandems_of_an_enrolment_are_those_still_open_in_either_role(coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator, languages=["en"])
    as_mentor = pair(cohort, confirmed=True)
    second = TandemFactory(cohort=cohort, mentor=as_mentor.mentor, published=True)
    TandemFactory(cohort=cohort, mentor=as_mentor.mentor, ended=True)
    TandemFactory(cohort=cohort)  # someone else's

    assert list(enrolment_open_tandems(enrolment=as_mentor.mentor)) == [as_mentor, second]
    assert list(enrolment_open_tandems(enrolment=as_mentor.mentee)) == [as_mentor]
