"""The CSV export of the filtered list: safe for spreadsheets, no birth year, audited."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.people.tests.factories import LocationFactory, OrgUnitFactory, PersonFactory

URL = reverse("people:export")


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def coordinator_client(client_for, coordinator):
    return client_for(coordinator)


def test_export_has_the_agreed_columns_and_values(coordinator_client, coordinator):
    unit = OrgUnitFactory(name="IT")
    boss = PersonFactory(employee_id="B1", first_name="Bea", last_name="Boss")
    PersonFactory(
        employee_id="E42",
        first_name="Eva",
        last_name="Export",
        email="eva.export@example.com",
        job_title="Analyst",
        org_unit=unit,
        location=LocationFactory(name="Berlin"),
        languages=["de", "en"],
        manager=boss,
        hire_date=date(2020, 4, 1),
        career_level=2,
        birth_year=1961,
    )
    response = coordinator_client.get(URL, {"q": "export"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    header, *rows = read_csv(response)
    assert header == [
        "Employee id",
        "First name",
        "Last name",
        "E-mail",
        "Job title",
        "Org unit",
        "Location",
        "Languages",
        "Manager employee id",
        "Hire date",
        "Career level",
        "Kind",
        "Active",
    ]
    assert rows == [
        [
            "E42",
            "Eva",
            "Export",
            "eva.export@example.com",
            "Analyst",
            "IT",
            "Berlin",
            "de, en",
            "B1",
            "2020-04-01",
            "2",
            "employee",
            "yes",
        ]
    ]


def test_export_never_contains_the_birth_year(coordinator_client, coordinator):
    # A fixed first name: Faker's German names include "Birthe", which contains "birth".
    PersonFactory(first_name="Hanna", last_name="Jahrgang", birth_year=1958)
    text = coordinator_client.get(URL).content.decode("utf-8-sig")
    assert "1958" not in text
    assert "birth" not in text.lower()


def test_export_neutralises_formulas(coordinator_client, coordinator):
    PersonFactory(first_name="+49 30 1234", last_name="=cmd|' /C calc'!A0", job_title="@SUM(A1)")
    rows = read_csv(coordinator_client.get(URL, {"q": "cmd"}))[1:]
    assert rows[0][2] == "'=cmd|' /C calc'!A0"
    assert rows[0][1] == "'+49 30 1234"
    assert rows[0][4] == "'@SUM(A1)"


def test_export_follows_the_filters_of_the_list(coordinator_client, coordinator):
    PersonFactory(last_name="Aktiv")
    PersonFactory(last_name="Ehemalig", is_active=False)
    default = {row[2] for row in read_csv(coordinator_client.get(URL))[1:]}
    assert "Aktiv" in default and "Ehemalig" not in default
    inactive = [row[2] for row in read_csv(coordinator_client.get(URL, {"active": "inactive"}))[1:]]
    assert inactive == ["Ehemalig"]


def test_the_list_links_to_the_export_with_its_filters(coordinator_client, coordinator):
    html = coordinator_client.get(reverse("people:list"), {"q": "koord"}).content.decode()
    assert 'href="/people/export.csv?q=koord"' in html


def test_every_export_is_audited(coordinator_client, coordinator):
    coordinator_client.get(URL, {"q": "x", "active": "all"})
    event = AuditEvent.objects.get(action="people.export")
    assert event.actor == coordinator
    assert event.data == {"filters": {"q": "x", "active": "all"}}


def test_exporting_and_importing_the_list_again_keeps_unranked_career_levels(
    coordinator_client, coordinator
):
    from tandem.people.importing.services import people_import
    from tandem.people.models import CareerLevel, Person

    director = CareerLevel.objects.create(name="Direktor", rank=None)
    PersonFactory(employee_id="D1", first_name="Dirk", level=director, career_level=None)
    response = coordinator_client.get(URL)
    rows = read_csv(response)
    level_column = rows[0].index("Career level")
    assert [row[level_column] for row in rows if "Dirk" in row] == ["Direktor"]

    report = people_import(data=response.content, filename="export.csv", actor=coordinator)
    assert report.written, report.errors
    dirk = Person.objects.get(employee_id="D1")
    assert dirk.level == director
