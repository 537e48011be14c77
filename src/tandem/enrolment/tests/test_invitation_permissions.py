"""Who may use the coordinator's invitation pages: every view, every role, anonymous included."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tandem.enrolment.models import Invitation
from tandem.enrolment.tests.factories import InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

STAFF = ["coordinator", "superuser"]
NOT_STAFF = ["sponsor", "mentor", "mentee", "outsider"]


@pytest.fixture
def setting(db, mentee_person):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    # Even a person invited to the cohort may not manage its invitations.
    invitation = InvitationFactory(cohort=cohort, person=mentee_person)
    return cohort, invitation, PersonFactory()


def _requests(setting):
    """(method, url, data) of every coordinator view."""
    cohort, invitation, person = setting
    return {
        "list": ("get", reverse("enrolment:cohort_invitations", args=[cohort.pk]), {}),
        "preview": (
            "post",
            reverse("enrolment:cohort_invitations_preview", args=[cohort.pk]),
            {"person": [person.pk], "scope": "selected"},
        ),
        "send": (
            "post",
            reverse("enrolment:cohort_invitations_send", args=[cohort.pk]),
            {"people": str(person.pk), "message": ""},
        ),
        "sent": ("get", reverse("enrolment:cohort_invitations_sent", args=[cohort.pk]), {}),
        "remind_page": ("get", reverse("enrolment:invitation_remind", args=[invitation.pk]), {}),
        "remind": ("post", reverse("enrolment:invitation_remind", args=[invitation.pk]), {}),
    }


VIEWS = ["list", "preview", "send", "sent", "remind_page", "remind"]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("persona", STAFF)
def test_coordinators_and_superusers_may_use_every_invitation_page(
    request, client_for, setting, persona, view
):
    method, url, data = _requests(setting)[view]
    response = getattr(client_for(request.getfixturevalue(persona)), method)(url, data)
    assert response.status_code in (200, 302)
    if view == "send":
        assert Invitation.objects.filter(person=setting[2]).exists()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("persona", NOT_STAFF)
def test_everyone_else_is_refused_every_invitation_page(
    request, client_for, setting, persona, view
):
    method, url, data = _requests(setting)[view]
    response = getattr(client_for(request.getfixturevalue(persona)), method)(url, data)
    assert response.status_code == 403
    assert Invitation.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, setting, view):
    method, url, data = _requests(setting)[view]
    response = getattr(client, method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize(
    "url_name",
    ["enrolment:cohort_invitations", "enrolment:cohort_invitations_sent"],
)
def test_unknown_cohorts_are_403_for_others_and_404_for_coordinators(
    client_for, mentee, coordinator, url_name
):
    url = reverse(url_name, args=[999_999])
    assert client_for(mentee).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404


def test_an_unknown_invitation_cannot_be_reminded(client_for, mentee, coordinator):
    url = reverse("enrolment:invitation_remind", args=[999_999])
    assert client_for(mentee).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404
