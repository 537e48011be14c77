"""The event pages at work: proposing, editing, RSVP with and without htmx, the cohort section."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.models import CohortEvent, EventResponse
from tandem.programs.tests.factories import CohortEventFactory, CohortFactory, EventResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(mentor_person):
    event = CohortEventFactory(title="Tutorial afternoon", agenda="Excel tricks\nQuestions")
    EnrolmentFactory(cohort=event.cohort, person=mentor_person, role="mentor")
    return event


def form_data(event, **overrides):
    day = event.cohort.starts_on + datetime.timedelta(days=3)
    data = {
        "kind": "other",
        "title": "Tutorial afternoon",
        "date": day.isoformat(),
        "time": "15:00",
        "duration_minutes": "60",
        "place": "Room 1",
        "video_url": "",
        "agenda": "",
    }
    return {**data, **overrides}


def test_coordinators_propose_the_missing_events_from_the_events_page(client_for, coordinator):
    cohort = CohortFactory()
    client = client_for(coordinator)
    page = client.get(reverse("programs:cohort_events", args=[cohort.pk])).content.decode()
    assert "Propose kickoff, half-time and closing" in page
    url = reverse("programs:cohort_propose_events", args=[cohort.pk])
    response = client.post(url, follow=True)
    assert "3 events proposed" in response.content.decode()
    assert sorted(cohort.events.values_list("kind", flat=True)) == [
        "closing",
        "halftime",
        "kickoff",
    ]
    assert "Propose kickoff" not in response.content.decode()
    again = client.post(url, follow=True).content.decode()
    assert "Nothing to propose" in again and cohort.events.count() == 3


def test_proposed_events_ask_the_coordinator_for_a_place(client_for, coordinator):
    cohort = CohortFactory()
    client = client_for(coordinator)
    client.post(reverse("programs:cohort_propose_events", args=[cohort.pk]))
    page = client.get(reverse("programs:cohort_events", args=[cohort.pk])).content.decode()
    assert page.count("No place or video link yet") == 3


def test_creating_an_event_redirects_to_it(client_for, coordinator, event):
    response = client_for(coordinator).post(
        reverse("programs:event_create", args=[event.cohort_id]),
        form_data(event, title="Data visualisation clinic"),
    )
    created = CohortEvent.objects.get(title="Data visualisation clinic")
    assert response["Location"] == reverse("programs:event_detail", args=[created.pk])
    assert created.starts_at.astimezone(datetime.UTC).hour == 14  # 15:00 Berlin


def test_creating_works_with_german_as_the_page_language(client_for, coordinator, event):
    response = client_for(coordinator).post(
        reverse("programs:event_create", args=[event.cohort_id]),
        form_data(event, title="Auftakt am Standort"),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 302
    assert CohortEvent.objects.filter(title="Auftakt am Standort").exists()


def test_a_refused_event_keeps_what_was_typed_and_says_how_to_fix_it(
    client_for, coordinator, event
):
    response = client_for(coordinator).post(
        reverse("programs:event_create", args=[event.cohort_id]),
        form_data(event, title="Kept title", place="", agenda="My agenda text"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert "enter a place (e.g. a room), a video link" in page
    assert 'value="Kept title"' in page and "My agenda text" in page
    assert not CohortEvent.objects.filter(title="Kept title").exists()


def test_a_date_outside_the_cohort_is_shown_on_the_date_field(client_for, coordinator, event):
    far = event.cohort.ends_on + datetime.timedelta(days=90)
    response = client_for(coordinator).post(
        reverse("programs:event_edit", args=[event.pk]), form_data(event, date=far.isoformat())
    )
    assert "Choose a date between" in str(response.context["form"].errors["date"])
    assert CohortEvent.objects.get(pk=event.pk).title == "Tutorial afternoon"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_edit_form_shows_the_local_date_and_time_for_the_browser_pickers(
    client_for, coordinator, event, language
):
    page = client_for(coordinator).get(
        reverse("programs:event_edit", args=[event.pk]), HTTP_ACCEPT_LANGUAGE=language
    )
    html = page.content.decode()
    assert f'<html lang="{language}"' in html
    assert f'value="{event.cohort.starts_on.isoformat()}"' in html  # type="date" needs ISO
    assert 'value="16:00"' in html


def test_deleting_returns_to_the_events_page(client_for, coordinator, event):
    client = client_for(coordinator)
    confirm = client.get(reverse("programs:event_delete", args=[event.pk]))
    assert "Delete “Tutorial afternoon”?" in confirm.content.decode()
    response = client.post(reverse("programs:event_delete", args=[event.pk]))
    assert response["Location"] == reverse("programs:cohort_events", args=[event.cohort_id])
    assert not CohortEvent.objects.filter(pk=event.pk).exists()


def test_deleting_never_redirects_off_site(client_for, coordinator, event):
    response = client_for(coordinator).post(
        reverse("programs:event_delete", args=[event.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("programs:cohort_events", args=[event.cohort_id])


def test_an_enrolled_participant_answers_with_htmx_and_gets_the_card_back(
    client_for, mentor, event
):
    response = client_for(mentor).post(
        reverse("programs:event_rsvp", args=[event.pk]),
        {"answer": "maybe", "next": "/programs/", "mode": "list"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<article id="event-{event.pk}"')
    assert re.search(r'value="maybe" aria-pressed="true"', page)
    assert 'value="yes" aria-pressed="false"' in page
    assert 'role="status"' in page
    assert EventResponse.objects.get().answer == "maybe"


def test_an_answer_without_javascript_returns_to_the_page(client_for, mentor, event):
    events_url = reverse("programs:cohort_events", args=[event.cohort_id])
    response = client_for(mentor).post(
        reverse("programs:event_rsvp", args=[event.pk]), {"answer": "no", "next": events_url}
    )
    assert response["Location"] == events_url
    assert EventResponse.objects.get().answer == "no"
    page = client_for(mentor).get(events_url).content.decode()
    assert "your answer is saved" in page
    assert 'value="no" aria-pressed="true"' in page


def test_an_invalid_answer_is_explained_in_the_card(client_for, mentor, event):
    response = client_for(mentor).post(
        reverse("programs:event_rsvp", args=[event.pk]),
        {"answer": "perhaps"},
        HTTP_HX_REQUEST="true",
    )
    assert 'role="alert"' in response.content.decode()
    assert not EventResponse.objects.exists()


def test_coordinators_see_counts_and_participants_see_neither_counts_nor_names(
    client_for, coordinator, mentor, mentor_person, event
):
    others = PersonFactory.create_batch(3, first_name="Zacharias")
    for person, answer in zip(others, ["yes", "yes", "no"], strict=True):
        EnrolmentFactory(cohort=event.cohort, person=person, role="mentor")
        EventResponseFactory(event=event, person=person, answer=answer)
    url = reverse("programs:event_detail", args=[event.pk])
    coordinator_page = client_for(coordinator).get(url).content.decode()
    assert "2 yes · 0 maybe · 1 no" in coordinator_page
    assert "Zacharias" not in coordinator_page  # counts only
    participant_page = client_for(mentor).get(url).content.decode()
    assert "2 yes" not in participant_page and "Zacharias" not in participant_page
    assert "Will you attend?" in participant_page
    assert "Will you attend?" not in coordinator_page  # not enrolled
    assert reverse("programs:event_edit", args=[event.pk]) not in participant_page
    assert reverse("programs:event_ics", args=[event.pk]) in participant_page


def test_past_events_show_the_answer_without_buttons(client_for, mentor, mentor_person):
    cohort = CohortFactory(starts_on=datetime.date(2020, 1, 6), ends_on=datetime.date(2020, 7, 6))
    past = CohortEventFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort, person=mentor_person, role="mentor")
    EventResponseFactory(event=past, person=mentor_person, answer="yes")
    page = client_for(mentor).get(reverse("programs:event_detail", args=[past.pk])).content.decode()
    assert "Your answer: I will attend" in page
    assert "Will you attend?" not in page


def test_the_cohort_section_renders_for_people_who_may_see_it(coordinator, mentor, outsider, event):
    def render_for(user):
        request = RequestFactory().get("/programs/cohorts/1/")
        request.user = user
        return render_to_string(
            "programs/events/_cohort_events.html", {"cohort": event.cohort}, request=request
        )

    assert "Tutorial afternoon" in render_for(coordinator)
    assert "Add an event" in render_for(coordinator)
    participant = render_for(mentor)
    assert "Tutorial afternoon" in participant and "Will you attend?" in participant
    assert "csrfmiddlewaretoken" in participant
    assert "Add an event" not in participant
    assert render_for(outsider).strip() == ""


@pytest.mark.parametrize(("language", "expected"), [("de", "de"), ("en", "en")])
def test_the_events_page_renders_in_german_and_english(
    client_for, coordinator, event, language, expected
):
    response = client_for(coordinator).get(
        reverse("programs:cohort_events", args=[event.cohort_id]),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert f'<html lang="{expected}"' in response.content.decode()


def test_every_change_from_the_pages_is_audited(client_for, coordinator, mentor, event):
    client_for(coordinator).post(
        reverse("programs:event_edit", args=[event.pk]), form_data(event, place="Auditorium")
    )
    client_for(mentor).post(reverse("programs:event_rsvp", args=[event.pk]), {"answer": "yes"})
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"event.update", "event.rsvp"} <= actions


def test_the_cohort_page_includes_the_events_section(client_for, coordinator, event):
    response = client_for(coordinator).get(
        reverse("programs:cohort_detail", args=[event.cohort_id])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="cohort-events"' in page and "Tutorial afternoon" in page
