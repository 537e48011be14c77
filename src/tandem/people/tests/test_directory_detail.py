"""A person's profile and the org chart of their reporting line."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tandem.people.selectors import person_below_counts
from tandem.people.tests.factories import OrgUnitFactory, PersonFactory


def build_team():
    """CEO → VP → Marlene's boss chain, and below the VP: two leads with a small team each."""
    ceo = PersonFactory(first_name="Carla", last_name="Chefin", job_title="CEO")
    vp = PersonFactory(first_name="Viktor", last_name="Vorstand", manager=ceo)
    lead_a = PersonFactory(first_name="Lea", last_name="Leitung", manager=vp)
    lead_b = PersonFactory(first_name="Lars", last_name="Lenker", manager=vp, is_active=False)
    team = [
        PersonFactory(manager=lead_a),
        PersonFactory(manager=lead_a),
        PersonFactory(manager=lead_a, is_active=False),
        PersonFactory(manager=lead_b),
    ]
    deep = PersonFactory(manager=team[0])
    return ceo, vp, lead_a, lead_b, team, deep


def test_profile_shows_the_fields_the_org_path_manager_and_reports(
    client_for, coordinator, mentee_person
):
    acme = OrgUnitFactory(name="ACME")
    it = OrgUnitFactory(name="IT", parent=acme)
    platform = OrgUnitFactory(name="Platform", parent=it)
    boss = PersonFactory(first_name="Bruno", last_name="Boss")
    mentee_person.manager = boss
    mentee_person.org_unit = platform
    mentee_person.job_title = "Managing Director"
    mentee_person.birth_year = 1958
    mentee_person.languages = ["de", "en", "xx"]
    mentee_person.save()
    report = PersonFactory(first_name="Rita", last_name="Report", manager=mentee_person)
    html = client_for(coordinator).get(reverse("people:detail", args=[mentee_person.pk]))
    html = html.content.decode()
    assert "<h1>Marlene Müller" in html
    assert "Managing Director" in html
    path = re.search(r'<ol class="unit-path".*?</ol>', html, re.S).group(0)
    assert [m for m in re.findall(r"<li[^>]*>([^<]+)</li>", path)] == ["ACME", "IT", "Platform"]
    assert f'href="{reverse("people:detail", args=[boss.pk])}"' in html
    assert f'href="{reverse("people:detail", args=[report.pk])}"' in html
    assert "German, English, xx" in html
    assert "1958" not in html  # the birth year is for aggregated statistics only
    assert f'href="{reverse("people:reporting_line", args=[mentee_person.pk])}"' in html


def test_a_participant_sees_their_manager_by_name_but_not_as_a_link(
    client_for, mentee, mentee_person
):
    boss = PersonFactory(first_name="Bruno", last_name="Boss")
    mentee_person.manager = boss
    mentee_person.save()
    html = client_for(mentee).get(reverse("people:detail", args=[mentee_person.pk]))
    html = html.content.decode()
    assert "Bruno Boss" in html
    assert reverse("people:detail", args=[boss.pk]) not in html
    assert reverse("people:list") + '"' not in html.split("<main")[1]  # no breadcrumb


def test_an_inactive_person_is_marked(client_for, coordinator):
    gone = PersonFactory(is_active=False)
    html = client_for(coordinator).get(reverse("people:detail", args=[gone.pk])).content.decode()
    assert "badge-inactive" in html


def test_reporting_line_shows_the_chain_from_the_top_the_person_and_their_reports(
    client_for, coordinator
):
    ceo, vp, _lead_a, _lead_b, _team, _deep = build_team()
    html = client_for(coordinator).get(reverse("people:reporting_line", args=[vp.pk]))
    html = html.content.decode()
    chart = re.search(r'<nav class="orgchart".*?>(.*?)</nav>', html, re.S).group(1)
    assert chart.index("Carla Chefin") < chart.index("Viktor Vorstand") < chart.index("Lea Leitung")
    self_node = re.search(r'<div class="orgchart-node orgchart-self.*?</div>', chart, re.S).group(0)
    assert "Viktor Vorstand" in self_node
    assert "2 direct reports" in self_node
    # Below Viktor, active: Lea, two of Lea's team, the deep report, Lars's active report.
    assert "5 active people below at all levels" in self_node
    lars = re.search(r'<div class="orgchart-node is-inactive">.*?</div>', chart, re.S).group(0)
    assert "Lars Lenker" in lars and "badge-inactive" in lars
    assert f'href="{reverse("people:reporting_line", args=[ceo.pk])}"' in chart
    assert chart.count("<ol") == chart.count("</ol>")


def test_below_counts_in_one_query(django_assert_num_queries, db):
    _ceo, vp, lead_a, lead_b, _team, _deep = build_team()
    with django_assert_num_queries(1):
        counts = person_below_counts(person_id=vp.pk)
    assert counts == {lead_a.pk: 3, lead_b.pk: 1}


def test_below_counts_stop_at_a_corrupt_loop(db):
    a = PersonFactory()
    b = PersonFactory(manager=a)
    a.manager = b  # a loop the services refuse; the page must still terminate
    a.save()
    assert person_below_counts(person_id=a.pk) == {}


def test_reporting_line_of_the_top_person_has_no_chain(client_for, coordinator):
    ceo, *_rest = build_team()
    response = client_for(coordinator).get(reverse("people:reporting_line", args=[ceo.pk]))
    assert response.status_code == 200
    assert response.context["chain"] == []


@pytest.mark.parametrize("size", [2, 12])
def test_reporting_line_queries_do_not_grow_with_the_team(
    client_for, coordinator, django_assert_max_num_queries, size
):
    boss = PersonFactory()
    for _ in range(size):
        PersonFactory(manager=PersonFactory(manager=boss))
    client = client_for(coordinator)
    # 11: with the navigation's unread messages badge (this coordinator is a participant too).
    with django_assert_max_num_queries(11):
        client.get(reverse("people:reporting_line", args=[boss.pk]))
