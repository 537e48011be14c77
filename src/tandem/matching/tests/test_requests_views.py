"""The request pages at work (R16): find a mentor, the request form, my requests, the mentor's
incoming requests, the coordinator's approvals, and the links to them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.matching.models import MentorRequest, RequestStatus
from tandem.matching.tests.requests_helpers import (
    GOALS,
    OFFER,
    allow_requests,
    another_mentor,
    answer,
    send,
)
from tandem.tandems.models import Tandem


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort)
    return matching_cohort


def url(name, *args):
    return reverse(f"matching:{name}", args=args)


def html(response):
    return response.content.decode()


# Find a mentor ----------------------------------------------------------------------------------


def test_the_mentee_sees_the_mentors_as_cards_best_first(m, client_for, mentee):
    m.mentor.person.job_title = "Working student, IT"
    m.mentor.person.save(update_fields=["job_title"])
    weaker = another_mentor(m)
    weaker.teaching_offers.update(level=3)

    page = html(client_for(mentee).get(url("find_mentor", m.cohort.pk)))

    assert page.index("Jonas Yılmaz") < page.index("Ada Neumann")
    assert "Working student, IT" in page
    assert "Advanced 6" in page and m.topic.name in page
    assert "Step by step, with examples from daily work." in page
    assert "Fit for you: 55 of 100" in page
    assert url("request_new", m.cohort.pk, m.mentor.pk) in page


def test_the_topic_filter_answers_htmx_with_the_results_only(m, client_for, mentee):
    another_mentor(m).teaching_offers.all().delete()
    response = client_for(mentee).get(
        url("find_mentor", m.cohort.pk), {"q": m.topic.name_en}, HTTP_HX_REQUEST="true"
    )
    page = html(response)
    assert "<html" not in page
    assert "Jonas Yılmaz" in page and "Ada Neumann" not in page
    assert "1 mentor fits you" in page
    assert response["Vary"].count("HX-Request") == 1


def test_the_page_explains_when_the_cohort_offers_no_requests(matching_cohort, client_for, mentee):
    page = html(client_for(mentee).get(url("find_mentor", matching_cohort.cohort.pk)))
    assert "does not offer self-directed requests" in page
    assert "Jonas Yılmaz" not in page


def test_with_an_open_request_the_mentors_are_shown_without_ask_buttons(m, client_for, mentee):
    send(m, mentor=another_mentor(m))
    page = html(client_for(mentee).get(url("find_mentor", m.cohort.pk)))
    assert "You have already asked Ada Neumann" in page
    assert "Jonas Yılmaz" in page
    assert url("request_new", m.cohort.pk, m.mentor.pk) not in page


# The request form -------------------------------------------------------------------------------


def test_the_form_shows_the_mentor_and_sends_the_request(m, client_for, mentee):
    client = client_for(mentee)
    form_url = url("request_new", m.cohort.pk, m.mentor.pk)
    page = html(client.get(form_url))
    assert "Ask Jonas Yılmaz to be your mentor" in page
    assert 'name="goals"' in page and 'name="offer"' in page
    assert page.count('maxlength="2000"') == 2  # the same limit as every other written text

    response = client.post(form_url, {"goals": GOALS, "offer": OFFER})

    assert response.status_code == 302
    assert response["Location"] == url("my_requests", m.cohort.pk)
    request = MentorRequest.objects.get()
    assert (request.mentee, request.mentor, request.goals) == (m.mentee, m.mentor, GOALS)


def test_a_refused_request_keeps_what_was_typed(m, client_for, mentee):
    typed = "Ich möchte <Prompts> lernen & verstehen."
    response = client_for(mentee).post(
        url("request_new", m.cohort.pk, m.mentor.pk), {"goals": typed, "offer": ""}
    )
    page = html(response)
    assert response.status_code == 400
    assert not MentorRequest.objects.exists()
    assert 'role="alert"' in page and "The request was not sent" in page
    assert "Write what you offer in return" in page
    assert "Ich möchte &lt;Prompts&gt; lernen &amp; verstehen." in page


def test_too_long_a_text_is_refused_and_kept_whole(m, client_for, mentee):
    long_text = "Viel zu lernen. " * 130  # 2,080 characters
    response = client_for(mentee).post(
        url("request_new", m.cohort.pk, m.mentor.pk), {"goals": long_text, "offer": OFFER}
    )
    page = html(response)
    assert response.status_code == 400
    assert "at most 2,000 characters, you wrote 2,079" in page  # trimmed at the end
    assert long_text.strip() in page


def test_a_rule_problem_after_typing_is_shown_with_the_text_kept(m, client_for, mentee):
    client = client_for(mentee)
    form_url = url("request_new", m.cohort.pk, m.mentor.pk)
    m.mentor.availability = ["fri-evening"]
    m.mentor.save(update_fields=["availability"])
    response = client.post(form_url, {"goals": GOALS, "offer": OFFER})
    page = html(response)
    assert response.status_code == 400
    assert "Availability: the partners have no common time slot." in page
    assert GOALS in page and OFFER in page


def test_the_form_for_a_mentor_who_does_not_fit_says_why(m, client_for, mentee):
    m.mentor.languages = ["fr"]
    m.mentor.save(update_fields=["languages"])
    page = html(client_for(mentee).get(url("request_new", m.cohort.pk, m.mentor.pk)))
    assert "Language: the partners have no language in common." in page
    assert 'name="goals"' not in page


def test_a_mentor_of_another_cohort_is_not_found(m, client_for, mentee):
    from tandem.tandems.tests.factories import TandemFactory

    stranger = TandemFactory().mentor
    response = client_for(mentee).get(url("request_new", m.cohort.pk, stranger.pk))
    assert response.status_code == 404


# My requests ------------------------------------------------------------------------------------


def test_my_requests_lists_them_and_withdraws_an_open_one(m, client_for, mentee):
    request = send(m)
    client = client_for(mentee)
    page = html(client.get(url("my_requests", m.cohort.pk)))
    assert "To Jonas Yılmaz" in page and "Waiting for the mentor" in page
    assert GOALS in page and OFFER in page
    assert url("request_withdraw", request.pk) in page

    response = client.post(url("request_withdraw", request.pk), follow=True)

    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
    assert "Your request to Jonas Yılmaz is withdrawn" in html(response)


def test_withdrawing_twice_says_why_not(m, client_for, mentee):
    request = send(m)
    client = client_for(mentee)
    client.post(url("request_withdraw", request.pk))
    response = client.post(url("request_withdraw", request.pk), follow=True)
    assert "This request is no longer open (Withdrawn)" in html(response)


# The mentor -------------------------------------------------------------------------------------


def test_the_mentor_sees_who_asks_with_goals_and_offer_but_never_levels(m, client_for, mentor):
    m.mentee.person.job_title = "Head of Sales"
    m.mentee.person.save(update_fields=["job_title"])
    request = send(m)

    page = html(client_for(mentor).get(url("incoming_requests", m.cohort.pk)))

    assert "Marlene Müller" in page and "Head of Sales" in page
    assert GOALS in page and OFFER in page
    assert url("request_answer", request.pk) in page
    # Marlene's self-assessed levels (current 2, target 5) are hers alone.
    for private in ("Foundation 2", "Advanced 5", "current level", "target level", m.topic.name):
        assert private not in page, private


def test_the_mentor_accepts_on_the_page(m, client_for, mentor):
    request = send(m)
    response = client_for(mentor).post(
        url("request_answer", request.pk), {"answer": "accept"}, follow=True
    )
    assert "your tandem is formed" in html(response)
    assert Tandem.objects.get().mentee == m.mentee


def test_the_mentor_declines_on_the_page(m, client_for, mentor):
    request = send(m)
    response = client_for(mentor).post(
        url("request_answer", request.pk), {"answer": "decline"}, follow=True
    )
    assert "You have declined the request of Marlene Müller" in html(response)
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED


def test_an_unknown_answer_is_a_bad_request(m, client_for, mentor):
    request = send(m)
    response = client_for(mentor).post(url("request_answer", request.pk), {"answer": "maybe"})
    assert response.status_code == 400
    assert "Accept" in html(response)
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_a_refused_accept_comes_back_with_the_reason(m, client_for, mentor):
    from tandem.tandems.tests.factories import TandemFactory

    request = send(m)
    TandemFactory(cohort=m.cohort, mentor=m.mentor, confirmed=True)
    response = client_for(mentor).post(
        url("request_answer", request.pk), {"answer": "accept"}, follow=True
    )
    assert "no free seat left for another mentee" in html(response)


# The coordinator --------------------------------------------------------------------------------


def test_the_coordinator_approves_on_the_page(m, client_for, coordinator):
    allow_requests(m.cohort, approval=True)
    request = answer(send(m), accept=True)
    client = client_for(coordinator)

    page = html(client.get(url("cohort_requests", m.cohort.pk)))
    assert "Marlene Müller (mentee) with Jonas Yılmaz (mentor)" in page
    assert "Score: 65 of 100" in page
    assert GOALS not in page and OFFER not in page  # between mentee and mentor

    response = client.post(url("request_decide", request.pk), {"decision": "approve"}, follow=True)
    assert "are now a tandem" in html(response)
    request.refresh_from_db()
    assert request.status == RequestStatus.FORMED


def test_the_approval_list_shows_what_stands_in_the_way(m, client_for, coordinator):
    from tandem.tandems.tests.factories import TandemFactory

    allow_requests(m.cohort, approval=True)
    answer(send(m), accept=True)
    TandemFactory(cohort=m.cohort, mentor=m.mentor, confirmed=True)
    page = html(client_for(coordinator).get(url("cohort_requests", m.cohort.pk)))
    assert "no free seat left" in page and "disabled" in page


def test_the_coordinator_rejects_on_the_page(m, client_for, coordinator):
    allow_requests(m.cohort, approval=True)
    request = answer(send(m), accept=True)
    client_for(coordinator).post(url("request_decide", request.pk), {"decision": "reject"})
    request.refresh_from_db()
    assert request.status == RequestStatus.NOT_APPROVED


def test_an_unknown_decision_is_a_bad_request(m, client_for, coordinator):
    allow_requests(m.cohort, approval=True)
    request = answer(send(m), accept=True)
    response = client_for(coordinator).post(url("request_decide", request.pk), {"decision": "x"})
    assert response.status_code == 400


# Links from the rest of the app -----------------------------------------------------------------


def test_the_cohort_page_links_an_active_mentee_to_find_a_mentor(m, client_for, mentee):
    page = html(client_for(mentee).get(reverse("programs:cohort_detail", args=[m.cohort.pk])))
    assert "Find a mentor yourself" in page and url("find_mentor", m.cohort.pk) in page


def test_the_cohort_page_has_no_such_link_where_requests_are_off(
    matching_cohort, client_for, mentee
):
    cohort_url = reverse("programs:cohort_detail", args=[matching_cohort.cohort.pk])
    page = html(client_for(mentee).get(cohort_url))
    assert url("find_mentor", matching_cohort.cohort.pk) not in page


def test_the_cohort_page_links_the_mentor_to_the_requests_with_a_count(m, client_for, mentor):
    send(m)
    page = html(client_for(mentor).get(reverse("programs:cohort_detail", args=[m.cohort.pk])))
    assert url("incoming_requests", m.cohort.pk) in page
    assert url("find_mentor", m.cohort.pk) not in page
    assert '<span class="badge">1</span>' in page


def test_my_programs_links_to_find_a_mentor(m, client_for, mentee):
    page = html(client_for(mentee).get(reverse("enrolment:my_cohorts")))
    assert url("find_mentor", m.cohort.pk) in page


def test_the_coordinators_cohort_page_counts_the_requests(m, client_for, coordinator):
    allow_requests(m.cohort, approval=True)
    answer(send(m), accept=True)
    page = html(client_for(coordinator).get(reverse("programs:cohort_detail", args=[m.cohort.pk])))
    assert "1 request awaits your approval." in page
    assert url("cohort_requests", m.cohort.pk) in page


def test_the_mentor_no_longer_sees_the_open_request_of_a_mentee_who_left(m, client_for, mentor):
    from tandem.matching.withdrawal.services import enrolment_withdraw

    send(m)
    enrolment_withdraw(enrolment=m.mentee, actor=None, reason="")
    page = html(client_for(mentor).get(url("incoming_requests", m.cohort.pk)))
    assert "Marlene Müller" not in page
    assert "No request is waiting for your answer." in page
