"""The coordinator's invitation flow in the browser: choose, preview, confirm, follow up."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.models import Invitation
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import OrgUnitFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def urls(cohort):
    return {
        name: reverse(f"enrolment:{name}", args=[cohort.pk])
        for name in (
            "cohort_invitations",
            "cohort_invitations_preview",
            "cohort_invitations_send",
            "cohort_invitations_sent",
        )
    }


def test_already_invited_people_are_shown_but_cannot_be_selected(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    invited = InvitationFactory(cohort=cohort).person
    free = PersonFactory()
    page = client_for(coordinator).get(urls(cohort)["cohort_invitations"]).content.decode()
    assert re.search(rf'value="{free.pk}" id="person-{free.pk}"\s*>', page)
    assert re.search(rf'value="{invited.pk}" id="person-{invited.pk}"\s*disabled>', page)
    assert "Invited" in page


def test_the_preview_says_how_many_are_invited_and_how_many_skipped(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    new = PersonFactory.create_batch(2)
    invited = InvitationFactory(cohort=cohort).person
    response = client_for(coordinator).post(
        urls(cohort)["cohort_invitations_preview"],
        {"person": [new[0].pk, new[1].pk, invited.pk], "scope": "selected"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "You are about to invite 2 people" in page
    assert "1 person is skipped" in page
    assert Invitation.objects.count() == 1  # the preview writes nothing
    assert mail.outbox == []


def test_everyone_matching_the_filters_can_be_invited_at_once(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    unit = OrgUnitFactory()
    PersonFactory.create_batch(3, org_unit=unit)
    InvitationFactory(cohort=cohort, person=PersonFactory(org_unit=unit))
    PersonFactory()  # elsewhere
    response = client_for(coordinator).post(
        urls(cohort)["cohort_invitations_preview"], {"scope": "all", "org_unit": unit.pk}
    )
    page = response.content.decode()
    assert "You are about to invite 3 people" in page
    assert "1 person is skipped" in page


def test_a_preview_without_a_selection_goes_back_with_advice(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    unit = OrgUnitFactory()
    response = client_for(coordinator).post(
        urls(cohort)["cohort_invitations_preview"], {"scope": "selected", "org_unit": unit.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{urls(cohort)['cohort_invitations']}?org_unit={unit.pk}"
    follow = client_for(coordinator).get(response["Location"])
    assert "Nobody is selected" in follow.content.decode()


def test_confirming_sends_and_shows_the_sent_list(
    client_for, coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    people = PersonFactory.create_batch(2)
    ids = ",".join(str(p.pk) for p in people)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(
            urls(cohort)["cohort_invitations_send"],
            {"people": ids, "message": "Wir freuen uns auf euch."},
            follow=True,
        )
    assert response.redirect_chain[-1][0] == urls(cohort)["cohort_invitations_sent"]
    page = response.content.decode()
    assert "2 invitations sent." in page
    assert people[0].last_name in page
    assert len(mail.outbox) == 2
    assert "Wir freuen uns auf euch." in mail.outbox[0].body


def test_a_double_submit_of_the_confirmation_invites_nobody_twice(
    client_for, coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    person = PersonFactory()
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls(cohort)["cohort_invitations_send"], {"people": str(person.pk)})
        response = client.post(
            urls(cohort)["cohort_invitations_send"], {"people": str(person.pk)}, follow=True
        )
    assert "0 invitations sent. 1 person was skipped" in response.content.decode()
    assert Invitation.objects.filter(person=person).count() == 1
    assert len(mail.outbox) == 1


def test_sending_before_enrolment_opens_keeps_the_message_and_explains(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.DRAFT)
    person = PersonFactory()
    response = client_for(coordinator).post(
        urls(cohort)["cohort_invitations_send"],
        {"people": str(person.pk), "message": "Mein Text, bitte nicht verlieren"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Open enrolment for this cohort first" in page
    assert "Mein Text, bitte nicht verlieren" in page
    assert not Invitation.objects.exists()


def test_the_invitation_page_warns_when_enrolment_is_not_open(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.DRAFT)
    PersonFactory()
    page = client_for(coordinator).get(urls(cohort)["cohort_invitations"]).content.decode()
    assert "Open enrolment for this cohort first" in page
    assert 'value="selected" disabled' in page


def test_filters_update_only_the_results_for_htmx(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    response = client_for(coordinator).get(
        urls(cohort)["cohort_invitations"], HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="candidate-results-title"' in page
    assert 'id="leaders-first"' in page and 'hx-swap-oob="true"' in page
    assert "HX-Request" in response["Vary"]


def test_the_sent_list_shows_status_and_can_be_filtered(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    pending = InvitationFactory(cohort=cohort, person=PersonFactory(last_name="Offen"))
    declined = InvitationFactory(
        cohort=cohort, person=PersonFactory(last_name="Abgelehnt"), status="declined"
    )
    EnrolmentFactory(cohort=cohort, person=pending.person)
    client = client_for(coordinator)
    page = client.get(urls(cohort)["cohort_invitations_sent"]).content.decode()
    assert "Offen" in page and "Abgelehnt" in page
    assert "Enrolled" in page and "Declined" in page
    filtered = client.get(urls(cohort)["cohort_invitations_sent"], {"status": "declined"})
    assert declined.person.last_name in filtered.content.decode()
    assert "Offen" not in filtered.content.decode()


@pytest.mark.parametrize(("language", "lang"), [("de", "de"), ("en", "en")])
def test_the_invitation_page_renders_in_german_and_english(client_for, coordinator, language, lang):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    response = client_for(coordinator).get(
        urls(cohort)["cohort_invitations"], HTTP_ACCEPT_LANGUAGE=language
    )
    assert f'<html lang="{lang}"' in response.content.decode()


def test_the_cohort_summary_shows_counts_and_links_to_coordinators_only(coordinator, mentee):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    InvitationFactory(cohort=cohort)
    InvitationFactory(cohort=cohort, status="declined")
    request = RequestFactory().get("/")
    html = render_to_string(
        "enrolment/invitations/_cohort_invitations_summary.html",
        {"cohort": cohort, "user": coordinator},
        request=request,
    )
    assert "2 invited" in html
    assert "1 declined" in html
    assert urls(cohort)["cohort_invitations"] in html
    assert reverse("enrolment:role_models", args=[cohort.pk]) in html
    hidden = render_to_string(
        "enrolment/invitations/_cohort_invitations_summary.html",
        {"cohort": cohort, "user": mentee},
        request=request,
    )
    assert hidden.strip() == ""


def test_participants_of_the_cohort_see_a_link_to_its_role_models(mentee, mentee_person):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    InvitationFactory(cohort=cohort, person=mentee_person)
    EnrolmentFactory(cohort=cohort, role_model_consent_at=timezone.now())
    html = render_to_string(
        "enrolment/invitations/_cohort_invitations_summary.html",
        {"cohort": cohort, "user": mentee},
        request=RequestFactory().get("/"),
    )
    assert reverse("enrolment:role_models", args=[cohort.pk]) in html
    assert urls(cohort)["cohort_invitations"] not in html
