"""The matching pages read a fixed number of queries, however many people and proposals a cohort
has (no per-row lookups)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.matching.runs.services import matching_run
from tandem.matching.tests.requests_helpers import allow_requests
from tandem.matching.tests.review_helpers import second_mentee, second_mentor


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _grow(ns, pairs: int) -> None:
    for _ in range(pairs):
        second_mentor(ns)
        second_mentee(ns)


def test_the_review_page_does_not_query_per_proposal(matching_cohort, coordinator, client_for):
    ns = matching_cohort
    client = client_for(coordinator)
    url = reverse("matching:review", args=[ns.cohort.pk])
    matching_run(cohort=ns.cohort, actor=coordinator)
    small = _queries(client, url)
    _grow(ns, 5)
    run = matching_run(cohort=ns.cohort, actor=coordinator)
    assert run.matched == 6
    assert _queries(client, url) == small


def test_find_a_mentor_does_not_query_per_mentor(matching_cohort, mentee, client_for):
    ns = matching_cohort
    allow_requests(ns.cohort)
    client = client_for(mentee)
    url = reverse("matching:find_mentor", args=[ns.cohort.pk])
    small = _queries(client, url)
    for _ in range(5):
        second_mentor(ns)
    assert _queries(client, url) == small
