"""What the partners read on their tandem pages, and the answers through the pages: accept,
decline with a confirmation step, the virtual coffee, confirm (R1, R3, R13)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tandem.tandems.models import PartnerAnswer, TandemStatus
from tandem.tandems.tests.answers_helpers import accept_both, in_days, rich_pair

pytestmark = pytest.mark.django_db


def page(client, tandem) -> str:
    response = client.get(reverse("tandems:detail", args=[tandem.pk]))
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, element_id: str) -> str:
    """The text of the element with this id (tags removed, whitespace folded)."""
    match = re.search(rf'id="{element_id}".*?</(article|section)>', html, re.S)
    assert match, element_id
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())


def post(client, name, tandem, data=None, follow=True):
    return client.post(reverse(name, args=[tandem.pk]), data or {}, follow=follow)


def test_the_mentee_reads_who_and_why_without_any_score(
    client_for, mentee, coordinator, mentee_person, mentor_person
):
    mentor_person.job_title = "Werkstudent IT"
    mentor_person.save(update_fields=["job_title"])
    tandem = rich_pair(coordinator, mentee_person, mentor_person)
    tandem.score, tandem.breakdown = 87.25, {"coverage": 45.0, "interests": 6.25}
    tandem.save(update_fields=["score", "breakdown"])

    html = page(client_for(mentee), tandem)

    assert "Tandem with Jonas Yılmaz" in html
    assert "Werkstudent IT" in html
    assert "Please answer" in html
    assert "We suggest Jonas Yılmaz as your mentor" in html
    reasons = section(html, "reasons")
    assert "AI assistants: Jonas teaches it at level 8; your target is level 7." in reasons
    assert "What Jonas would like to learn from you Leadership" in reasons
    assert "Mit Beispielen aus dem Alltag." in reasons
    assert "Jazz, Kochen" in reasons
    assert "Tuesday, Midday (11–14)" in reasons
    assert "different parts of the company" in reasons
    assert "Clara Koordinatorin (clara.coordinator@example.com)" in html
    for number in (r"87[.,]25", r"87", r"45[.,]0", r"6[.,]25"):  # the score and its points
        assert not re.search(rf"(?<![\w.,]){number}(?![\w.,]|[.,]\d)", html), number
    assert mentor_person.email not in html  # contact details once both accepted


def test_the_mentors_page_never_shows_the_mentees_current_level(
    client_for, mentor, coordinator, mentee_person, mentor_person
):
    tandem = rich_pair(coordinator, mentee_person, mentor_person)  # Marlene is now at 3 and 2

    html = page(client_for(mentor), tandem)

    reasons = section(html, "reasons")
    assert "AI assistants: Marlene would like to reach level 7; you teach it at level 8." in reasons
    assert (
        "Excel formulas: Marlene would like to reach level 4; you teach it at level 5." in reasons
    )
    assert "What Marlene can give back that you would like to learn Leadership" in reasons
    assert not re.search(r"\b[23]\b", reasons)
    assert not re.search(r"level [123]\b", html)
    assert "Search engine optimisation" not in html  # a need he does not teach stays hers
    assert "Mit Beispielen" not in html  # his own teaching profile is no reason for him


def test_the_partners_answer_does_not_show_before_both_accepted(
    client_for, mentee, mentor, proposal
):
    before = section(page(client_for(mentor), proposal), "state")
    post(client_for(mentee), "proposals:accept", proposal)

    after = section(page(client_for(mentor), proposal), "state")
    assert after == before
    assert "Please answer" in after
    mentee_state = section(page(client_for(mentee), proposal), "state")
    assert "You accepted – waiting for your partner" in mentee_state
    # Waiting implies nothing bad about the partner.
    assert "declined" not in mentee_state and "not go ahead" not in mentee_state


def test_accept_coffee_and_confirm_through_the_pages(client_for, mentee, mentor, proposal):
    response = post(client_for(mentee), "proposals:accept", proposal)
    assert "We will let you know by e-mail" in response.content.decode()
    assert "Suggest a virtual coffee" not in response.content.decode()

    response = post(client_for(mentor), "proposals:accept", proposal)
    html = response.content.decode()
    assert "You have both accepted" in html
    assert "Both accepted – meet for a virtual coffee, then confirm" in html
    assert "Suggest a virtual coffee" in html
    assert "marlene" in html.lower() and proposal.mentee.person.email in html

    at = in_days(4, hour=16)
    response = post(
        client_for(mentor),
        "proposals:coffee",
        proposal,
        {"at": at.strftime("%Y-%m-%dT%H:%M"), "place": "https://teams.example/xyz"},
    )
    html = response.content.decode()
    assert "The virtual coffee is saved" in html
    assert 'href="https://teams.example/xyz"' in html
    assert reverse("tandems:coffee_ics", args=[proposal.pk]) in html
    proposal.refresh_from_db()
    assert proposal.coffee_at == at

    html = post(client_for(mentor), "proposals:confirm", proposal).content.decode()
    assert "formed as soon as your partner confirms too" in html
    assert "You confirmed – waiting for your partner" in html
    html = post(client_for(mentee), "proposals:confirm", proposal).content.decode()
    assert "Your tandem is formed" in html
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.CONFIRMED


def test_a_wrong_coffee_shows_what_is_wrong_and_keeps_the_input(client_for, mentee, proposal):
    accept_both(proposal)
    response = post(
        client_for(mentee),
        "proposals:coffee",
        proposal,
        {"at": "2020-01-01T10:00", "place": "Café in building B"},
        follow=False,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "must be in the future" in html
    assert 'value="Café in building B"' in html
    assert 'value="2020-01-01T10:00"' in html
    proposal.refresh_from_db()
    assert proposal.coffee_at is None


def test_an_unreadable_coffee_time_is_explained(client_for, mentee, proposal):
    accept_both(proposal)
    response = post(
        client_for(mentee),
        "proposals:coffee",
        proposal,
        {"at": "next Tuesday", "place": ""},
        follow=False,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter it like 14.05.2026 09:30." in html
    assert "video link or a place" in html


def test_the_coffee_form_waits_for_both_acceptances(client_for, mentee, proposal):
    post(client_for(mentee), "proposals:accept", proposal)
    response = post(
        client_for(mentee),
        "proposals:coffee",
        proposal,
        {"at": in_days(2).strftime("%Y-%m-%dT%H:%M"), "place": "Teams"},
        follow=False,
    )
    assert response.status_code == 400
    assert "once you have both accepted" in response.content.decode()


def test_declining_asks_first_and_says_that_nobody_learns_who(client_for, mentor, proposal):
    response = post(client_for(mentor), "proposals:decline", proposal, follow=False)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Decline the proposal?" in html
    assert "Your partner will not learn who declined" in html
    assert 'name="sure" value="yes"' in html
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.PUBLISHED  # nothing has happened yet


def test_declining_dissolves_and_both_pages_read_the_same(client_for, mentee, mentor, proposal):
    post(client_for(mentor), "proposals:accept", proposal)
    response = post(client_for(mentee), "proposals:decline", proposal, {"sure": "yes"})

    assert "does not learn who declined" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.DISSOLVED
    assert proposal.mentee_answer == PartnerAnswer.DECLINED
    states = [section(page(client_for(user), proposal), "state") for user in (mentee, mentor)]
    assert states[0] == states[1]
    assert "This proposal will not go ahead" in states[0]
    assert "new match" in states[0]


def test_a_refused_answer_is_explained_on_the_page(client_for, mentee, proposal):
    post(client_for(mentee), "proposals:accept", proposal)
    response = post(client_for(mentee), "proposals:accept", proposal)
    assert "already accepted this proposal" in response.content.decode()


def test_my_tandems_lists_current_and_earlier_ones(client_for, mentee, proposal):
    html = client_for(mentee).get(reverse("tandems:mine")).content.decode()
    assert "Jonas Yılmaz" in html and "your mentor" in html and "Please answer" in html
    assert "Earlier proposals" not in html

    post(client_for(mentee), "proposals:decline", proposal, {"sure": "yes"})
    html = client_for(mentee).get(reverse("tandems:mine")).content.decode()
    assert "Earlier proposals and tandems" in html
    assert "You have no tandem proposal at the moment" in html


def test_the_navigation_and_the_enrolment_page_lead_to_the_tandem(client_for, mentee, proposal):
    client = client_for(mentee)
    home = client.get(reverse("tandems:mine")).content.decode()
    assert f'href="{reverse("tandems:mine")}" aria-current="page"' in home
    enrolment_page = client.get(
        reverse("enrolment:enrolment_detail", args=[proposal.mentee.pk])
    ).content.decode()
    assert reverse("tandems:detail", args=[proposal.pk]) in enrolment_page


def test_the_coordinator_reading_an_enrolment_does_not_see_the_answer_state(
    client_for, coordinator, mentee, proposal
):
    post(client_for(mentee), "proposals:accept", proposal)
    html = client_for(coordinator).get(
        reverse("enrolment:enrolment_detail", args=[proposal.mentee.pk])
    )
    assert html.status_code == 200
    text = html.content.decode()
    assert reverse("tandems:detail", args=[proposal.pk]) not in text
    assert "You accepted" not in text
