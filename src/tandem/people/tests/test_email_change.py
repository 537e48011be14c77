"""An HR import that changes a person's e-mail: the account follows, unverified (issue 8, 1)."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.people.importing.example import EXAMPLE_HEADER
from tandem.people.importing.services import people_import
from tandem.people.tests.factories import PersonFactory, UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def import_row(person, email: str):
    cells = [person.employee_id, person.first_name, person.last_name, email]
    data = ";".join(EXAMPLE_HEADER) + "\n" + ";".join(cells + [""] * (len(EXAMPLE_HEADER) - 4))
    report = people_import(data=data.encode(), filename="hr.csv", actor=None)
    assert report.errors == [] and report.updated == 1
    return report


def signed_in(client) -> bool:
    return client.session.get("_auth_user_id") is not None


@override_settings(SITE_ROOT="https://tandem.example.org")
def test_an_import_that_changes_a_persons_email_makes_the_account_verify_the_new_one(
    client, db, django_capture_on_commit_callbacks
):
    person = PersonFactory(email="anna.alt@example.com")
    user = UserFactory(email=person.email)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert signed_in(client)

    with django_capture_on_commit_callbacks(execute=True):
        import_row(person, "anna.neu@example.com")

    user.refresh_from_db()
    assert user.email == "anna.neu@example.com"
    [address] = EmailAddress.objects.filter(user=user)
    assert (address.email, address.verified, address.primary) == (user.email, False, True)
    [message] = mail.outbox
    assert message.to == ["anna.neu@example.com"]
    link = re.search(r"https://tandem\.example\.org(/accounts/confirm-email/\S+/)", message.body)
    assert link, message.body
    assert "your address in the organisation's directory has changed" in message.body
    assert AuditEvent.objects.filter(action="account.email_change", target_id=str(user.pk))

    # The open session ends; signing in is refused until the new address is confirmed.
    assert client.get(reverse("home:home")).status_code == 302
    assert not signed_in(client)
    client.post(reverse("account_login"), {"login": "anna.neu@example.com", "password": PASSWORD})
    assert not signed_in(client)
    client.post(link.group(1))
    client.post(reverse("account_login"), {"login": "anna.neu@example.com", "password": PASSWORD})
    assert signed_in(client)
    assert client.get(reverse("home:home")).status_code == 200


def test_a_change_of_case_only_keeps_the_account_as_it_is(db):
    person = PersonFactory(email="bert@example.com")
    user = UserFactory(email=person.email)
    import_row(person, "Bert@Example.com")
    user.refresh_from_db()
    assert user.email == "bert@example.com"
    assert EmailAddress.objects.get(user=user).verified
    assert mail.outbox == []


def test_an_account_whose_new_address_belongs_to_another_account_is_deactivated(db):
    person = PersonFactory(email="carla@example.com")
    user = UserFactory(email=person.email)
    UserFactory(email="carla.new@example.com")  # e.g. made by an operator, no person
    import_row(person, "carla.new@example.com")
    user.refresh_from_db()
    assert user.is_active is False
    assert user.email == "carla@example.com"


def test_changing_a_persons_email_in_the_admin_moves_the_account_too(
    client_for, superuser, django_capture_on_commit_callbacks
):
    from django.forms.models import model_to_dict

    person = PersonFactory(email="dora@example.com")
    user = UserFactory(email=person.email)
    url = reverse("admin:people_person_change", args=[person.pk])
    client = client_for(superuser)
    fields = ["employee_id", "first_name", "last_name", "email", "job_title", "kind"]
    data = {key: value or "" for key, value in model_to_dict(person, fields=fields).items()}
    data.update(email="dora.neu@example.com", languages='["de", "en"]')
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.email == "dora.neu@example.com"
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["dora.neu@example.com"]
