from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

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
    for email in emails:
        assert client.login(email=email, password=DEMO_PASSWORD), email
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
def test_running_the_demo_twice_adds_no_cohorts_invitations_or_enrolments():
    from tandem.enrolment.models import Enrolment, Invitation
    from tandem.programs.models import Cohort

    run_demo()
    before = (Cohort.objects.count(), Invitation.objects.count(), Enrolment.objects.count())
    run_demo()
    assert (Cohort.objects.count(), Invitation.objects.count(), Enrolment.objects.count()) == before
