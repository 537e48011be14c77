"""Who may see and answer a tandem: only its two partners, and only once it is published to them.
Coordinators, superusers, sponsors, other participants and outsiders get 403 on every tandem page
(for every id, so that nobody can probe which tandems exist); anonymous visitors sign in first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import PersonFactory, UserFactory
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus
from tandem.tandems.tests.answers_helpers import accept_both, in_days
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db

# (URL name, method, POST data)
ROUTES = [
    ("tandems:detail", "get", None),
    ("proposals:accept", "post", {}),
    ("proposals:decline", "post", {"sure": "yes"}),
    ("proposals:coffee", "post", {"at": "2030-01-01T10:00", "place": "Teams"}),
    ("proposals:confirm", "post", {}),
    ("tandems:coffee_ics", "get", None),
]
POST_ONLY = [route for route in ROUTES if route[1] == "post"]
NON_PARTNERS = [
    "coordinator",
    "superuser",
    "superuser_in_directory",
    "sponsor",
    "outsider",
    "other_participant",
]


@pytest.fixture
def superuser_in_directory(db):
    """An administrator who is also an employee: Django grants them every permission."""
    person = PersonFactory(first_name="Ada", last_name="Admin", career_level=4)
    return UserFactory(email=person.email, is_superuser=True, is_staff=True)


@pytest.fixture
def other_participant(proposal):
    """Someone enrolled in the same cohort, with an account, but not in this tandem."""
    person = PersonFactory(first_name="Otto", last_name="Anders", career_level=5)
    EnrolmentFactory(cohort=proposal.cohort, person=person, role=Role.MENTEE)
    return UserFactory(email=person.email)


@pytest.fixture
def coffee_ready(proposal):
    """Both accepted, a coffee arranged: every view has something to act on."""
    from tandem.matching.proposals.services import tandem_coffee_set

    accept_both(proposal)
    tandem_coffee_set(
        tandem=proposal, enrolment=proposal.mentor, at=in_days(3), place="Teams", actor=None
    )
    proposal.refresh_from_db()
    return proposal


def call(client, name, method, data, pk):
    url = reverse(name, args=[pk])
    return client.get(url) if method == "get" else client.post(url, data)


def snapshot(tandem):
    return Tandem.objects.filter(pk=tandem.pk).values().get()


@pytest.mark.parametrize("role", NON_PARTNERS)
@pytest.mark.parametrize(("name", "method", "data"), ROUTES)
def test_nobody_but_the_partners_may_see_or_act_on_a_tandem(
    request, client_for, coffee_ready, role, name, method, data
):
    before = snapshot(coffee_ready)
    client = client_for(request.getfixturevalue(role))

    response = call(client, name, method, data, coffee_ready.pk)

    assert response.status_code == 403
    assert snapshot(coffee_ready) == before


@pytest.mark.parametrize("role", [*NON_PARTNERS, "mentee", "mentor"])
@pytest.mark.parametrize(("name", "method", "data"), ROUTES)
def test_a_missing_tandem_is_403_for_everyone(
    request, client_for, proposal, role, name, method, data
):
    client = client_for(request.getfixturevalue(role))
    assert call(client, name, method, data, proposal.pk + 1000).status_code == 403


@pytest.mark.parametrize(("name", "method", "data"), ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, proposal, name, method, data):
    response = call(client, name, method, data, proposal.pk)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Tandem.objects.get(pk=proposal.pk).mentee_answer == PartnerAnswer.PENDING


@pytest.mark.parametrize("role", ["mentee", "mentor"])
@pytest.mark.parametrize(("name", "method", "data"), ROUTES)
def test_a_draft_is_403_for_its_own_partners(
    request, client_for, english_cohort, role, name, method, data
):
    draft = TandemFactory(
        cohort=english_cohort.cohort, mentee=english_cohort.mentee, mentor=english_cohort.mentor
    )
    client = client_for(request.getfixturevalue(role))
    assert call(client, name, method, data, draft.pk).status_code == 403
    assert Tandem.objects.get(pk=draft.pk).status == TandemStatus.PROPOSED


@pytest.mark.parametrize("role", ["mentee", "mentor"])
def test_both_partners_see_the_page(client_for, proposal, request, role):
    response = client_for(request.getfixturevalue(role)).get(
        reverse("tandems:detail", args=[proposal.pk])
    )
    assert response.status_code == 200
    partner = proposal.mentor if role == "mentee" else proposal.mentee
    assert partner.person.full_name in response.content.decode()


@pytest.mark.parametrize("role", ["mentee", "mentor"])
@pytest.mark.parametrize(("name", "method", "data"), POST_ONLY)
def test_answers_are_post_only(request, client_for, proposal, role, name, method, data):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse(name, args=[proposal.pk])).status_code == 405
    assert snapshot(proposal)["mentee_answer"] == PartnerAnswer.PENDING


@pytest.mark.parametrize("role", ["mentee", "mentor"])
def test_each_partner_acts_for_themselves_only(request, client_for, proposal, role):
    response = client_for(request.getfixturevalue(role)).post(
        reverse("proposals:accept", args=[proposal.pk])
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    answers = {"mentee": proposal.mentee_answer, "mentor": proposal.mentor_answer}
    other = "mentor" if role == "mentee" else "mentee"
    assert answers == {role: PartnerAnswer.ACCEPTED, other: PartnerAnswer.PENDING}


@pytest.mark.parametrize("role", ["mentee", "mentor"])
def test_the_partners_download_the_coffee(request, client_for, coffee_ready, role):
    response = client_for(request.getfixturevalue(role)).get(
        reverse("tandems:coffee_ics", args=[coffee_ready.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    partner = "Jonas Yılmaz" if role == "mentee" else "Marlene Müller"
    assert f"Virtual coffee with {partner}" in response.content.decode()


def test_without_a_coffee_there_is_no_calendar_file(client_for, mentee, proposal):
    response = client_for(mentee).get(reverse("tandems:coffee_ics", args=[proposal.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status", "sees_it"),
    [
        ("mentee", 200, True),
        ("mentor", 200, True),
        ("coordinator", 200, False),  # their own (empty) list: proposals are reviewed elsewhere
        ("sponsor", 200, False),
        ("other_participant", 200, False),
        ("superuser", 403, False),  # not in the directory: no tandems of their own
        ("superuser_in_directory", 200, False),
        ("outsider", 403, False),
    ],
)
def test_my_tandems_lists_only_ones_own(request, client_for, proposal, role, status, sees_it):
    response = client_for(request.getfixturevalue(role)).get(reverse("tandems:mine"))
    assert response.status_code == status
    text = response.content.decode()
    assert (reverse("tandems:detail", args=[proposal.pk]) in text) is sees_it


def test_my_tandems_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("tandems:mine"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
