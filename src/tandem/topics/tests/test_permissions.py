"""Who may do what in the catalogue: everyone signed in reads, coordinators and superusers write."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tandem.topics.models import Topic, TopicArea

REFUSED = ["sponsor", "mentor", "mentee", "outsider"]
ALLOWED = ["coordinator", "superuser"]
EVERYONE = REFUSED + ALLOWED


def create_data():
    return {
        "code": "podcasting",
        "area": TopicArea.objects.get(code="practice-new-work").pk,
        "name_de": "Podcasts aufnehmen",
        "name_en": "Recording podcasts",
        "priority": "2",
    }


def edit_data():
    topic = Topic.objects.get(code="seo")
    return {
        "area": topic.area_id,
        "name_de": "SEO kompakt",
        "name_en": topic.name_en,
        "priority": "3",
    }


# (method, url name, url args, data factory, status on success)
WRITE_VIEWS = [
    ("get", "topics:create", [], None, 200),
    ("post", "topics:create", [], create_data, 302),
    ("get", "topics:edit", ["seo"], None, 200),
    ("post", "topics:edit", ["seo"], edit_data, 302),
    ("post", "topics:archive", ["seo"], dict, 302),
    ("post", "topics:restore", ["seo"], dict, 302),
    ("post", "topics:priority", ["seo"], lambda: {"priority": "4"}, 302),
]
READ_VIEWS = [("topics:list", []), ("topics:detail", ["seo"])]


def call(client, method, name, args, data):
    url = reverse(name, args=args)
    return getattr(client, method)(url, data() if data else None)


@pytest.mark.parametrize("persona", REFUSED)
@pytest.mark.parametrize(("method", "name", "args", "data", "ok"), WRITE_VIEWS)
def test_write_views_are_forbidden_to_everyone_but_coordinators(
    request, client_for, catalogue, persona, method, name, args, data, ok
):
    client = client_for(request.getfixturevalue(persona))
    before = list(Topic.objects.order_by("pk").values())
    assert call(client, method, name, args, data).status_code == 403
    assert list(Topic.objects.order_by("pk").values()) == before


@pytest.mark.parametrize(("method", "name", "args", "data", "ok"), WRITE_VIEWS)
def test_write_views_send_anonymous_visitors_to_the_login(
    client, catalogue, method, name, args, data, ok
):
    response = call(client, method, name, args, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", ALLOWED)
@pytest.mark.parametrize(("method", "name", "args", "data", "ok"), WRITE_VIEWS)
def test_coordinators_and_superusers_may_use_every_write_view(
    request, client_for, catalogue, persona, method, name, args, data, ok
):
    client = client_for(request.getfixturevalue(persona))
    response = call(client, method, name, args, data)
    assert response.status_code == ok, getattr(response, "context", None) and (
        response.context.get("form") and response.context["form"].errors
    )


@pytest.mark.parametrize("persona", EVERYONE)
@pytest.mark.parametrize(("name", "args"), READ_VIEWS)
def test_everyone_signed_in_may_read_the_catalogue(
    request, client_for, catalogue, persona, name, args
):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), READ_VIEWS)
def test_anonymous_visitors_are_sent_to_the_login_to_read(client, catalogue, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))
