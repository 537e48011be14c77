"""Asking the cohort's contact for help from the space (R25): the partner learns nothing unless
the asker says so."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.people.models import Person
from tandem.tandems.models import TandemStatus
from tandem.workspace.access import space_for
from tandem.workspace.help.models import HelpRequest, HelpStatus
from tandem.workspace.help.services import help_request_create
from tandem.workspace.help.tests.conftest import SECRET
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def help_url(formed):
    return reverse("workspace:help", args=[formed.key])


def _ask(client, formed, partner, text=SECRET):
    return client.post(help_url(formed), {"text": text, "partner": partner})


def test_the_page_says_who_reads_it_and_offers_both_choices_without_a_default(
    formed, mentee, client_for
):
    html = client_for(mentee).get(help_url(formed)).content.decode()
    assert "Clara Koordinatorin" in html and "nobody else" in html
    assert "Don&#x27;t tell my partner" in html and "Tell my partner that I asked" in html
    assert "checked" not in html  # no choice made for the asker


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_either_partner_asks_and_the_contact_gets_an_email_without_the_text(
    formed, space_roles, client_for, role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client_for(space_roles[role]), formed, "dont_tell")
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert (request.text, request.partner_told, request.status) == (SECRET, False, "open")
    [message] = mail.outbox
    assert message.to == [formed.cohort.coordinator.email]
    assert SECRET not in message.body and SECRET not in message.subject
    assert reverse("workspace:help_inbox", args=[formed.cohort.pk]) in message.body
    assert "hat um Hilfe gebeten" in message.subject  # the cohort writes German first
    assert space_roles[role].email not in message.body  # not who asked either


def test_without_a_choice_or_a_text_nothing_is_sent_and_the_page_says_why(
    formed, mentee, client_for
):
    client = client_for(mentee)
    response = client.post(help_url(formed), {"text": SECRET})
    assert response.status_code == 400
    assert "Nothing is shared unless you choose so" in response.content.decode()
    response = _ask(client, formed, "tell", text="   ")
    assert response.status_code == 400 and "empty request" in response.content.decode()
    response = _ask(client, formed, "tell", text="x" * 2001)
    assert response.status_code == 400 and "at most 2,000 characters" in response.content.decode()
    assert not HelpRequest.objects.exists() and not mail.outbox


def test_a_quiet_request_leaves_no_trace_for_the_partner(asked, mentor, client_for):
    formed = asked.formed
    client = client_for(mentor)
    pages = [
        client.get(reverse("workspace:page", args=[formed.key])).content.decode(),
        client.get(help_url(formed)).content.decode(),
        client.get(reverse("workspace:coordinator_sees", args=[formed.key])).content.decode(),
    ]
    for html in pages:
        assert SECRET not in html
        assert "contact person for help on" not in html
        assert "Your requests:" not in html
        assert "1 open" not in html
    assert "You have not asked for help" in pages[1]
    # The only e-mail went to the contact.
    assert [m.to for m in mail.outbox] == [[formed.cohort.coordinator.email]]
    audit = AuditEvent.objects.get(action="workspace.help.ask")
    assert SECRET not in str(audit.data) and audit.data["partner_told"] is False
    assert audit.actor is None and "tandem" not in audit.data  # not who asked, nor where


def test_a_told_partner_sees_that_and_when_never_what(formed, mentee, mentor, client_for):
    _ask(client_for(mentee), formed, "tell")
    client = client_for(mentor)
    for url in (reverse("workspace:page", args=[formed.key]), help_url(formed)):
        html = client.get(url).content.decode()
        assert "Marlene asked the cohort's contact person for help on" in html
        assert SECRET not in html


def test_the_asker_sees_the_status_of_their_requests_never_the_remark(asked, mentee, client_for):
    HelpRequest.objects.filter(pk=asked.request.pk).update(
        status=HelpStatus.IN_PROGRESS, remark="Remark for the contact only"
    )
    client = client_for(mentee)
    html = client.get(help_url(asked.formed)).content.decode()
    assert SECRET in html and "in progress" in html and "Remark for the contact" not in html
    card = client.get(reverse("workspace:page", args=[asked.formed.key])).content.decode()
    assert "1 in progress" in card and "Remark for the contact" not in card


def test_without_a_usable_contact_the_request_is_refused_with_a_reason(formed, mentee, client_for):
    # The coordinator left the company: a leaver is nobody's contact.
    Person.objects.filter(email=formed.cohort.coordinator.email).update(is_active=False)
    response = _ask(client_for(mentee), formed, "dont_tell")
    assert response.status_code == 400
    assert "no contact person at the moment" in response.content.decode()
    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused_the_help_page(formed, space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(help_url(formed)).status_code == 403
    assert _ask(client, formed, "tell").status_code == 403
    assert not HelpRequest.objects.exists()


def test_an_ended_tandem_keeps_its_requests_readable_and_takes_no_new_one(
    asked, mentee, client_for
):
    formed = asked.formed
    formed.tandem.status, formed.tandem.ended_at = TandemStatus.ENDED, timezone.now()
    formed.tandem.save(update_fields=["status", "ended_at"])
    client = client_for(mentee)
    assert SECRET in client.get(help_url(formed)).content.decode()
    assert _ask(client, formed, "tell").status_code == 403


def test_the_help_page_speaks_german(formed, mentee, client_for):
    client = client_for(mentee)
    html = client.get(help_url(formed), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Um Hilfe bitten" in html


def _partner_pages(client, formed) -> list[str]:
    urls = [
        reverse("workspace:page", args=[formed.key]),
        help_url(formed),
        reverse("workspace:coordinator_sees", args=[formed.key]),
        reverse("tandems:mine"),
    ]
    token = re.compile(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"')
    return [token.sub("", client.get(url).content.decode()) for url in urls]


def test_the_partners_pages_are_the_same_before_and_after_a_quiet_request(
    formed, mentee, mentor, client_for, django_capture_on_commit_callbacks
):
    before = _partner_pages(client_for(mentor), formed)
    with django_capture_on_commit_callbacks(execute=True):
        help_request_create(
            space=space_for(user=mentee, key=formed.key),
            text=SECRET,
            partner_told=False,
            actor=mentee,
        )
    assert HelpRequest.objects.count() == 1
    assert _partner_pages(client_for(mentor), formed) == before
    assert all(message.to != [formed.tandem.mentor.person.email] for message in mail.outbox)
