"""The coordinator's program and cohort pages: forms, phase steps, charter, carry-over."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import LocationFactory
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort, CohortTransition, Program
from tandem.programs.tests.factories import (
    CharterFactory,
    CohortFactory,
    ProgramFactory,
    cohort_in,
    coordinator_user,
)

pytestmark = pytest.mark.django_db


def cohort_form_data(**changes) -> dict:
    data = {
        "name": "Spring 2026",
        "starts_on": "2026-03-01",
        "ends_on": "",
        "cadence": "monthly",
        "target_meetings": "6",
        "meeting_minutes": "60",
        "allows_in_person": "on",
        "allows_online": "on",
        "languages": "Deutsch, en",
        "coordinator": "",
        "mentees_per_mentor": "1",
        "direction_rule": "career_level",
        "mentor_allow_alumni": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# Programs ---------------------------------------------------------------------------------------


def test_the_program_list_shows_each_program_with_its_cohorts_and_phases(client_for, coordinator):
    program = ProgramFactory(name="Digital Leadership", purpose="Seniors learn digital.")
    CohortFactory(program=program, name="Spring", phase=Phase.RUNNING)
    html = client_for(coordinator).get(reverse("programs:program_list")).content.decode()
    assert "Digital Leadership" in html and "Seniors learn digital." in html
    assert "Spring" in html and "Running" in html
    assert reverse("programs:cohort_create", args=[program.pk]) in html


def test_the_navigation_links_to_programs_for_coordinators_only(client_for, coordinator, mentee):
    url = reverse("programs:program_list")
    assert f'href="{url}"' in client_for(coordinator).get("/").content.decode()
    assert f'href="{url}"' not in client_for(mentee).get("/").content.decode()


def test_a_program_is_created_from_the_form(client_for, coordinator):
    response = client_for(coordinator).post(
        reverse("programs:program_create"), {"name": "Reverse", "purpose": "P", "is_active": "on"}
    )
    assert response.status_code == 302
    assert Program.objects.get().name == "Reverse"


def test_a_duplicate_program_name_is_shown_with_the_input_kept(client_for, coordinator):
    ProgramFactory(name="Reverse")
    response = client_for(coordinator).post(
        reverse("programs:program_create"), {"name": "reverse", "purpose": "Typed purpose"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "already exists" in html and "Typed purpose" in html


def test_a_program_is_edited(client_for, coordinator):
    program = ProgramFactory(name="Old")
    client_for(coordinator).post(
        reverse("programs:program_edit", args=[program.pk]), {"name": "New", "purpose": ""}
    )
    program.refresh_from_db()
    assert (program.name, program.is_active) == ("New", False)


# Cohort form ------------------------------------------------------------------------------------


def test_the_cohort_form_is_grouped_in_fieldsets(client_for, coordinator):
    LocationFactory(name="Hamburg")
    program = ProgramFactory()
    html = client_for(coordinator).get(reverse("programs:cohort_create", args=[program.pk]))
    html = html.content.decode()
    for legend in (
        "Dates &amp; rhythm",
        "Formats &amp; places",
        "Contact",
        "Pilot",
        "Eligibility",
        "Organisational distance",
    ):
        assert f"<strong>{legend}</strong>" in html
    assert 'type="checkbox" name="sites"' in html and "Hamburg" in html
    assert "reporting line" in html
    assert "clara.coordinator@example.com" in html  # the named contact, preselected


def test_a_cohort_is_created_with_defaults(client_for, coordinator):
    program = ProgramFactory()
    response = client_for(coordinator).post(
        reverse("programs:cohort_create", args=[program.pk]),
        cohort_form_data(coordinator=str(coordinator.pk)),
    )
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("programs:cohort_detail", args=[cohort.pk])
    assert cohort.ends_on == datetime.date(2026, 9, 1)
    assert cohort.languages == ["de", "en"]
    assert cohort.coordinator == coordinator
    assert not cohort.allows_hybrid


def test_a_refused_cohort_keeps_what_was_typed(client_for, coordinator):
    program = ProgramFactory()
    response = client_for(coordinator).post(
        reverse("programs:cohort_create", args=[program.pk]),
        cohort_form_data(
            name="Typed name",
            ends_on="2026-02-01",
            mentor_max_career_level="3",
            mentee_min_career_level="2",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not Cohort.objects.exists()
    assert 'role="alert"' in html
    assert "end date must be after the start date" in html
    assert "overlap" in html
    assert 'value="Typed name"' in html and 'value="2026-02-01"' in html


def test_a_running_cohort_offers_only_the_safe_settings(client_for, coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator_user())
    url = reverse("programs:cohort_edit", args=[cohort.pk])
    html = client_for(coordinator).get(url).content.decode()
    assert 'name="name"' in html and 'name="coordinator"' in html
    assert 'name="target_meetings"' not in html and "frame is fixed" in html
    response = client_for(coordinator).post(
        url, {"name": "Renamed", "coordinator": str(coordinator.pk), "improvements": "x"}
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.name, cohort.coordinator, cohort.improvements) == ("Renamed", coordinator, "x")


def test_a_draft_cohort_is_edited_in_full(client_for, coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator)
    url = reverse("programs:cohort_edit", args=[cohort.pk])
    assert 'value="' + cohort.name + '"' in client_for(coordinator).get(url).content.decode()
    client_for(coordinator).post(
        url, cohort_form_data(target_meetings="9", coordinator=str(coordinator.pk))
    )
    cohort.refresh_from_db()
    assert cohort.target_meetings == 9


# Cohort page ------------------------------------------------------------------------------------


def test_the_cohort_page_shows_all_phases_the_current_one_and_why_the_next_is_blocked(
    client_for, coordinator
):
    cohort = CohortFactory(coordinator=None)
    html = client_for(coordinator).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    html = html.content.decode()
    for label in ("Draft", "Enrolment open", "Matching", "Running", "Closing", "Closed"):
        assert label in html
    assert 'aria-current="step"' in html
    assert "disabled" in html
    assert "Name a coordinator as the contact" in html
    assert "Publish a confidentiality charter" in html
    assert reverse("programs:cohort_copy", args=[cohort.pk]) in html
    assert reverse("programs:cohort_charter", args=[cohort.pk]) in html


def test_a_phase_step_from_the_page_is_recorded_and_shown(client_for, coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    client = client_for(coordinator)
    response = client.post(
        reverse("programs:cohort_transition", args=[cohort.pk]), {"to_phase": "enrolment_open"}
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.phase == Phase.ENROLMENT_OPEN
    html = client.get(reverse("programs:cohort_detail", args=[cohort.pk])).content.decode()
    assert "now in the phase “Enrolment open”" in html
    assert "clara.coordinator@example.com" in html  # in the history, as the actor
    assert "Back to draft" in html


def test_a_refused_step_shows_every_reason(client_for, coordinator):
    cohort = CohortFactory()
    response = client_for(coordinator).post(
        reverse("programs:cohort_transition", args=[cohort.pk]),
        {"to_phase": "enrolment_open"},
        follow=True,
    )
    html = response.content.decode()
    assert "Name a coordinator" in html and "Publish a confidentiality charter" in html
    assert not CohortTransition.objects.exists()


def test_closing_from_the_page_needs_improvements_and_keeps_the_text_on_refusal(
    client_for, coordinator
):
    cohort = cohort_in(Phase.RUNNING, coordinator_user())
    url = reverse("programs:cohort_close", args=[cohort.pk])
    response = client_for(coordinator).post(url, {"improvements": "Typed review"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Typed review" in html and "one phase at a time" in html

    cohort.phase = Phase.CLOSING
    cohort.save()
    detail = client_for(coordinator).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert "No improvements to note" in detail.content.decode()
    refused = client_for(coordinator).post(url, {"improvements": ""})
    assert "Note what to change" in refused.content.decode()
    done = client_for(coordinator).post(url, {"improvements": "More coffee."})
    assert done.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.phase, cohort.improvements) == (Phase.CLOSED, "More coffee.")


def test_participants_see_the_frame_and_the_contact_without_controls(
    client_for, coordinator, mentor, mentor_person
):
    program = ProgramFactory(purpose="Juniors teach seniors AI.")
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator, program=program)
    EnrolmentFactory(cohort=cohort, role="mentor", person=mentor_person)
    html = client_for(mentor).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    html = html.content.decode()
    assert "Juniors teach seniors AI." in html
    assert "Clara Koordinatorin" in html and "mailto:clara.coordinator@example.com" in html
    assert "Monthly, 6 meetings of 60 minutes each" in html
    assert "Edit settings" not in html and "cohort_transition" not in html
    assert reverse("programs:cohort_transition", args=[cohort.pk]) not in html
    assert "Phase history" not in html


def test_the_cohort_page_renders_in_german_and_english(client_for, coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    url = reverse("programs:cohort_detail", args=[cohort.pk])
    assert (
        '<html lang="de"'
        in client_for(coordinator).get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    )
    english = client_for(coordinator).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in english and "Phase history" in english
    program_list = client_for(coordinator).get(
        reverse("programs:program_list"), HTTP_ACCEPT_LANGUAGE="de"
    )
    assert '<html lang="de"' in program_list.content.decode()


# Charter ----------------------------------------------------------------------------------------


def test_the_charter_page_offers_a_default_text_and_publishes_versions(client_for, coordinator):
    cohort = CohortFactory()
    url = reverse("programs:cohort_charter", args=[cohort.pk])
    client = client_for(coordinator)
    html = client.get(url).content.decode()
    assert "No version published yet" in html and "voluntary" in html
    client.post(url, {"confidentiality_text": "C1", "data_processing_text": "D1"})
    client.post(url, {"confidentiality_text": "C2", "data_processing_text": "D2"})
    html = client.get(url).content.decode()
    assert list(cohort.charters.values_list("version", flat=True)) == [2, 1]
    assert "Version 2" in html and "Version 1" in html and "C1" in html


def test_an_empty_charter_text_is_refused_with_the_other_text_kept(client_for, coordinator):
    cohort = CohortFactory()
    response = client_for(coordinator).post(
        reverse("programs:cohort_charter", args=[cohort.pk]),
        {"confidentiality_text": "   ", "data_processing_text": "Kept notice"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Kept notice" in html and 'role="alert"' in html
    assert not cohort.charters.exists()


# Carry-over -------------------------------------------------------------------------------------


def test_the_next_cohort_is_created_from_the_page(client_for, coordinator):
    source = CohortFactory(name="Autumn", phase=Phase.CLOSED, improvements="Shorter.")
    CharterFactory(cohort=source)
    url = reverse("programs:cohort_copy", args=[source.pk])
    client = client_for(coordinator)
    assert "Autumn (next round)" in client.get(url).content.decode()
    response = client.post(url, {"name": "Spring", "starts_on": "2027-03-01"})
    copy = Cohort.objects.get(name="Spring")
    assert response["Location"] == reverse("programs:cohort_detail", args=[copy.pk])
    html = client.get(response["Location"]).content.decode()
    assert "From the previous round (Autumn):" in html and "Shorter." in html
    assert copy.charters.get().version == 1


def test_a_refused_copy_keeps_the_input(client_for, coordinator):
    source = CohortFactory(name="Autumn")
    response = client_for(coordinator).post(
        reverse("programs:cohort_copy", args=[source.pk]),
        {"name": "autumn", "starts_on": "2027-03-01"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "already has a cohort named" in html
    assert 'value="2027-03-01"' in html
