"""Who may open which enrolment page: every view, every role, anonymous users included."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.tests.factories import enrol
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import cohort_in

pytestmark = pytest.mark.django_db

OWN_VIEWS = [
    "enrolment:enrolment_detail",
    "enrolment:enrolment_edit",
    "withdrawal:withdraw",
    "enrolment:consent",
]
CHANGING_VIEWS = ["enrolment:enrolment_edit", "withdrawal:withdraw", "enrolment:consent"]


@pytest.fixture
def enrolment(mentee, mentee_person):
    """The mentee persona's enrolment; everyone else is a stranger to it."""
    return enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)


def page_urls():
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    return [
        reverse("enrolment:my_cohorts"),
        reverse("enrolment:enrol", args=[cohort.pk]),
        reverse("enrolment:enrol_row", args=["needs"]),
    ]


@pytest.mark.parametrize("url_name", OWN_VIEWS)
def test_participants_open_their_own_enrolment_pages(client_for, mentee, enrolment, url_name):
    response = client_for(mentee).get(reverse(url_name, args=[enrolment.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", OWN_VIEWS)
@pytest.mark.parametrize("persona", ["mentor", "sponsor", "outsider"])
def test_other_people_cannot_see_or_change_my_enrolment(
    request, client_for, enrolment, persona, url_name
):
    client = client_for(request.getfixturevalue(persona))
    url = reverse(url_name, args=[enrolment.pk])
    assert client.get(url).status_code == 403
    if url_name in CHANGING_VIEWS:
        assert client.post(url, {"reason": "x", "accept": "on"}).status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_can_view_but_not_change_or_withdraw_an_enrolment(
    request, client_for, enrolment, persona
):
    client = client_for(request.getfixturevalue(persona))
    page = client.get(reverse("enrolment:enrolment_detail", args=[enrolment.pk]))
    assert page.status_code == 200
    assert reverse("withdrawal:withdraw", args=[enrolment.pk]) not in page.content.decode()
    for url_name in CHANGING_VIEWS:
        url = reverse(url_name, args=[enrolment.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": "x"}).status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


@pytest.mark.parametrize("url_name", OWN_VIEWS)
def test_anonymous_users_are_sent_to_the_login(client, enrolment, url_name):
    response = client.get(reverse(url_name, args=[enrolment.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url_name", OWN_VIEWS)
def test_a_missing_enrolment_is_refused_like_a_foreign_one(client_for, mentee, url_name):
    assert client_for(mentee).get(reverse(url_name, args=[999999])).status_code == 403


@pytest.mark.parametrize("persona", ["mentee", "mentor", "sponsor", "coordinator"])
def test_everyone_in_the_directory_may_look_for_programs_and_enrol(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in page_urls():
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["outsider", "superuser"])
def test_accounts_without_a_directory_entry_cannot_enrol(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in page_urls():
        assert client.get(url).status_code == 403, url


def test_anonymous_users_are_sent_to_the_login_to_enrol(client, db):
    for url in page_urls():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_cohort_is_not_found(client_for, mentee):
    assert client_for(mentee).get(reverse("enrolment:enrol", args=[999999])).status_code == 404


def test_the_my_programs_link_is_for_participants_only(client_for, mentee, outsider):
    link = reverse("enrolment:my_cohorts")
    assert link in client_for(mentee).get(reverse("home:home")).content.decode()
    assert link not in client_for(outsider).get(reverse("home:home")).content.decode()
