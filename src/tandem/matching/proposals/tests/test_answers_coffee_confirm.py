"""After both accepted: the optional virtual coffee, then both confirm and the tandem is formed
(R13)."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.matching.proposals.services import (
    tandem_accept,
    tandem_coffee_set,
    tandem_confirm,
    tandem_decline,
)
from tandem.matching.tests.requests_helpers import (
    GOALS,
    OFFER,
    allow_requests,
    another_mentee,
    another_mentor,
    send,
)
from tandem.tandems.models import TandemStatus
from tandem.tandems.tests.answers_helpers import (
    COORDINATOR_EMAIL,
    accept_both,
    in_days,
    mails_to,
    publish,
)

pytestmark = pytest.mark.django_db


def set_coffee(tandem, at, place="Teams", by=None):
    return tandem_coffee_set(
        tandem=tandem, enrolment=by or tandem.mentor, at=at, place=place, actor=None
    )


def problems(caught) -> dict:
    return caught.value.message_dict


def test_a_coffee_needs_both_acceptances_first(proposal):
    tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    with pytest.raises(ValidationError) as caught:
        set_coffee(proposal, in_days(3), by=proposal.mentee)
    assert "once you have both accepted" in caught.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.coffee_at is None


def test_either_partner_sets_the_coffee_and_the_other_gets_the_calendar_entry(
    proposal, django_capture_on_commit_callbacks
):
    accept_both(proposal)
    at = in_days(3, hour=9)
    with django_capture_on_commit_callbacks(execute=True):
        set_coffee(proposal, at, place="  https://teams.example/abc  ", by=proposal.mentee)

    proposal.refresh_from_db()
    assert proposal.coffee_at == at
    assert proposal.coffee_place == "https://teams.example/abc"
    assert mails_to(proposal.mentee.person.email) == []
    [note] = mails_to(proposal.mentor.person.email)
    assert note.subject == "Virtual coffee with Marlene Müller"
    assert "https://teams.example/abc" in note.body
    [(filename, content, mimetype)] = note.attachments
    assert filename == f"virtual-coffee-{proposal.pk}.ics"
    assert mimetype.startswith("text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == at
    assert str(event["summary"]) == "Virtual coffee with Marlene Müller"
    assert str(event["location"]) == "https://teams.example/abc"
    [audit] = AuditEvent.objects.filter(action="tandem.coffee_set")
    assert audit.actor is None
    assert audit.data == {"cohort": proposal.cohort_id, "changed": False}


def test_the_coffee_can_be_moved_by_the_other_partner(proposal):
    accept_both(proposal)
    set_coffee(proposal, in_days(3), by=proposal.mentee)
    set_coffee(proposal, in_days(5), place="Café in building B", by=proposal.mentor)
    proposal.refresh_from_db()
    assert proposal.coffee_at == in_days(5)
    assert proposal.coffee_place == "Café in building B"
    trail = AuditEvent.objects.filter(action="tandem.coffee_set").order_by("id")
    assert [event.data["changed"] for event in trail] == [False, True]


def test_a_coffee_in_the_past_is_refused(proposal):
    accept_both(proposal)
    with pytest.raises(ValidationError) as caught:
        set_coffee(proposal, timezone.now() - datetime.timedelta(minutes=1))
    assert problems(caught) == {
        "at": ["The virtual coffee must be in the future. Choose a later date and time."]
    }


def test_a_coffee_after_the_cohort_ends_is_refused_naming_the_end(proposal):
    accept_both(proposal)
    ends_on = proposal.cohort.ends_on
    after = timezone.make_aware(
        datetime.datetime.combine(ends_on + datetime.timedelta(days=1), datetime.time(9))
    )
    with pytest.raises(ValidationError) as caught:
        set_coffee(proposal, after)
    [message] = problems(caught)["at"]
    assert "before the cohort ends on" in message
    assert str(ends_on.year) in message
    # The last day itself is fine.
    on_the_last_day = timezone.make_aware(datetime.datetime.combine(ends_on, datetime.time(17)))
    set_coffee(proposal, on_the_last_day)


def test_a_coffee_needs_a_time_and_a_place(proposal):
    accept_both(proposal)
    with pytest.raises(ValidationError) as caught:
        set_coffee(proposal, None, place="   ")
    assert set(problems(caught)) == {"at", "place"}
    assert "Enter the date and time" in problems(caught)["at"][0]
    assert "video link or a place" in problems(caught)["place"][0]


def test_a_too_long_place_is_refused_with_the_numbers(proposal):
    accept_both(proposal)
    with pytest.raises(ValidationError) as caught:
        set_coffee(proposal, in_days(2), place="x" * 301)
    assert "at most 300 characters, you entered 301" in problems(caught)["place"][0]


def test_a_naive_time_is_read_as_local_time(proposal):
    accept_both(proposal)
    local = in_days(2, hour=14)
    set_coffee(proposal, timezone.make_naive(local))
    proposal.refresh_from_db()
    assert proposal.coffee_at == local


def test_confirming_needs_both_acceptances(proposal):
    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    with pytest.raises(ValidationError) as caught:
        tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert "once you have both accepted" in caught.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.mentor_confirmed_at is None


def test_the_first_confirmation_only_stamps_that_partner(
    proposal, django_capture_on_commit_callbacks
):
    accept_both(proposal)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tandem_confirm(tandem=proposal, enrolment=proposal.mentee, actor=None)
    proposal.refresh_from_db()
    assert proposal.mentee_confirmed_at is not None
    assert proposal.mentor_confirmed_at is None
    assert proposal.status == TandemStatus.PUBLISHED
    assert proposal.confirmed_at is None
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(action="tandem.formed").exists()


def test_the_second_confirmation_forms_the_tandem_and_tells_both(
    proposal, django_capture_on_commit_callbacks
):
    accept_both(proposal)
    tandem_confirm(tandem=proposal, enrolment=proposal.mentee, actor=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        formed = tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)

    assert formed.status == TandemStatus.CONFIRMED
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.CONFIRMED
    assert proposal.confirmed_at == proposal.mentor_confirmed_at
    [audit] = AuditEvent.objects.filter(action="tandem.formed")
    assert audit.actor is None
    assert audit.data == {"cohort": proposal.cohort_id, "had_coffee": False}
    [to_mentee] = mails_to(proposal.mentee.person.email)
    [to_mentor] = mails_to(proposal.mentor.person.email)
    assert to_mentee.subject.startswith("Your tandem is formed")
    assert "your tandem with Jonas Yılmaz" in to_mentee.body
    assert "your tandem with Marlene Müller" in to_mentor.body


def test_confirming_twice_is_refused(proposal):
    accept_both(proposal)
    tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    with pytest.raises(ValidationError) as caught:
        tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert "already confirmed" in caught.value.messages[0]


def test_a_formed_tandem_takes_no_more_answers(proposal):
    accept_both(proposal)
    for partner in (proposal.mentee, proposal.mentor):
        tandem_confirm(tandem=proposal, enrolment=partner, actor=None)
    for service in (tandem_accept, tandem_decline, tandem_confirm):
        with pytest.raises(ValidationError, match="already formed"):
            service(tandem=proposal, enrolment=proposal.mentee, actor=None)
    with pytest.raises(ValidationError, match="already formed"):
        set_coffee(proposal, in_days(2))


def test_a_decline_after_one_confirmation_leaves_no_trace_of_who(proposal):
    accept_both(proposal)
    tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.DISSOLVED
    assert proposal.mentor_confirmed_at is None and proposal.mentee_confirmed_at is None


def test_the_coffee_mail_does_not_reply_to_the_coordinator(
    proposal, django_capture_on_commit_callbacks
):
    """It carries the meeting place or link, which is the partners' business; the other mails of
    the answers keep the coordinator as Reply-To."""
    accept_both(proposal)
    with django_capture_on_commit_callbacks(execute=True):
        set_coffee(proposal, in_days(3), place="https://teams.example/abc", by=proposal.mentee)
    [note] = mails_to(proposal.mentor.person.email)
    assert "https://teams.example/abc" in note.body
    assert note.reply_to == []
    assert note.extra_headers == {"Content-Language": "en"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for partner in (proposal.mentee, proposal.mentor):
            tandem_confirm(tandem=proposal, enrolment=partner, actor=None)
    formed = mails_to(proposal.mentee.person.email) + mails_to(proposal.mentor.person.email)
    assert len(formed) == 2
    assert [message.reply_to for message in formed] == [[COORDINATOR_EMAIL], [COORDINATOR_EMAIL]]


def test_forming_the_tandem_closes_the_mentees_open_requests(english_cohort):
    """A mentee has one tandem per cohort: a request to another mentor, sent while the proposal
    was still unseen, ends as withdrawn (audited without an actor, like the formation)."""
    m = english_cohort
    allow_requests(m.cohort)
    ada = another_mentor(m)
    own = send(m, mentor=ada)
    other = MentorRequest.objects.create(
        cohort=m.cohort, mentee=another_mentee(m), mentor=ada, goals=GOALS, offer=OFFER
    )
    tandem = accept_both(publish(m.cohort, m.mentee, m.mentor))
    tandem_confirm(tandem=tandem, enrolment=tandem.mentee, actor=None)
    own.refresh_from_db()
    assert own.status == RequestStatus.PENDING  # not formed yet: the request still stands

    tandem_confirm(tandem=tandem, enrolment=tandem.mentor, actor=None)

    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == RequestStatus.WITHDRAWN
    assert other.status == RequestStatus.PENDING  # another mentee's request is not touched
    [audit] = AuditEvent.objects.filter(action="matching.request.withdraw")
    assert audit.target_id == str(own.pk)
    assert audit.actor is None
    assert audit.data == {
        "cohort": m.cohort.pk,
        "mentee": m.mentee.pk,
        "mentor": ada.pk,
        "status": RequestStatus.WITHDRAWN,
        "status_before": RequestStatus.PENDING,
        "by_tandem": tandem.pk,
    }
