"""A German page in one test must not leave German active for the next one.

Django's LocaleMiddleware activates the request's language in the thread and never resets it, so
without the reset in the root conftest the order of tests decided which language a message had.
"""

from django.utils import translation


def test_a_german_request_activates_german(client, db):
    client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert translation.get_language() == "de"


def test_the_next_test_starts_in_the_test_language_again():
    assert translation.get_language() == "en"
