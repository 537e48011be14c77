"""Who may open which People page: every view, every role, anonymous users included."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.people.tests.factories import PersonFactory

STAFF = ["coordinator", "superuser"]
NOT_STAFF = ["sponsor", "mentor", "mentee", "outsider"]
DIRECTORY_VIEWS = ["people:list", "people:export"]
PERSON_VIEWS = ["people:detail", "people:reporting_line"]


@pytest.mark.parametrize("url_name", DIRECTORY_VIEWS)
@pytest.mark.parametrize("persona", STAFF)
def test_coordinators_and_superusers_may_use_the_directory(request, client_for, persona, url_name):
    response = client_for(request.getfixturevalue(persona)).get(reverse(url_name))
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", DIRECTORY_VIEWS)
@pytest.mark.parametrize("persona", NOT_STAFF)
def test_everyone_else_is_refused_the_directory(request, client_for, persona, url_name):
    response = client_for(request.getfixturevalue(persona)).get(reverse(url_name))
    assert response.status_code == 403


@pytest.mark.parametrize("url_name", DIRECTORY_VIEWS)
def test_anonymous_users_are_sent_to_the_login_for_the_directory(client, db, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
@pytest.mark.parametrize("persona", STAFF)
def test_coordinators_and_superusers_may_see_any_person(
    request, client_for, mentee_person, persona, url_name
):
    client = client_for(request.getfixturevalue(persona))
    response = client.get(reverse(url_name, args=[mentee_person.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
@pytest.mark.parametrize(
    ("persona", "own_person"),
    [("mentee", "mentee_person"), ("mentor", "mentor_person"), ("sponsor", None)],
)
def test_participants_see_their_own_profile_and_reporting_line(
    request, client_for, persona, own_person, url_name
):
    user = request.getfixturevalue(persona)
    from tandem.people.selectors import person_for_user

    person = request.getfixturevalue(own_person) if own_person else person_for_user(user=user)
    response = client_for(user).get(reverse(url_name, args=[person.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
@pytest.mark.parametrize("persona", ["mentor", "sponsor", "outsider"])
def test_nobody_else_sees_another_persons_profile(
    request, client_for, mentee_person, persona, url_name
):
    client = client_for(request.getfixturevalue(persona))
    response = client.get(reverse(url_name, args=[mentee_person.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
def test_a_mentee_is_refused_someone_elses_profile(client_for, mentee, mentor_person, url_name):
    response = client_for(mentee).get(reverse(url_name, args=[mentor_person.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
def test_anonymous_users_are_sent_to_the_login_for_a_person(client, mentee_person, url_name):
    response = client.get(reverse(url_name, args=[mentee_person.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url_name", PERSON_VIEWS)
def test_a_missing_person_is_404_for_staff_but_403_for_others(
    client_for, coordinator, mentee, url_name
):
    """Without access, every id looks the same: nobody can probe which ids exist."""
    missing = PersonFactory().pk + 1000
    assert client_for(coordinator).get(reverse(url_name, args=[missing])).status_code == 404
    assert client_for(mentee).get(reverse(url_name, args=[missing])).status_code == 403


@pytest.mark.parametrize("url_name", DIRECTORY_VIEWS)
def test_the_directory_only_answers_get(client_for, coordinator, url_name):
    assert client_for(coordinator).post(reverse(url_name)).status_code == 405
