"""The People list: search, filters, pagination, htmx partials and a constant number of queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.people.models import CareerLevel, Person
from tandem.people.tests.factories import LocationFactory, OrgUnitFactory, PersonFactory

URL = reverse("people:list")


def names(response) -> list[str]:
    """The people listed on the page, as "Last, First", in order."""
    return [p.full_name for p in response.context["people"]]


@pytest.fixture
def coordinator_client(client_for, coordinator):
    return client_for(coordinator)


@pytest.fixture
def org(db):
    """ACME → IT → Platform, and ACME → Sales; one person in each unit."""
    acme = OrgUnitFactory(name="ACME")
    it = OrgUnitFactory(name="IT", parent=acme)
    platform = OrgUnitFactory(name="Platform", parent=it)
    sales = OrgUnitFactory(name="Sales", parent=acme)
    people = {
        "acme": PersonFactory(first_name="Ada", last_name="Aufsicht", org_unit=acme),
        "it": PersonFactory(first_name="Ivo", last_name="Informatik", org_unit=it),
        "platform": PersonFactory(first_name="Pia", last_name="Plattform", org_unit=platform),
        "sales": PersonFactory(first_name="Sam", last_name="Sales", org_unit=sales),
    }
    return {"acme": acme, "it": it, "platform": platform, "sales": sales, "people": people}


def test_the_list_shows_active_people_in_name_order_by_default(coordinator_client, coordinator):
    PersonFactory(first_name="Zoe", last_name="Zander")
    PersonFactory(first_name="Anna", last_name="Albers")
    PersonFactory(first_name="Olaf", last_name="Ohnestelle", is_active=False)
    response = coordinator_client.get(URL)
    assert names(response) == ["Anna Albers", "Clara Koordinatorin", "Zoe Zander"]
    assert response.context["filter"].form["active"].value() == "active"


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        ("inactive", ["Olaf Ohnestelle"]),
        ("all", ["Clara Koordinatorin", "Olaf Ohnestelle"]),
        ("nonsense", ["Clara Koordinatorin"]),
    ],
)
def test_the_status_filter(coordinator_client, coordinator, active, expected):
    PersonFactory(first_name="Olaf", last_name="Ohnestelle", is_active=False)
    assert names(coordinator_client.get(URL, {"active": active})) == expected


def test_inactive_people_are_visibly_marked(coordinator_client, coordinator):
    PersonFactory(first_name="Olaf", last_name="Ohnestelle", is_active=False)
    html = coordinator_client.get(URL, {"active": "all"}).content.decode()
    row = re.search(r"<tr class=\"is-inactive\">.*?</tr>", html, re.S).group(0)
    assert "Ohnestelle" in row and "badge-inactive" in row


@pytest.mark.parametrize(
    "query",
    ["müller", "MÜLLER", "Mueller", "mueller", "marlene müller", "Müller Marlene", "E77"],
)
def test_search_finds_names_and_ids_case_and_umlaut_tolerant(
    coordinator_client, mentee_person, query
):
    mentee_person.employee_id = "E77001"
    mentee_person.save()
    PersonFactory(first_name="Moritz", last_name="Maier", employee_id="X1")
    assert names(coordinator_client.get(URL, {"q": query})) == ["Marlene Müller"]


def test_search_finds_the_ascii_spelling_from_an_umlaut(coordinator_client, coordinator):
    PersonFactory(first_name="Jürgen", last_name="Mueller")
    PersonFactory(first_name="Jörg", last_name="Meier")
    assert names(coordinator_client.get(URL, {"q": "Müller"})) == ["Jürgen Mueller"]
    assert names(coordinator_client.get(URL, {"q": "juergen"})) == ["Jürgen Mueller"]


@pytest.mark.parametrize("query", ["özlem", "Özlem", "ÖZLEM", "oezlem", "öztürk"])
def test_search_finds_names_that_start_with_an_umlaut(coordinator_client, coordinator, query):
    PersonFactory(first_name="Özlem", last_name="Öztürk")
    PersonFactory(first_name="Oskar", last_name="Ortmann")
    assert names(coordinator_client.get(URL, {"q": query})) == ["Özlem Öztürk"]


def test_search_by_email_ignores_case(coordinator_client, coordinator):
    PersonFactory(first_name="Eva", last_name="Email", email="Eva.Email@Example.com")
    assert names(coordinator_client.get(URL, {"q": "EVA.EMAIL@example"})) == ["Eva Email"]


def test_org_unit_filter_includes_every_sub_unit(coordinator_client, coordinator, org):
    it = coordinator_client.get(URL, {"org_unit": org["it"].pk})
    assert names(it) == ["Ivo Informatik", "Pia Plattform"]
    acme = coordinator_client.get(URL, {"org_unit": org["acme"].pk})
    assert len(names(acme)) == 4
    platform = coordinator_client.get(URL, {"org_unit": org["platform"].pk})
    assert names(platform) == ["Pia Plattform"]


def test_org_unit_choices_are_in_tree_order(coordinator_client, coordinator, org):
    response = coordinator_client.get(URL)
    labels = [
        label.strip() for _value, label in response.context["filter"].form["org_unit"].field.choices
    ][1:]
    assert labels == ["ACME", "IT", "Platform", "Sales"]


def test_career_level_and_location_filters(coordinator_client, coordinator):
    berlin, munich = LocationFactory(name="Berlin"), LocationFactory(name="München")
    CareerLevel.objects.create(rank=6, name="Executive")
    PersonFactory(first_name="Bea", last_name="Berlin", location=berlin, career_level=6)
    PersonFactory(first_name="Max", last_name="München", location=munich, career_level=6)
    PersonFactory(first_name="Ben", last_name="Berliner", location=berlin, career_level=2)
    assert names(coordinator_client.get(URL, {"location": berlin.pk})) == [
        "Bea Berlin",
        "Ben Berliner",
    ]
    response = coordinator_client.get(URL, {"location": berlin.pk, "career_level": 6})
    assert names(response) == ["Bea Berlin"]
    assert "6 – Executive" in response.content.decode()


def test_an_unknown_filter_value_shows_an_error_not_a_crash(coordinator_client, coordinator):
    response = coordinator_client.get(URL, {"org_unit": "999999", "career_level": "x"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_pagination_50_per_page_and_page_links_keep_the_filters(coordinator_client, coordinator):
    for i in range(120):
        PersonFactory(first_name=f"Paul{i:03d}", last_name="Paginiert")
    first = coordinator_client.get(URL, {"q": "paginiert"})
    assert len(names(first)) == 50
    assert first.context["page"].paginator.num_pages == 3
    html = first.content.decode()
    assert 'href="/people/?q=paginiert&amp;page=2"' in html
    last = coordinator_client.get(URL, {"q": "paginiert", "page": 3})
    assert len(names(last)) == 20
    assert names(last)[-1] == "Paul119 Paginiert"
    assert 'href="/people/?q=paginiert&amp;page=2"' in last.content.decode()
    # An out-of-range or broken page number shows a real page instead of an error.
    assert coordinator_client.get(URL, {"q": "paginiert", "page": 99}).context["page"].number == 3
    assert coordinator_client.get(URL, {"page": "abc"}).status_code == 200


def test_the_page_works_without_js_as_a_plain_get_form(coordinator_client, coordinator):
    html = coordinator_client.get(URL).content.decode()
    form = re.search(r"<form method=\"get\" action=\"/people/\".*?</form>", html, re.S).group(0)
    assert '<button type="submit">' in form
    assert 'hx-trigger="input changed delay:300ms, search"' in form
    assert 'hx-push-url="true"' in form
    assert 'id="people-results"' in html


def test_htmx_requests_get_only_the_results_region(coordinator_client, mentee_person):
    response = coordinator_client.get(URL, {"q": "müller"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "<nav aria-label" not in html.split("pagination")[0]
    assert "Müller" in html
    assert 'hx-swap-oob="innerHTML"' in html  # the live region announces the new count
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_full_page(coordinator_client, coordinator):
    response = coordinator_client.get(
        URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_rows(
    coordinator_client, coordinator, django_assert_max_num_queries
):
    berlin = LocationFactory(name="Berlin")
    unit = OrgUnitFactory(name="ACME")
    boss = PersonFactory(org_unit=unit, location=berlin)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_client.get(URL).status_code == 200
        return len(captured)

    few = count_queries()
    for _ in range(60):
        PersonFactory(org_unit=unit, location=berlin, manager=boss, career_level=3)
    assert count_queries() == few
    # 13: with the navigation's unread messages badge (this coordinator is a participant too).
    with django_assert_max_num_queries(13):
        coordinator_client.get(URL, {"q": "a", "org_unit": unit.pk, "location": berlin.pk})


@pytest.mark.parametrize("params", [{}, {"q": "e"}])
def test_every_page_in_turn_gives_the_whole_list_once_in_order(
    coordinator_client, coordinator, params
):
    """Back-half pages are read from the end of the order; the result must not differ."""
    for i in range(130):
        PersonFactory(first_name=f"Eva{i % 7}", last_name=f"Eckert{i % 11:02d}")
    # Everyone matches "e" (example.com); the search orders by expressions instead of the index.
    expected = [
        p.full_name
        for p in Person.objects.filter(is_active=True).order_by("last_name", "first_name", "id")
    ]
    pages = coordinator_client.get(URL, params).context["page"].paginator.num_pages
    seen = []
    for number in range(1, pages + 1):
        seen += names(coordinator_client.get(URL, {**params, "page": number}))
    assert seen == expected


def test_no_match_explains_and_offers_to_reset_the_filters(coordinator_client, coordinator):
    html = coordinator_client.get(URL, {"q": "zzzz", "active": "active"}).content.decode()
    assert '<p class="empty-state">' in html
    assert f'<a href="{URL}">' in html.split('class="empty-state"')[1]
    assert 'href="/people/export.csv' not in html  # nothing to export


def test_the_list_is_not_kept_in_shared_caches(coordinator_client, coordinator):
    response = coordinator_client.get(URL)
    assert "private" in response["Cache-Control"]
