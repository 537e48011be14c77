"""The browser harness itself: Debian's Chromium signs in through the real form."""

from __future__ import annotations

import pytest

from tandem.browser_testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_participant_signs_in_through_the_login_form_in_chromium(browser_page, mentee_person):
    from tandem.people.tests.factories import UserFactory

    UserFactory(email=mentee_person.email)
    browser_login(browser_page, email=mentee_person.email)
    assert "/accounts/login" not in browser_page.url
    assert mentee_person.first_name in browser_page.content()


def test_a_browser_test_after_another_still_finds_the_migrated_data(browser_page):
    """The test before this one ended by emptying the database; the seeded catalogue and the
    role groups are back (see `browser_testing.seeded_after_flush`)."""
    from django.contrib.auth.models import Group

    from tandem.topics.models import Topic

    assert Topic.objects.exists()
    assert Group.objects.filter(name="coordinator").exists()
