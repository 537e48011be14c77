"""The tandem's page and the coordinator's list read a fixed number of queries, whatever the
number of meetings, notes, KPIs, learnings and tandems (issue 10, point 11)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.tandems.tests.factories import TandemFactory
from tandem.topics.models import Topic
from tandem.workspace.learning.services import learning_add
from tandem.workspace.notes.services import note_create
from tandem.workspace.tests.plant import plant, space

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)  # warm: session, translations, caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_of_everything(formed, rounds: int) -> None:
    for _ in range(rounds):
        other = TandemFactory(cohort=formed.cohort, confirmed=True)
        plant(other)


def test_the_space_page_reads_as_much_for_a_full_tandem_as_for_a_fuller_one(
    formed, mentor, client_for
):
    plant(formed.tandem)
    client = client_for(mentor)
    url = reverse("workspace:page", args=[formed.key])
    once = _queries(client, url)
    # The same tandem with more of everything a pair keeps (a second agreement round aside).

    mine = space(formed.tandem, "mentor")
    topic = Topic.objects.first()
    for n in range(6):
        note_create(space=mine, text=f"n{n}", is_private=n % 2 == 0, actor=None)
        learning_add(space=mine, topic=topic, learned_on=timezone.localdate(), text="l", actor=None)
    _more_of_everything(formed, 2)
    assert _queries(client, url) == once


def test_the_coordinators_list_reads_as_much_for_two_tandems_as_for_six(
    formed, coordinator, client_for
):
    plant(formed.tandem)
    client = client_for(coordinator)
    url = reverse("workspace:cohort_tandems", args=[formed.cohort.pk])
    few = _queries(client, url)
    _more_of_everything(formed, 4)
    assert _queries(client, url) == few
