"""The coordinator's list of tandems and each partner's view of their own row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.tandems.tests.factories import TandemFactory
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def cohort_list(cohort):
    return reverse("workspace:cohort_tandems", args=[cohort.pk])


def coordinator_view(key):
    return reverse("workspace:coordinator_sees", args=[key])


@pytest.mark.parametrize("role", ["coordinator", "superuser"])
def test_coordinators_see_every_formed_tandem_with_dates_and_counts(
    formed, space_roles, client_for, role
):
    TandemFactory(cohort=formed.cohort, published=True)  # a proposal is not listed
    response = client_for(space_roles[role]).get(cohort_list(formed.cohort))
    assert response.status_code == 200
    text = response.content.decode()
    assert formed.tandem.mentee.person.full_name in text
    assert formed.other.mentee.person.full_name in text
    assert len(response.context["rows"]) == 2
    assert "not signed" in text
    assert f"0 of {formed.cohort.target_meetings}" in text


@pytest.mark.parametrize("role", ["mentor", "mentee", "other_member", "sponsor", "outsider"])
def test_others_cannot_list_a_cohorts_tandems(formed, space_roles, client_for, role):
    assert client_for(space_roles[role]).get(cohort_list(formed.cohort)).status_code == 403


def test_list_filters_and_sorts(formed, coordinator, client_for):
    ended = TandemFactory(cohort=formed.cohort, ended=True)
    client = client_for(coordinator)
    rows = client.get(cohort_list(formed.cohort), {"status": "ended"}).context["rows"]
    assert [row.tandem_id for row in rows] == [ended.pk]
    rows = client.get(cohort_list(formed.cohort), {"sort": "-mentee"}).context["rows"]
    names = [row.mentee_name.casefold() for row in rows]
    assert names == sorted(names, reverse=True)
    # Nonsense in the query string is ignored, not an error.
    assert (
        client.get(cohort_list(formed.cohort), {"sort": "x'--", "status": "<b>"}).status_code == 200
    )


def test_unknown_cohort_is_refused_like_a_real_one(formed, coordinator, client_for):
    response = client_for(coordinator).get(reverse("workspace:cohort_tandems", args=[999999]))
    assert response.status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_reads_in_a_fixed_number_of_queries(formed, coordinator, client_for):
    client = client_for(coordinator)
    few = _queries(client, cohort_list(formed.cohort))
    for _ in range(8):
        TandemFactory(cohort=formed.cohort, confirmed=True)
    assert _queries(client, cohort_list(formed.cohort)) == few


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_partners_see_their_row_exactly_as_the_coordinator(formed, space_roles, client_for, role):
    mine = client_for(space_roles[role]).get(coordinator_view(formed.key))
    assert mine.status_code == 200
    assert "What your coordinator sees" in mine.content.decode()
    coordinator_rows = client_for(space_roles["coordinator"]).get(cohort_list(formed.cohort))
    row = next(r for r in coordinator_rows.context["rows"] if r.tandem_id == formed.tandem.pk)
    assert mine.context["row"] == row


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_nobody_else_sees_a_tandems_coordinator_view(formed, space_roles, client_for, role):
    assert client_for(space_roles[role]).get(coordinator_view(formed.key)).status_code == 403


def test_list_in_german(formed, coordinator, client_for):
    response = client_for(coordinator).get(cohort_list(formed.cohort), HTTP_ACCEPT_LANGUAGE="de")
    assert "nicht unterschrieben" in response.content.decode()


def test_a_long_list_comes_in_pages_of_a_hundred(formed, coordinator, client_for):
    TandemFactory.create_batch(99, cohort=formed.cohort, confirmed=True)  # 101 in all
    client = client_for(coordinator)
    first = client.get(cohort_list(formed.cohort)).content.decode()
    assert first.count("<tr>") - 1 == 100  # the header row aside
    assert "101 tandems of 101 shown" in first and "Page 1 of 2" in first
    second = client.get(cohort_list(formed.cohort) + "?page=2").content.decode()
    assert second.count("<tr>") - 1 == 1


def _formed_days_ago(tandem, days):
    from datetime import timedelta

    from django.utils import timezone

    type(tandem).objects.filter(pk=tandem.pk).update(
        confirmed_at=timezone.now() - timedelta(days=days)
    )


def test_coordinators_see_each_tandems_health_and_can_filter_by_it(formed, coordinator, client_for):
    _formed_days_ago(formed.other, 100)  # never met, nothing scheduled, no agreement
    client = client_for(coordinator)
    response = client.get(cohort_list(formed.cohort))
    text = response.content.decode()
    assert "Health" in text and "Too early to tell" in text and "Stalled" in text
    health = {row.tandem_id: row.health.code for row in response.context["rows"]}
    assert health == {formed.tandem.pk: "too_early", formed.other.pk: "stalled"}
    rows = client.get(cohort_list(formed.cohort), {"health": "stalled"}).context["rows"]
    assert [row.tandem_id for row in rows] == [formed.other.pk]
    rows = client.get(cohort_list(formed.cohort), {"sort": "health"}).context["rows"]
    assert [row.tandem_id for row in rows] == [formed.other.pk, formed.tandem.pk]
    # An unknown state is ignored, like any other nonsense in the query string.
    assert len(client.get(cohort_list(formed.cohort), {"health": "x"}).context["rows"]) == 2


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_partners_see_their_tandems_health_and_its_reasons(formed, space_roles, client_for, role):
    _formed_days_ago(formed.tandem, 100)
    response = client_for(space_roles[role]).get(coordinator_view(formed.key))
    text = response.content.decode()
    assert "Your tandem&#x27;s health" in text or "Your tandem's health" in text
    assert "<strong>Stalled</strong>" in text
    assert "No meeting held since the tandem formed" in text
    assert "No agreement signed three weeks after the tandem formed." in text


def test_partners_see_their_tandems_health_in_german(formed, mentee, client_for):
    _formed_days_ago(formed.tandem, 100)
    response = client_for(mentee).get(coordinator_view(formed.key), HTTP_ACCEPT_LANGUAGE="de")
    text = response.content.decode()
    assert "Ins Stocken geraten" in text
    assert "Keine Vereinbarung drei Wochen nach Beginn des Tandems unterschrieben." in text


def test_the_space_pages_privacy_card_mentions_the_health(formed, mentee, client_for):
    text = client_for(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert "might welcome a check-in" in text
