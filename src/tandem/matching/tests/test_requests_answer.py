"""The mentor answers a request, a coordinator approves where the cohort asks for it, the mentee may
withdraw while it is open (R16). A tandem formed from a request is confirmed by both at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.matching.models import DoNotMatch, DoNotMatchReason, RequestStatus
from tandem.matching.requests.services import mentor_request_decide, mentor_request_withdraw
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentee,
    another_mentor,
    answer,
    send,
)
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer, Tandem, TandemSource, TandemStatus
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort, approval=False)
    return matching_cohort


@pytest.fixture
def with_approval(m):
    allow_requests(m.cohort, approval=True)
    return m


def assert_formed_from(request):
    request.refresh_from_db()
    tandem = request.tandem
    assert request.status == RequestStatus.FORMED
    assert (tandem.mentee, tandem.mentor, tandem.cohort) == (
        request.mentee,
        request.mentor,
        request.cohort,
    )
    assert tandem.status == TandemStatus.CONFIRMED and tandem.source == TandemSource.REQUEST
    assert tandem.mentor_answer == tandem.mentee_answer == PartnerAnswer.ACCEPTED
    assert tandem.confirmed_at and tandem.mentor_confirmed_at and tandem.mentee_confirmed_at
    assert tandem.breakdown["coverage"] == pytest.approx(45.0)
    assert tandem.breakdown["preferences"] == pytest.approx(10.0)  # she asked for him
    assert sum(tandem.breakdown.values()) == pytest.approx(tandem.score, abs=1e-3)
    return tandem


# Without approval --------------------------------------------------------------------------------


def test_accepting_forms_the_tandem_at_once(m, mentor):
    request = send(m)
    returned = answer(request, accept=True, actor=mentor)

    assert returned.status == request.status == RequestStatus.FORMED
    tandem = assert_formed_from(request)
    audit = AuditEvent.objects.get(action="matching.request.accept")
    assert audit.actor == mentor
    assert audit.data["tandem"] == tandem.pk and audit.data["status"] == "formed"


def test_accepting_replaces_the_mentees_unseen_proposals(m):
    draft = TandemFactory(cohort=m.cohort, mentee=m.mentee, mentor=another_mentor(m), pinned=True)
    request = answer(send(m), accept=True)

    assert not Tandem.objects.filter(pk=draft.pk).exists()
    assert_formed_from(request)
    audit = AuditEvent.objects.get(action="matching.request.accept")
    assert audit.data["proposals_replaced"] == [draft.pk]


@pytest.mark.parametrize("pinned", [False, True])
def test_accepting_releases_the_mentors_unseen_proposals_beyond_the_seats_left(m, pinned):
    draft = TandemFactory(
        cohort=m.cohort, mentor=m.mentor, mentee=another_mentee(m), score=80, pinned=pinned
    )
    request = answer(send(m), accept=True)

    assert not Tandem.objects.filter(pk=draft.pk).exists()
    assert_formed_from(request)
    audit = AuditEvent.objects.get(action="matching.request.accept")
    assert audit.data["proposals_replaced"] == [draft.pk]


def test_with_seats_to_spare_the_weakest_unpinned_proposal_goes_first(m):
    m.cohort.mentees_per_mentor = 3  # two seats left once the request's tandem is formed
    m.cohort.save(update_fields=["mentees_per_mentor"])
    pinned = TandemFactory(
        cohort=m.cohort, mentor=m.mentor, mentee=another_mentee(m), score=10, pinned=True
    )
    strong = TandemFactory(
        cohort=m.cohort, mentor=m.mentor, mentee=another_mentee(m, "Paula"), score=90
    )
    weak = TandemFactory(
        cohort=m.cohort, mentor=m.mentor, mentee=another_mentee(m, "Rita"), score=40
    )

    answer(send(m), accept=True)

    assert set(Tandem.objects.filter(status=TandemStatus.PROPOSED)) == {pinned, strong}
    assert not Tandem.objects.filter(pk=weak.pk).exists()


def test_the_mentor_is_not_told_the_mentees_career_level(m):
    request = send(m)
    m.mentor.person.career_level = 5
    m.mentor.person.save(update_fields=["career_level"])

    with pytest.raises(ValidationError) as caught:
        answer(request, accept=True)

    assert caught.value.messages[1] == (
        "Reverse direction: in this cohort the mentor's career level must be below the mentee's."
    )


def test_the_seat_is_checked_again_when_the_mentor_accepts(m):
    request = send(m)
    TandemFactory(cohort=m.cohort, mentor=m.mentor, mentee=another_mentee(m), confirmed=True)

    with pytest.raises(ValidationError) as caught:
        answer(request, accept=True)

    assert "Jonas Yılmaz has no free seat left for another mentee" in caught.value.messages[0]
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
    assert not Tandem.objects.filter(mentee=m.mentee).exists()


def test_the_rules_are_checked_again_when_the_mentor_accepts(m):
    request = send(m)
    team_lead = PersonFactory(manager=m.mentee.person, career_level=4)
    m.mentor.person.manager = team_lead
    m.mentor.person.save(update_fields=["manager"])

    with pytest.raises(ValidationError) as caught:
        answer(request, accept=True)

    assert caught.value.messages == [
        "This pair now breaks a rule of the cohort:",
        "Reporting line: one partner is in the other's reporting line.",
    ]
    assert not Tandem.objects.exists()


def test_the_mentees_tandem_is_checked_again_when_the_mentor_accepts(m):
    request = send(m)
    TandemFactory(cohort=m.cohort, mentee=m.mentee, mentor=another_mentor(m), published=True)

    with pytest.raises(ValidationError, match="Marlene Müller already has a tandem"):
        answer(request, accept=True)


def test_accepting_is_refused_once_the_cohort_is_closing(m):
    request = send(m)
    m.cohort.phase = Phase.CLOSING
    m.cohort.save(update_fields=["phase"])
    with pytest.raises(ValidationError, match="no new tandems are formed"):
        answer(request, accept=True)


def test_declining_makes_the_pair_a_do_not_match_pair(m, mentor):
    request = answer(send(m), accept=False, actor=mentor)

    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED and request.answered_at
    pair = DoNotMatch.objects.get()
    assert (pair.cohort, pair.mentee, pair.mentor) == (m.cohort, m.mentee, m.mentor)
    assert pair.reason == DoNotMatchReason.REQUEST_DECLINED
    assert not Tandem.objects.exists()
    assert AuditEvent.objects.filter(action="matching.request.decline", actor=mentor).exists()


def test_after_a_decline_the_same_mentor_cannot_be_asked_again(m):
    answer(send(m), accept=False)
    with pytest.raises(ValidationError) as caught:
        send(m)
    assert any(t.startswith("Do not match:") for t in caught.value.messages)


def test_only_the_mentor_answers(m, mentee):
    request = send(m)
    with pytest.raises(ValidationError, match="Only the mentor this request was sent to"):
        answer(request, accept=True, actor=mentee)
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_a_request_is_answered_only_once(m):
    request = answer(send(m), accept=False)
    with pytest.raises(ValidationError, match=r"no longer waiting for an answer \(Declined\)"):
        answer(request, accept=True)
    assert not Tandem.objects.exists()


# With approval -----------------------------------------------------------------------------------


def test_with_approval_accepting_waits_for_the_coordinator(with_approval):
    request = answer(send(with_approval), accept=True)

    request.refresh_from_db()
    assert request.status == RequestStatus.AWAITING_APPROVAL and request.answered_at
    assert request.tandem is None and not Tandem.objects.exists()


def test_the_coordinator_approves_and_the_tandem_is_formed(with_approval, coordinator):
    request = answer(send(with_approval), accept=True)
    mentor_request_decide(request=request, approve=True, actor=coordinator)

    assert_formed_from(request)
    assert (request.decided_by, bool(request.decided_at)) == (coordinator, True)
    assert AuditEvent.objects.filter(action="matching.request.approve", actor=coordinator).exists()


def test_a_superuser_may_approve_too(with_approval, superuser):
    request = answer(send(with_approval), accept=True)
    mentor_request_decide(request=request, approve=True, actor=superuser)
    assert_formed_from(request)


def test_the_coordinator_rejects_and_nothing_is_formed(with_approval, coordinator):
    request = answer(send(with_approval), accept=True)
    mentor_request_decide(request=request, approve=False, actor=coordinator)

    request.refresh_from_db()
    assert request.status == RequestStatus.NOT_APPROVED and request.decided_by == coordinator
    assert not Tandem.objects.exists()
    assert not DoNotMatch.objects.exists()  # matching may still pair them if it fits best
    assert AuditEvent.objects.filter(action="matching.request.reject").exists()


def test_approving_checks_everything_again(with_approval, coordinator):
    request = answer(send(with_approval), accept=True)
    TandemFactory(cohort=with_approval.cohort, mentor=with_approval.mentor, confirmed=True)

    with pytest.raises(ValidationError, match="no free seat left"):
        mentor_request_decide(request=request, approve=True, actor=coordinator)
    request.refresh_from_db()
    assert request.status == RequestStatus.AWAITING_APPROVAL


@pytest.mark.parametrize("persona", ["mentor", "mentee", "sponsor", "outsider"])
def test_only_coordinators_decide(request, with_approval, persona):
    mentor_request = answer(send(with_approval), accept=True)
    with pytest.raises(ValidationError, match="Only a coordinator"):
        mentor_request_decide(
            request=mentor_request, approve=True, actor=request.getfixturevalue(persona)
        )


def test_a_pending_request_cannot_be_decided(with_approval, coordinator):
    request = send(with_approval)
    with pytest.raises(ValidationError, match=r"not waiting for approval \(Waiting for the mentor"):
        mentor_request_decide(request=request, approve=True, actor=coordinator)


def test_a_cohort_without_approval_never_asks_for_it(m, coordinator):
    request = answer(send(m), accept=True)
    with pytest.raises(ValidationError, match=r"not waiting for approval \(Tandem formed\)"):
        mentor_request_decide(request=request, approve=False, actor=coordinator)


# Withdrawing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("approval", [False, True])
def test_the_mentee_withdraws_an_open_request(m, mentee, approval):
    allow_requests(m.cohort, approval=True)
    request = send(m)
    if approval:
        request = answer(request, accept=True)
    mentor_request_withdraw(request=request, actor=mentee)

    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
    audit = AuditEvent.objects.get(action="matching.request.withdraw")
    assert audit.data["status_before"] == ("approval" if approval else "pending")
    # Free to ask someone else now.
    assert send(m, mentor=another_mentor(m)).status == RequestStatus.PENDING


def test_only_the_mentee_withdraws(m, mentor):
    request = send(m)
    with pytest.raises(ValidationError, match="Only the mentee who sent this request"):
        mentor_request_withdraw(request=request, actor=mentor)


def test_a_closed_request_cannot_be_withdrawn(m, mentee):
    request = answer(send(m), accept=True)
    with pytest.raises(ValidationError, match=r"no longer open \(Tandem formed\)"):
        mentor_request_withdraw(request=request, actor=mentee)
    assert Tandem.objects.get().status == TandemStatus.CONFIRMED


def test_a_withdrawn_request_cannot_be_answered(m, mentee):
    request = send(m)
    mentor_request_withdraw(request=request, actor=mentee)
    with pytest.raises(ValidationError, match=r"\(Withdrawn\)"):
        answer(request, accept=True)
    assert not Tandem.objects.exists()
