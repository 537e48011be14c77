"""The personal link: readable without sign-in, one-click decline, never enrols by itself."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus
from tandem.enrolment.invitations.services import invitation_decline, invitation_mark_accepted
from tandem.enrolment.models import Enrolment, Invitation
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def link(invitation, name="enrolment:invitation"):
    return reverse(name, args=[invitation.token])


def test_anyone_with_the_link_sees_the_invitation_without_signing_in(client, coordinator):
    program = ProgramFactory(purpose="Juniors mentor seniors on AI.")
    invitation = InvitationFactory(
        cohort=CohortFactory(phase=Phase.ENROLMENT_OPEN, program=program, coordinator=coordinator),
        person=PersonFactory(first_name="Marlene"),
    )
    response = client.get(link(invitation))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hello Marlene" in page
    assert "Juniors mentor seniors on AI." in page
    assert coordinator.email in page
    assert "Yes, I want to take part" in page or "enrolment form is not available" in page
    assert "No, thank you" in page
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_visiting_the_link_never_enrols_or_answers(client, mentee, mentee_person):
    invitation = InvitationFactory(person=mentee_person)
    client.get(link(invitation))
    client.force_login(mentee)
    client.get(link(invitation))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert invitation.responded_at is None
    assert not Enrolment.objects.exists()


def test_yes_leads_to_the_enrolment_form_when_it_exists(client):
    invitation = InvitationFactory()
    page = client.get(link(invitation)).content.decode()
    try:
        enrol_url = reverse("enrolment:enrol", args=[invitation.cohort.pk])
    except Exception:  # the enrolment form is built separately; the page must cope without it
        assert "enrolment form is not available" in page
    else:
        assert f'href="{enrol_url}"' in page


def test_declining_takes_one_click_and_no_sign_in(client):
    invitation = InvitationFactory()
    response = client.post(link(invitation, "enrolment:invitation_decline"))
    assert response.status_code == 302
    assert response["Location"] == link(invitation, "enrolment:invitation_declined")
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.responded_at is not None
    assert not Enrolment.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Thank you for letting us know" in page


def test_declining_twice_changes_nothing_the_second_time(client):
    invitation = InvitationFactory()
    client.post(link(invitation, "enrolment:invitation_decline"))
    invitation.refresh_from_db()
    first_answer = invitation.responded_at
    response = client.post(link(invitation, "enrolment:invitation_decline"))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.responded_at == first_answer
    assert AuditEvent.objects.filter(action="invitation.decline").count() == 1


def test_declining_is_not_possible_with_a_get_request(client):
    invitation = InvitationFactory()
    assert client.get(link(invitation, "enrolment:invitation_decline")).status_code == 405
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT


def test_after_declining_the_person_can_still_change_their_mind(client):
    invitation = InvitationFactory(
        status=InvitationStatus.DECLINED, responded_at="2030-01-01T10:00:00Z"
    )
    page = client.get(link(invitation)).content.decode()
    assert "You can still change your mind" in page


def test_an_enrolled_person_cannot_decline_and_stays_enrolled(client):
    invitation = InvitationFactory()
    EnrolmentFactory(cohort=invitation.cohort, person=invitation.person)
    with pytest.raises(ValidationError, match="withdraw"):
        invitation_decline(invitation=invitation)
    response = client.post(link(invitation, "enrolment:invitation_decline"), follow=True)
    assert "nothing to decline" in response.content.decode()
    assert Enrolment.objects.get().status == EnrolmentStatus.ACTIVE


def test_a_closed_enrolment_is_explained_on_the_link(client):
    invitation = InvitationFactory(cohort=CohortFactory(phase=Phase.MATCHING))
    page = client.get(link(invitation)).content.decode()
    assert "Enrolment for this cohort is closed" in page


@pytest.mark.parametrize(
    "token", ["does-not-exist", "x" * 43, "x" * 200, "tc90_Xpq5LvZzYVYS4Oe4PQRQ1HToxw4rmtS17ZmE48"]
)
def test_an_unknown_link_is_a_friendly_404(client, db, token):
    for name in ("enrolment:invitation", "enrolment:invitation_declined"):
        response = client.get(reverse(name, args=[token]))
        assert response.status_code == 404
        assert "This invitation link does not work" in response.content.decode()
    assert client.post(reverse("enrolment:invitation_decline", args=[token])).status_code == 404


def test_the_declined_page_of_a_pending_invitation_goes_back_to_the_invitation(client):
    invitation = InvitationFactory()
    response = client.get(link(invitation, "enrolment:invitation_declined"))
    assert response.status_code == 302
    assert response["Location"] == link(invitation)


@pytest.mark.parametrize(("language", "expected"), [("de", 'lang="de"'), ("en", 'lang="en"')])
def test_the_invitation_page_speaks_the_visitors_language(client, language, expected):
    invitation = InvitationFactory()
    response = client.get(link(invitation), HTTP_ACCEPT_LANGUAGE=language)
    assert f"<html {expected}" in response.content.decode()


def test_enrolling_marks_the_invitation_accepted(coordinator):
    invitation = InvitationFactory(status=InvitationStatus.DECLINED)
    result = invitation_mark_accepted(cohort=invitation.cohort, person=invitation.person)
    assert result == invitation
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.responded_at is not None
    assert AuditEvent.objects.filter(action="invitation.accept").count() == 1
    invitation_mark_accepted(cohort=invitation.cohort, person=invitation.person)
    assert AuditEvent.objects.filter(action="invitation.accept").count() == 1


def test_enrolling_without_an_invitation_is_fine():
    assert (
        invitation_mark_accepted(
            cohort=CohortFactory(phase=Phase.ENROLMENT_OPEN), person=PersonFactory()
        )
        is None
    )
    assert not Invitation.objects.exists()
