"""The e-mails of mentor requests (R16): sent after the commit, in the cohort's first language, to
the mentor (a new request), the mentee (the answer, the decision), the coordinator (approval)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tandem.matching.requests.services import mentor_request_decide, mentor_request_withdraw
from tandem.matching.tests.requests_helpers import (
    GOALS,
    OFFER,
    allow_requests,
    answer,
    mails_to,
    send,
)

COORDINATOR = "clara.coordinator@example.com"  # the conftest persona, Clara Koordinatorin


@pytest.fixture
def m(matching_cohort, mentee_person, mentor_person):
    # English first, so that the texts can be read here whatever the German catalogue says.
    allow_requests(matching_cohort.cohort, approval=False, languages=["en", "de"])
    mentee_person.job_title = "Head of Sales"
    mentee_person.save(update_fields=["job_title"])
    return matching_cohort


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_nothing_is_sent_before_the_commit(m, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(m)
    assert mail.outbox == [] and len(callbacks) == 1


def test_the_mentor_gets_the_request_with_goals_and_offer(m, on_commit, mentor_person):
    on_commit(send, m)

    [message] = mail.outbox
    assert message.to == [mentor_person.email]
    cohort = m.cohort
    assert message.subject == (
        f"Tandem request from Marlene Müller ({cohort.program.name}, {cohort.name})"
    )
    assert message.body.startswith("Hello Jonas,")
    assert "Marlene Müller (Head of Sales) would like you as their mentor" in message.body
    assert f"What Marlene would like to learn:\n{GOALS}" in message.body
    assert f"What Marlene offers in return:\n{OFFER}" in message.body
    assert f"/matching/cohorts/{cohort.pk}/requests/incoming/" in message.body
    assert "nobody asks you for a reason" in message.body
    assert "the coordinator confirms" not in message.body  # no approval in this cohort
    # A reply quoting the goals and the offer must not go to the coordinator (R3).
    assert message.reply_to == []
    assert message.extra_headers["Content-Language"] == "en"


def test_the_mentor_is_told_when_the_coordinator_will_confirm(m, on_commit):
    allow_requests(m.cohort, approval=True)
    on_commit(send, m)
    assert "the coordinator confirms the tandem before it starts" in mail.outbox[0].body


def test_the_email_speaks_the_cohorts_first_language(m, on_commit):
    allow_requests(m.cohort, languages=["de", "en"])
    on_commit(send, m)
    assert mail.outbox[0].extra_headers["Content-Language"] == "de"


def test_the_mentee_is_told_kindly_of_a_decline(m, on_commit, mentee_person):
    request = send(m)
    on_commit(answer, request, accept=False)

    [message] = mails_to(mentee_person.email)
    assert message.subject.startswith("News about your request in")
    assert message.body.startswith("Hello Marlene,")
    assert "Jonas Yılmaz cannot take on your request" in message.body
    assert "says nothing about you" in message.body
    assert f"/matching/cohorts/{m.cohort.pk}/mentors/" in message.body
    assert len(mail.outbox) == 1  # nobody else


def test_the_mentee_is_told_the_tandem_is_formed(m, on_commit, mentee_person, mentor_person):
    request = send(m)
    on_commit(answer, request, accept=True)

    [message] = mails_to(mentee_person.email)
    assert "has accepted your request" in message.body and "your tandem is formed" in message.body
    assert f"Get in touch with Jonas ({mentor_person.email})" in message.body
    assert len(mail.outbox) == 1


def test_with_approval_the_coordinator_and_the_mentee_are_told(m, on_commit, mentee_person):
    allow_requests(m.cohort, approval=True)
    request = send(m)
    on_commit(answer, request, accept=True)

    [to_mentee] = mails_to(mentee_person.email)
    assert "The coordinator now confirms the tandem" in to_mentee.body
    [to_coordinator] = mails_to(COORDINATOR)
    assert to_coordinator.subject.startswith("A tandem request awaits your approval")
    assert to_coordinator.body.startswith("Hello Clara,")
    assert "Marlene Müller has asked Jonas Yılmaz to be their mentor" in to_coordinator.body
    assert f"/matching/cohorts/{m.cohort.pk}/requests/" in to_coordinator.body
    # The request's texts are between mentee and mentor.
    assert GOALS not in to_coordinator.body and OFFER not in to_coordinator.body
    assert len(mail.outbox) == 2


def test_both_partners_hear_of_an_approval(m, on_commit, coordinator, mentee_person, mentor_person):
    allow_requests(m.cohort, approval=True)
    request = answer(send(m), accept=True)
    on_commit(mentor_request_decide, request=request, approve=True, actor=coordinator)

    [to_mentee] = mails_to(mentee_person.email)
    [to_mentor] = mails_to(mentor_person.email)
    assert "approved your tandem with Jonas Yılmaz" in to_mentee.body
    assert "approved your tandem with Marlene Müller" in to_mentor.body
    assert f"Get in touch with Marlene ({mentee_person.email})" in to_mentor.body
    assert to_mentee.subject.startswith("News about your tandem in")


def test_both_partners_hear_of_a_rejection_without_blame(m, on_commit, coordinator, mentee_person):
    allow_requests(m.cohort, approval=True)
    request = answer(send(m), accept=True)
    on_commit(mentor_request_decide, request=request, approve=False, actor=coordinator)

    [to_mentee] = mails_to(mentee_person.email)
    assert "has not approved the requested tandem with Jonas Yılmaz" in to_mentee.body
    assert "says nothing about you" in to_mentee.body
    assert "You are welcome to ask another mentor" in to_mentee.body
    assert (
        "Clara Koordinatorin, the coordinator of your cohort, will get in touch" in to_mentee.body
    )
    assert len(mail.outbox) == 2


def test_a_withdrawal_sends_nothing(m, on_commit, mentee):
    request = send(m)
    on_commit(mentor_request_withdraw, request=request, actor=mentee)
    assert mail.outbox == []


def test_a_refused_request_sends_nothing(m, on_commit):
    m.mentor.languages = ["fr"]
    m.mentor.save(update_fields=["languages"])
    with pytest.raises(ValidationError):
        on_commit(send, m)
    assert mail.outbox == []
