"""Leavers lose access at once, roles included, and get it back when active again (issue 8, 2)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.people.importing.example import EXAMPLE_HEADER
from tandem.people.importing.services import people_import
from tandem.people.models import Person
from tandem.people.roles import is_coordinator, is_participant, is_sponsor, is_superuser
from tandem.people.selectors import person_for_user
from tandem.people.tests.factories import PersonFactory, UserFactory

# The personas come from request.getfixturevalue(): without the mark pytest-django cannot tell
# that these tests use the database and runs them after the browser tests, which empty it.
pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
PERSONAS = ["coordinator", "sponsor", "mentor", "mentee", "superuser_with_person"]


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def superuser_with_person(db):
    """A superuser who is also an employee: their person's flag decides, like everyone's."""
    user = UserFactory(email="susi.super@example.com", is_superuser=True, is_staff=True)
    PersonFactory(email=user.email)
    return user


def set_active(user, active: bool) -> None:
    """Deactivate as the import and the admin do: a plain UPDATE, no signal, no save()."""
    Person.objects.filter(email__iexact=user.email).update(is_active=active)


def signed_in(client) -> bool:
    return client.session.get("_auth_user_id") is not None


def login(client, email: str):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_deactivated_person_cannot_log_in_and_is_told_why(request, client, persona):
    user = request.getfixturevalue(persona)
    set_active(user, False)
    response = login(client, user.email)
    assert not signed_in(client)
    page = client.get(response["Location"])
    assert "you are not listed as an active person" in page.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_open_session_of_a_deactivated_person_ends_on_the_next_request(request, client, persona):
    user = request.getfixturevalue(persona)
    assert login(client, user.email).status_code == 302
    assert client.get(reverse("home:home")).status_code == 200
    set_active(user, False)
    response = client.get(reverse("home:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not signed_in(client)
    # The session is gone for good: making the person active again does not revive it.
    set_active(user, True)
    assert client.get(reverse("home:home")).status_code == 302


@pytest.mark.parametrize("persona", PERSONAS)
def test_reactivation_gives_access_back(request, client, persona):
    user = request.getfixturevalue(persona)
    set_active(user, False)
    login(client, user.email)
    assert not signed_in(client)
    set_active(user, True)
    assert login(client, user.email).status_code == 302
    assert signed_in(client)
    assert client.get(reverse("home:home")).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_inactive_person_holds_no_role(request, persona):
    user = request.getfixturevalue(persona)
    predicate = {
        "coordinator": is_coordinator,
        "sponsor": is_sponsor,
        "mentor": is_participant,
        "mentee": is_participant,
        "superuser_with_person": is_superuser,
    }[persona]
    assert predicate(user)
    set_active(user, False)
    fresh = get_user_model().objects.get(pk=user.pk)
    assert not predicate(fresh)
    if persona != "superuser_with_person":  # Django grants a superuser every has_perm: the
        # middleware signs them out before any view asks (test above)
        assert not fresh.has_perm("people.view_person", person_for_user(user=fresh))
    if persona == "coordinator":
        assert not fresh.has_perm("people.view_directory")
        assert not fresh.has_perm("people.export_people")


def test_a_deactivated_coordinator_can_neither_export_nor_see_the_people_list(client, coordinator):
    login(client, coordinator.email)
    assert client.get(reverse("people:export")).status_code == 200
    set_active(coordinator, False)
    for url in (reverse("people:export"), reverse("people:list")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


def test_a_full_import_that_deactivates_a_coordinator_ends_their_session(client, coordinator):
    login(client, coordinator.email)
    other = PersonFactory(employee_id="7", email="stays@example.com")
    data = (
        ";".join(EXAMPLE_HEADER)
        + "\n"
        + ";".join(
            ["7", other.first_name, other.last_name, other.email, *[""] * (len(EXAMPLE_HEADER) - 4)]
        )
    )
    report = people_import(data=data.encode(), filename="hr.csv", actor=None, full=True)
    assert report.errors == [] and report.deactivated >= 1
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert not signed_in(client)


def test_deleting_a_person_deactivates_their_account(client, mentee, mentee_person):
    login(client, mentee.email)
    mentee_person.delete()
    mentee.refresh_from_db()
    assert mentee.is_active is False
    assert client.get(reverse("home:home")).status_code == 302
    assert not signed_in(client)
    response = login(client, mentee.email)
    assert response["Location"] == reverse("account_inactive")
    assert not signed_in(client)
    event = AuditEvent.objects.get(action="account.deactivate")
    assert event.target_id == str(mentee.pk)


def test_a_superuser_without_a_person_keeps_access(client, superuser):
    """The rule for operators' accounts (createsuperuser, the demo's admin@…): no person, so
    no person can be deactivated; they are switched off in the admin (the user's active flag)."""
    login(client, superuser.email)
    assert client.get(reverse("people:list")).status_code == 200
    superuser.is_active = False
    superuser.save(update_fields=["is_active"])
    assert client.get(reverse("people:list")).status_code == 302
    assert not signed_in(client)


def test_a_deactivated_coordinator_is_not_offered_as_a_cohorts_contact(coordinator):
    from django.contrib.auth.models import Group

    from tandem.programs.cohorts.selectors import coordinator_users

    colleague = UserFactory(email="carl.colleague@example.com")
    colleague.groups.add(Group.objects.get(name="coordinator"))
    PersonFactory(email=colleague.email)
    assert set(coordinator_users()) == {coordinator, colleague}
    set_active(colleague, False)
    assert list(coordinator_users()) == [coordinator]
