"""The coordinator's page for a cohort's nudge timings: who may see it, what it refuses."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.nudges.due import DEFAULT_TIMINGS
from tandem.nudges.models import CohortNudgeTimings
from tandem.nudges.selectors import cohort_timings

pytestmark = pytest.mark.django_db

VALID = {
    "proposal_first_days": 2,
    "proposal_second_days": 5,
    "request_reminder_days": 7,
    "request_close_days": 14,
    "agreement_days": 21,
    "meeting_grace_days": 7,
    "escalate_after_days": 10,
    "meeting_reminder_hours": 24,
    "event_reminder_days": 3,
    "proposals_on": "on",
    "requests_on": "on",
    "agreement_on": "on",
    "meetings_due_on": "on",
    "escalation_on": "on",
    "meeting_reminders_on": "on",
}


def _url(cohort):
    return reverse("nudges:cohort_timings", args=[cohort.pk])


def test_the_coordinator_sees_the_defaults_and_saves_new_timings(pair, coordinator, client_for):
    client = client_for(coordinator)
    page = client.get(_url(pair.cohort))
    assert page.status_code == 200
    assert 'name="proposal_first_days" value="3"' in page.content.decode()
    response = client.post(_url(pair.cohort), VALID)
    assert response.status_code == 302
    timings = cohort_timings(cohort=pair.cohort)
    assert (timings.proposal_first_days, timings.escalate_after_days) == (2, 10)
    assert timings.event_reminders_on is False  # unticked
    assert AuditEvent.objects.filter(action="nudges.timings.save").count() == 1


def test_a_second_reminder_before_the_first_is_refused_at_its_field(pair, coordinator, client_for):
    response = client_for(coordinator).post(
        _url(pair.cohort), {**VALID, "proposal_first_days": 7, "proposal_second_days": 7}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "later than the first" in errors["proposal_second_days"][0]
    assert not CohortNudgeTimings.objects.exists()


def test_a_request_closing_before_its_reminder_is_refused(pair, coordinator, client_for):
    response = client_for(coordinator).post(
        _url(pair.cohort), {**VALID, "request_reminder_days": 10, "request_close_days": 9}
    )
    assert (
        "only close after its reminder" in response.context["form"].errors["request_close_days"][0]
    )


def test_zero_days_and_a_reminder_more_than_a_week_ahead_are_refused(pair, coordinator, client_for):
    response = client_for(coordinator).post(
        _url(pair.cohort), {**VALID, "agreement_days": 0, "meeting_reminder_hours": 200}
    )
    errors = response.context["form"].errors
    assert set(errors) == {"agreement_days", "meeting_reminder_hours"}


def test_the_refusal_is_german_for_a_german_session(pair, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(
        _url(pair.cohort),
        {**VALID, "proposal_first_days": 7, "proposal_second_days": 3},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert "Die zweite Erinnerung muss nach der ersten kommen" in response.content.decode()


@pytest.mark.parametrize("role", ["sponsor", "mentor", "mentee", "outsider"])
def test_everybody_but_coordinators_is_refused(pair, role, client_for, request):
    client = client_for(request.getfixturevalue(role))
    assert client.get(_url(pair.cohort)).status_code == 403
    assert client.post(_url(pair.cohort), VALID).status_code == 403
    assert not CohortNudgeTimings.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(pair, client):
    assert client.get(_url(pair.cohort)).status_code == 302


def test_a_missing_cohort_is_refused_like_any_other(coordinator, client_for):
    assert client_for(coordinator).get("/programs/cohorts/999999/nudges/").status_code in (403, 404)


def test_the_cohort_page_links_to_the_timings(pair, coordinator, client_for):
    page = client_for(coordinator).get(reverse("programs:cohort_detail", args=[pair.cohort.pk]))
    assert _url(pair.cohort) in page.content.decode()


def test_saved_timings_drive_the_jobs(pair, coordinator, travel, daily):
    from tandem.nudges.timings import cohort_nudge_timings_save

    cohort_nudge_timings_save(
        cohort=pair.cohort,
        values={"agreement_days": 5, "meetings_due_on": False},
        actor=coordinator,
    )
    travel(days=5)
    sent = daily()
    assert len(sent) == 2 and all("agreement" in m.subject for m in sent)
    assert DEFAULT_TIMINGS.agreement_days == 21


def test_the_form_shows_the_limits_before_sending():
    from tandem.nudges.forms import NudgeTimingsForm
    from tandem.nudges.models import MAX_DAYS, MAX_REMINDER_HOURS

    form = NudgeTimingsForm()
    assert f'min="1" max="{MAX_DAYS}"' in str(form["proposal_first_days"])
    assert f'max="{MAX_REMINDER_HOURS}"' in str(form["meeting_reminder_hours"])
