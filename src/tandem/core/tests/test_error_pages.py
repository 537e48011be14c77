"""403, 404 and 500 in the site's layout, in the visitor's language, with a way back; a favicon.

All with DEBUG off, as in production: no debug page, no traceback.
"""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from tandem.core.views_errors import server_error

PRODUCTION = override_settings(DEBUG=False, ROOT_URLCONF="tandem.core.tests.urls_failing")

TEXTS = {
    404: {"en": "Page not found", "de": "Seite nicht gefunden"},
    403: {"en": "Access denied", "de": "Zugriff verweigert"},
    500: {"en": "Something went wrong", "de": "Etwas ist schiefgelaufen"},
}
LANGUAGES = ["en", "de"]


def assert_site_page(response, status: int, language: str) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html
    assert 'class="site-header"' in html  # the site's layout (base.html)
    assert f"<h1>{TEXTS[status][language]}</h1>" in html
    assert f'href="{reverse("home:home")}" role="button"' in html  # the way back
    assert "Traceback" not in html and "a bug on purpose" not in html


@PRODUCTION
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_address_shows_the_sites_404_page_in_the_visitors_language(client, language):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)
    assert_site_page(response, 404, language)


@PRODUCTION
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_for_coordinators_shows_the_sites_403_page_to_a_participant(
    client_for, mentee, language
):
    response = client_for(mentee).get(reverse("people:list"), HTTP_ACCEPT_LANGUAGE=language)
    assert_site_page(response, 403, language)
    assert mentee.email in response.content.decode()  # signed in: the full layout


@PRODUCTION
@pytest.mark.django_db
def test_the_403_page_offers_to_sign_in_when_nobody_is_signed_in(client):
    response = client.get("/test-forbidden/", HTTP_ACCEPT_LANGUAGE="en")
    assert_site_page(response, 403, "en")
    assert f'href="{reverse("account_login")}?next=/test-forbidden/"' in response.content.decode()


@PRODUCTION
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_server_error_shows_the_sites_500_page_in_the_visitors_language(language):
    client = Client(raise_request_exception=False)
    response = client.get("/test-broken/", HTTP_ACCEPT_LANGUAGE=language)
    assert_site_page(response, 500, language)


@PRODUCTION
@pytest.mark.django_db
def test_a_form_refused_by_the_csrf_check_explains_itself_in_the_sites_layout():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "en"}, HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert response.status_code == 403
    assert 'class="site-header"' in html and "Formular nicht angenommen" in html


def test_the_500_page_needs_no_database():
    """No django_db mark: any query here would raise, and the page would fall back to plain text."""
    request = RequestFactory().get("/somewhere/")
    with translation.override("de"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in html and "Etwas ist schiefgelaufen" in html
    assert 'name="csrfmiddlewaretoken"' in html  # the language switch still works


@pytest.mark.django_db
def test_favicon_ico_is_answered_not_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/tandem/favicon.ico"
    assert finders.find("tandem/favicon.ico") is not None
    assert finders.find("tandem/favicon.svg") is not None


@pytest.mark.django_db
def test_every_page_links_its_favicon(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<link rel="icon" href="/static/tandem/favicon.svg" type="image/svg+xml">' in html


@pytest.mark.django_db
def test_too_many_sign_ups_get_the_sites_429_page_in_german(client, settings):
    from django.core.cache import cache

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    cache.clear()
    try:
        for attempt in range(2):
            response = client.post(
                reverse("account_signup"),
                {"email": f"jemand{attempt}@elsewhere.example"},
                HTTP_ACCEPT_LANGUAGE="de",
            )
    finally:
        cache.clear()
    assert response.status_code == 429
    html = response.content.decode()
    assert "Zu viele Versuche" in html
    assert 'href="/"' in html or reverse("home:home") in html
