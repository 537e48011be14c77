"""A tandem formed from an approved mentee request appears on the coordinator's matching page,
marked as formed from a request (issue 8, point 10)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.matching.requests.services import mentor_request_decide
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentee,
    another_mentor,
    answer,
    send,
)
from tandem.tandems.models import TandemSource, TandemStatus


def _page(client, cohort) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("matching:review", args=[cohort.pk]))
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def _formed(m, coordinator, *, mentee=None, mentor=None):
    request = answer(send(m, mentee=mentee, mentor=mentor), accept=True)
    request = mentor_request_decide(request=request, approve=True, actor=coordinator)
    assert request.tandem.status == TandemStatus.CONFIRMED
    assert request.tandem.source == TandemSource.REQUEST
    return request.tandem


def test_a_tandem_formed_from_an_approved_request_is_on_the_matching_page(
    matching_cohort, coordinator, client_for
):
    m = matching_cohort
    allow_requests(m.cohort, approval=True)
    _formed(m, coordinator)
    _queries, html = _page(client_for(coordinator), m.cohort)
    seen = html.split('id="published"')[1].split("</section>")[0]
    assert "Marlene Müller" in seen and "Jonas Yılmaz" in seen
    assert 'data-source="request"' in seen
    assert "formed from a request" in seen
    assert "formed" in seen


def test_the_matching_page_reads_a_fixed_number_of_queries_however_many_requests_formed(
    matching_cohort, coordinator, client_for
):
    m = matching_cohort
    allow_requests(m.cohort, approval=True)
    client = client_for(coordinator)
    _formed(m, coordinator)
    small, _html = _page(client, m.cohort)
    for name in ("Petra", "Paula", "Pia"):
        _formed(
            m,
            coordinator,
            mentee=another_mentee(m, first_name=name),
            mentor=another_mentor(m, first_name=f"{name}s Mentor"),
        )
    more, html = _page(client, m.cohort)
    assert html.split('id="published"')[1].count('data-source="request"') == 4
    assert more == small
