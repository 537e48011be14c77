"""Accounts: e-mail login, password reset, signup limited to the directory, throttling, roles."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.people.tests.factories import PersonFactory, UserFactory

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "Ein-neues-Passwort-2025"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    """allauth keeps its rate limits in the cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


def logged_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def login(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.parametrize(
    "typed", ["clara.coordinator@example.com", "CLARA.Coordinator@EXAMPLE.com"]
)
def test_login_with_email_ignores_case(client, coordinator, typed):
    response = login(client, typed, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:home")
    assert logged_in_user_id(client) == str(coordinator.pk)


def test_login_with_a_wrong_password_is_refused_in_our_layout(client, coordinator):
    response = login(client, coordinator.email, "wrong")
    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    html = response.content.decode()
    assert '<main id="main" class="container auth-page"' in html
    assert 'role="alert"' in html


@pytest.mark.parametrize(
    "url_name",
    ["account_login", "account_signup", "account_reset_password", "account_reset_password_done"],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_account_pages_use_the_tandem_layout_in_both_languages(client, db, url_name, language):
    response = client.get(reverse(url_name), HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<article class="auth-card">' in html
    assert "<title>" in html and "· Tandem</title>" in html


def test_the_logout_page_asks_and_signs_out(client_for, mentee):
    client = client_for(mentee)
    page = client.get(reverse("account_logout"))
    assert '<article class="auth-card">' in page.content.decode()
    client.post(reverse("account_logout"))
    assert logged_in_user_id(client) is None


def test_login_fields_are_labelled(client, db):
    html = client.get(reverse("account_login")).content.decode()
    for field_id in ("id_login", "id_password", "id_remember"):
        assert f'<label for="{field_id}">' in html
    assert 'aria-describedby="id_password_helptext"' in html


def test_password_reset_mail_link_sets_a_new_password(client, coordinator):
    response = client.post(reverse("account_reset_password"), {"email": coordinator.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert message.subject.startswith("[Tandem] ")
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)

    key_page = client.get(link)  # allauth moves the key into the session and redirects
    assert key_page.status_code == 302
    form_url = key_page["Location"]
    form = client.get(form_url)
    assert form.status_code == 200 and 'name="password1"' in form.content.decode()
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("home:home")  # signed in with the new password

    client.logout()
    assert login(client, coordinator.email, PASSWORD).status_code == 200  # old one is gone
    assert login(client, coordinator.email, NEW_PASSWORD).status_code == 302


def test_a_used_reset_link_is_refused_with_a_clear_message(client, coordinator):
    client.post(reverse("account_reset_password"), {"email": coordinator.email})
    link = re.search(r"(/accounts/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()
    again = client.get(link, follow=True)
    assert "new password reset" in again.content.decode()


def test_two_people_can_sign_up_one_after_the_other(client, db):
    """Regression: every signup used to store username "" and the second one crashed."""
    for email in ("first.person@example.com", "second.person@example.com"):
        PersonFactory(email=email)
        client.post(
            reverse("account_signup"),
            {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        client.logout()
    assert get_user_model().objects.filter(email__endswith="person@example.com").count() == 2


def test_login_is_throttled_after_repeated_failures(client, coordinator):
    for _attempt in range(5):
        response = login(client, coordinator.email, "wrong password")
        assert "Too many failed login attempts" not in response.content.decode()
    response = login(client, coordinator.email, PASSWORD)  # even the right password now waits
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_grant_role_gives_the_role_and_writes_an_audit_row(db):
    user = UserFactory(email="Henrike.HR@example.com")
    call_command("grant_role", "henrike.hr@EXAMPLE.com", "coordinator")
    assert user.groups.filter(name="coordinator").exists()
    event = AuditEvent.objects.get(action="role.grant")
    assert event.target_id == str(user.pk)
    assert event.data == {"role": "coordinator"}
    assert event.actor_label == "system"


def test_grant_role_for_an_unknown_email_is_a_command_error(db):
    with pytest.raises(CommandError, match="No account"):
        call_command("grant_role", "nobody@example.com", "coordinator")
