from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tandem.demo.company import build_company
from tandem.demo.services import ADMIN_EMAIL, DEMO_PASSWORD
from tandem.people.models import OrgUnit, Person


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", "--no-migrate", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_loads_the_company_and_prints_a_login_for_every_role():
    output = run_demo()
    assert Person.objects.count() == len(build_company())
    for role in ("coordinator", "mentor", "mentee", "sponsor"):
        assert f"  {role} " in output
    assert DEMO_PASSWORD in output
    assert "http://127.0.0.1:8000" in output
    ceo = Person.objects.get(job_title__startswith="Vorstandsvorsitz")
    assert ceo.manager is None
    assert OrgUnit.objects.filter(parent__isnull=True, name="Hallberg Technik AG").exists()


@pytest.mark.django_db
def test_running_the_demo_twice_duplicates_nothing():
    run_demo()
    people, units, users = (
        Person.objects.count(),
        OrgUnit.objects.count(),
        get_user_model().objects.count(),
    )
    second = run_demo()
    assert (Person.objects.count(), OrgUnit.objects.count(), get_user_model().objects.count()) == (
        people,
        units,
        users,
    )
    assert "0 new" in second


@pytest.mark.django_db
def test_every_printed_login_works_and_the_coordinator_sees_the_people_page(client):
    output = run_demo()
    emails = [line.split()[1] for line in output.splitlines() if line.startswith("  ")]
    assert ADMIN_EMAIL in emails and len(emails) == 5
    for email in emails:  # through the real form: demo addresses count as verified
        client.logout()
        response = client.post(
            reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, email
        assert response["Location"] == reverse("home:home"), email
    coordinator_email = next(
        line.split()[1] for line in output.splitlines() if line.startswith("  coordinator")
    )
    client.login(email=coordinator_email, password=DEMO_PASSWORD)
    assert client.get("/people/").status_code == 200


@pytest.mark.django_db
def test_the_readme_lists_exactly_the_logins_the_demo_prints(settings):
    from pathlib import Path

    readme = (Path(settings.PACKAGE_DIR).parents[1] / "README.md").read_text(encoding="utf-8")
    output = run_demo()
    for line in output.splitlines():
        if line.startswith("  "):
            role, email = line.split()[:2]
            assert f"| {role} | `{email}` |" in readme
    assert DEMO_PASSWORD in readme


@pytest.mark.django_db
def test_demo_has_a_running_cohort_and_one_open_for_enrolment_built_through_the_services():
    from tandem.core.models import AuditEvent
    from tandem.enrolment.models import ConsentRecord, Enrolment, Invitation
    from tandem.programs.models import Cohort

    output = run_demo()
    phases = dict(Cohort.objects.values_list("name", "phase"))
    assert phases == {"Pilotdurchgang": "running", "Zweiter Durchgang": "enrolment_open"}
    assert "is running" in output and "open for enrolment" in output
    pilot = Cohort.objects.get(phase="running")
    assert pilot.is_pilot and pilot.events.count() == 3
    assert pilot.enrolments.filter(role="mentor", status="active").count() >= 5
    # Every active enrolment accepted the cohort's current charter (R4).
    for enrolment in Enrolment.objects.filter(status="active"):
        latest = enrolment.cohort.charters.order_by("-version").first()
        assert ConsentRecord.objects.filter(person=enrolment.person, charter=latest).exists()
    assert Invitation.objects.filter(status="declined").exists()
    assert Enrolment.objects.filter(status="withdrawn").exists()
    transitions = [e.data for e in AuditEvent.objects.filter(action="cohort.start")]
    assert len(transitions) == 1


@pytest.mark.django_db
def test_running_the_demo_twice_adds_no_cohorts_enrolments_or_tandem_content():
    from tandem.enrolment.models import Enrolment, Invitation
    from tandem.programs.models import Cohort
    from tandem.workspace.agreements.models import AgreementVersion
    from tandem.workspace.learning.models import Kpi, Learning
    from tandem.workspace.meetings.models import Meeting, MeetingFeedback
    from tandem.workspace.notes.models import Note

    models = [Cohort, Invitation, Enrolment, AgreementVersion, Meeting, MeetingFeedback]
    models += [Note, Learning, Kpi]

    def counts():
        return [model.objects.count() for model in models]

    run_demo()
    before = counts()
    run_demo()
    assert counts() == before


@pytest.mark.django_db
def test_the_pilot_runs_with_tandems_formed_through_matching_and_both_answers():
    from tandem.core.models import AuditEvent
    from tandem.programs.models import Cohort
    from tandem.tandems.models import Tandem, TandemStatus

    output = run_demo()
    pilot = Cohort.objects.get(phase="running")
    tandems = Tandem.objects.filter(cohort=pilot)
    assert tandems.count() == pilot.pilot_max_tandems == 8
    assert set(tandems.values_list("status", flat=True)) == {TandemStatus.CONFIRMED}
    assert all(t.score is not None and t.breakdown for t in tandems)
    assert AuditEvent.objects.filter(action="matching.run").count() == 1
    assert AuditEvent.objects.filter(action="tandem.formed").count() == 8
    # The demo mentor and mentee are partners, so both logins see a formed tandem.
    mentor_email = next(x.split()[1] for x in output.splitlines() if x.startswith("  mentor"))
    mentee_email = next(x.split()[1] for x in output.splitlines() if x.startswith("  mentee"))
    ours = tandems.get(mentor__person__email=mentor_email)
    assert ours.mentee.person.email == mentee_email
    assert ours.coffee_at is not None


@pytest.mark.django_db
def test_every_invited_demo_participant_can_sign_in_to_answer_for_themselves(client):
    from tandem.enrolment.models import Enrolment

    run_demo()
    users_before = get_user_model().objects.count()
    second = Enrolment.objects.filter(cohort__name="Zweiter Durchgang", status="active")
    assert second.count() >= 10
    for enrolment in second[:3]:
        assert client.login(email=enrolment.person.email, password=DEMO_PASSWORD)
    run_demo()
    assert get_user_model().objects.count() == users_before


@pytest.mark.django_db
def test_the_demo_prints_the_address_it_is_served_on(settings):
    settings.SITE_ROOT = "http://127.0.0.1:8123"
    output = run_demo()
    assert "Open http://127.0.0.1:8123 and sign in" in output
    assert "8000" not in output
