"""The navigation's badge of unread messages: one query for a participant, none for others."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.workspace.messages.tests.helpers import post, thread_url

pytestmark = pytest.mark.django_db

PROCESSOR = "tandem.workspace.messages.context_processors.unread_messages"


def _queries(client, url) -> tuple[int, str]:
    client.get(url)  # warm: session, translations, caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def _without_the_badge(settings) -> None:
    engine = settings.TEMPLATES[0]
    options = {**engine["OPTIONS"]}
    options["context_processors"] = [p for p in options["context_processors"] if p != PROCESSOR]
    settings.TEMPLATES = [{**engine, "OPTIONS": options}]


def test_the_badge_shows_the_unread_count_and_links_to_the_tandems(
    formed, mentee, mentor, client_for
):
    post(formed, mentee)
    post(formed, mentee, "zwei")
    page = client_for(mentor).get(reverse("tandems:mine")).content.decode()
    assert 'id="unread-messages"' in page and ">2<" in page
    # On a phone the links fold behind "Menu": its button carries the count too.
    assert 'id="unread-messages-menu"' in page
    client_for(mentor).get(thread_url(formed))
    page = client_for(mentor).get(reverse("tandems:mine")).content.decode()
    assert 'id="unread-messages"' not in page and 'id="unread-messages-menu"' not in page


@pytest.mark.parametrize("unread", [0, 3])
def test_the_badge_costs_a_participant_one_query_with_or_without_unread(
    formed, mentee, mentor, client_for, settings, unread
):
    for n in range(unread):
        post(formed, mentee, f"n{n}")
    url = reverse("topics:list")
    with_badge, page = _queries(client_for(mentor), url)
    assert ('id="unread-messages"' in page) == bool(unread)
    _without_the_badge(settings)
    without, _page = _queries(client_for(mentor), url)
    assert with_badge - without == 1


@pytest.mark.parametrize("role", ["superuser", "outsider"])
def test_the_badge_costs_nothing_to_who_is_no_participant(
    formed, mentee, space_roles, client_for, settings, role
):
    post(formed, mentee)
    url = reverse("topics:list")
    with_badge, page = _queries(client_for(space_roles[role]), url)
    assert 'id="unread-messages"' not in page
    _without_the_badge(settings)
    without, _page = _queries(client_for(space_roles[role]), url)
    assert with_badge == without
