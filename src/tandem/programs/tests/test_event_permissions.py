"""Who may use which event page: every view, every role (the permission matrix)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.conf import settings
from django.urls import reverse

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.models import CohortEvent, EventResponse
from tandem.programs.tests.factories import CohortEventFactory, CohortFactory

REFUSED_ALWAYS = ["sponsor", "mentee", "outsider"]  # the mentee is not enrolled
COORDINATORS = ["coordinator", "superuser"]


@pytest.fixture
def event(db, mentor_person):
    """An upcoming event; the mentor is enrolled in its cohort, the mentee is not."""
    event = CohortEventFactory()
    EnrolmentFactory(cohort=event.cohort, person=mentor_person, role="mentor")
    return event


def edit_data(event: CohortEvent) -> dict[str, str]:
    day = event.cohort.starts_on + datetime.timedelta(days=3)
    return {
        "kind": "other",
        "title": "Tutorial afternoon",
        "date": day.isoformat(),
        "time": "15:00",
        "duration_minutes": "60",
        "place": "Room 1",
        "video_url": "",
        "agenda": "",
    }


def cohort_pk(event: CohortEvent) -> int:
    return event.cohort_id


def event_pk(event: CohortEvent) -> int:
    return event.pk


# (method, url name, object for the url, data, status on success)
View = tuple[
    str, str, Callable[[CohortEvent], int], Callable[[CohortEvent], dict[str, str]] | None, int
]
MANAGE_VIEWS: list[View] = [
    ("get", "programs:event_create", cohort_pk, None, 200),
    ("post", "programs:event_create", cohort_pk, edit_data, 302),
    ("post", "programs:cohort_propose_events", cohort_pk, lambda e: {}, 302),
    ("get", "programs:event_edit", event_pk, None, 200),
    ("post", "programs:event_edit", event_pk, edit_data, 302),
    ("get", "programs:event_delete", event_pk, None, 200),
    ("post", "programs:event_delete", event_pk, lambda e: {}, 302),
]
VIEW_VIEWS: list[View] = [
    ("get", "programs:cohort_events", cohort_pk, None, 200),
    ("get", "programs:event_detail", event_pk, None, 200),
    ("get", "programs:event_ics", event_pk, None, 200),
    ("get", "programs:cohort_events_ics", cohort_pk, None, 200),
]
RSVP_VIEWS: list[View] = [
    ("post", "programs:event_rsvp", event_pk, lambda e: {"answer": "yes"}, 302)
]
ALL_VIEWS = MANAGE_VIEWS + VIEW_VIEWS + RSVP_VIEWS


def call(client, event, method, name, pk_of, data):
    url = reverse(name, args=[pk_of(event)])
    return getattr(client, method)(url, data(event) if data else None)


def state():
    return (
        list(CohortEvent.objects.order_by("pk").values()),
        list(EventResponse.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(("method", "name", "pk_of", "data", "ok"), ALL_VIEWS)
def test_anonymous_visitors_are_sent_to_the_login(client, event, method, name, pk_of, data, ok):
    response = call(client, event, method, name, pk_of, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", REFUSED_ALWAYS)
@pytest.mark.parametrize(("method", "name", "pk_of", "data", "ok"), ALL_VIEWS)
def test_sponsors_outsiders_and_people_not_enrolled_are_refused_everywhere(
    request, client_for, event, persona, method, name, pk_of, data, ok
):
    before = state()
    response = call(client_for(request.getfixturevalue(persona)), event, method, name, pk_of, data)
    assert response.status_code == 403
    assert state() == before


@pytest.mark.parametrize(("method", "name", "pk_of", "data", "ok"), MANAGE_VIEWS)
def test_enrolled_participants_cannot_manage_events(
    client_for, mentor, event, method, name, pk_of, data, ok
):
    before = state()
    assert call(client_for(mentor), event, method, name, pk_of, data).status_code == 403
    assert state() == before


@pytest.mark.parametrize("persona", COORDINATORS)
@pytest.mark.parametrize(("method", "name", "pk_of", "data", "ok"), MANAGE_VIEWS + VIEW_VIEWS)
def test_coordinators_and_superusers_may_manage_and_view_events(
    request, client_for, event, persona, method, name, pk_of, data, ok
):
    response = call(client_for(request.getfixturevalue(persona)), event, method, name, pk_of, data)
    assert response.status_code == ok, getattr(response, "context", None) and response.context.get(
        "form"
    )


@pytest.mark.parametrize(("method", "name", "pk_of", "data", "ok"), VIEW_VIEWS + RSVP_VIEWS)
def test_enrolled_participants_may_view_and_answer(
    client_for, mentor, event, method, name, pk_of, data, ok
):
    assert call(client_for(mentor), event, method, name, pk_of, data).status_code == ok


def test_coordinators_do_not_answer_for_a_cohort_they_are_not_enrolled_in(
    client_for, coordinator, event
):
    response = client_for(coordinator).post(
        reverse("programs:event_rsvp", args=[event.pk]), {"answer": "yes"}
    )
    assert response.status_code == 403
    assert not EventResponse.objects.exists()


def test_a_superuser_without_enrolment_gets_an_explanation_not_an_answer(
    client_for, superuser, event
):
    response = client_for(superuser).post(
        reverse("programs:event_rsvp", args=[event.pk]), {"answer": "yes"}, follow=True
    )
    assert "Only people enrolled" in response.content.decode()
    assert not EventResponse.objects.exists()


def test_participants_of_another_cohort_are_refused(client_for, mentee, mentee_person, event):
    EnrolmentFactory(
        person=mentee_person, role="mentor", cohort=CohortFactory()
    )  # enrolled elsewhere
    client = client_for(mentee)
    for name in ("programs:event_detail", "programs:event_ics"):
        assert client.get(reverse(name, args=[event.pk])).status_code == 403
    assert client.get(reverse("programs:cohort_events", args=[event.cohort_id])).status_code == 403


@pytest.mark.parametrize(
    "name", ["programs:event_detail", "programs:event_ics", "programs:event_edit"]
)
def test_missing_events_are_403_for_participants_and_404_for_coordinators(
    client_for, mentor, coordinator, event, name
):
    url = reverse(name, args=[event.pk + 1000])
    assert client_for(mentor).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404


def test_missing_cohorts_are_403_for_participants_and_404_for_coordinators(
    client_for, mentor, coordinator, event
):
    url = reverse("programs:cohort_events", args=[event.cohort_id + 1000])
    assert client_for(mentor).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404


def test_read_views_refuse_writes_and_write_views_refuse_get(client_for, coordinator, event):
    client = client_for(coordinator)
    assert client.post(reverse("programs:event_detail", args=[event.pk])).status_code == 405
    assert (
        client.get(reverse("programs:cohort_propose_events", args=[event.cohort_id])).status_code
        == 405
    )
    assert client.get(reverse("programs:event_rsvp", args=[event.pk])).status_code in (403, 405)
