"""The import pages: upload → preview → confirm → result, and who may see them."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tandem.core.models import AuditEvent
from tandem.people.importing.records import person_import_preview
from tandem.people.models import Person, PersonImport
from tandem.people.tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOD = (
    b"Personalnummer;Vorname;Nachname;E-Mail;Vorgesetzter;Kostenstelle\n"
    b"E1;Anna;Arndt;anna@example.com;;4711\n"
    b"E2;Ben;Brandt;ben@example.com;E1;4712\n"
)
WITH_ERRORS = GOOD + b"E3;Cem;Celik;cem(at)example.com;E1;1\nE4;Dana;Dietz;dana@example.com;E3;1\n"


def upload(client, data: bytes = GOOD, name: str = "hr.csv", **extra):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse("people:import_upload"), {"file": file, **extra})


def record_views(pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("people:import_preview", args=[pk])),
        ("post", reverse("people:import_confirm", args=[pk])),
        ("post", reverse("people:import_cancel", args=[pk])),
        ("get", reverse("people:import_result", args=[pk])),
        ("get", reverse("people:import_rejected", args=[pk])),
    ]


def all_views(pk: int) -> list[tuple[str, str]]:
    return [
        ("get", reverse("people:import_upload")),
        ("post", reverse("people:import_upload")),
        ("get", reverse("people:import_template")),
        *record_views(pk),
    ]


@pytest.fixture
def previewed(coordinator):
    return person_import_preview(data=WITH_ERRORS, filename="hr.csv", actor=coordinator)


def test_the_whole_flow_upload_preview_confirm_result(client_for, coordinator):
    client = client_for(coordinator)
    response = upload(client)
    record = PersonImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("people:import_preview", args=[record.pk])
    assert Person.objects.filter(employee_id__in=["E1", "E2"]).count() == 0  # preview only

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kostenstelle" in html  # the unknown column is shown as a warning
    assert 'role="alert"' not in html
    assert "disabled" not in html

    response = client.post(reverse("people:import_confirm", args=[record.pk]), {"mode": "all"})
    assert response["Location"] == reverse("people:import_result", args=[record.pk])
    assert Person.objects.get(employee_id="E2").manager.employee_id == "E1"
    record.refresh_from_db()
    assert record.status == PersonImport.Status.IMPORTED
    assert bytes(record.content) == b""  # the uploaded file is not kept after the import
    assert AuditEvent.objects.filter(action="people.import", target_id=str(record.pk)).exists()

    result = client.get(response["Location"])
    assert result.status_code == 200
    assert "Import done" in result.content.decode()
    # Confirming twice does not import twice.
    again = client.post(reverse("people:import_confirm", args=[record.pk]), {"mode": "all"})
    assert again.status_code == 302
    assert Person.objects.filter(employee_id="E1").count() == 1


def test_xlsx_upload_is_previewed(client_for, coordinator):
    workbook = Workbook()
    workbook.active.append(["Employee ID", "First name", "Last name", "Email"])
    workbook.active.append([1001.0, "Anna", "Arndt", "anna@example.com"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(coordinator)
    response = upload(client, buffer.getvalue(), name="export.xlsx")
    record = PersonImport.objects.get()
    assert (record.report["created"], record.report["errors"]) == (1, [])
    assert client.get(response["Location"]).status_code == 200


def test_preview_with_errors_disables_import_and_offers_the_explicit_choice(
    client_for, coordinator, previewed
):
    page = client_for(coordinator).get(reverse("people:import_preview", args=[previewed.pk]))
    html = page.content.decode()
    assert 'role="alert"' in html
    assert "cem(at)example.com" in html
    assert '<button type="submit" disabled' in html
    assert "I understand that 2 rows with errors will be skipped" in html
    assert "Import the 2 valid rows" in html
    assert '<figure class="overflow-auto">' in html


def test_importing_valid_rows_needs_the_checkbox(client_for, coordinator, previewed):
    client = client_for(coordinator)
    url = reverse("people:import_confirm", args=[previewed.pk])
    response = client.post(url, {"mode": "valid", "expected_rejected": 2})
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()
    assert not Person.objects.filter(employee_id="E1").exists()
    plain = client.post(url, {"mode": "all"})  # the disabled button, sent anyway
    assert plain["Location"] == reverse("people:import_preview", args=[previewed.pk])
    assert not Person.objects.filter(employee_id="E1").exists()


def test_importing_valid_rows_then_downloading_the_rejected_ones(
    client_for, coordinator, previewed
):
    client = client_for(coordinator)
    url = reverse("people:import_confirm", args=[previewed.pk])
    response = client.post(url, {"mode": "valid", "acknowledge": "on", "expected_rejected": 2})
    assert response["Location"] == reverse("people:import_result", args=[previewed.pk])
    imported = Person.objects.filter(employee_id__in=["E1", "E2", "E3", "E4"])
    assert sorted(imported.values_list("employee_id", flat=True)) == ["E1", "E2"]
    result = client.get(response["Location"]).content.decode()
    assert reverse("people:import_rejected", args=[previewed.pk]) in result

    download = client.get(reverse("people:import_rejected", args=[previewed.pk]))
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in download["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "Error"
    assert [r[0] for r in rows[1:]] == ["E3", "E4"]
    assert "the manager (row 4) has errors" in rows[2][-1]


def test_confirm_checks_again_against_the_current_database(client_for, coordinator):
    client = client_for(coordinator)
    upload(client)
    record = PersonImport.objects.get()
    # Meanwhile somebody else got Ben's e-mail.
    PersonFactory(employee_id="X9", email="ben@example.com")
    response = client.post(reverse("people:import_confirm", args=[record.pk]), {"mode": "all"})
    assert response["Location"] == reverse("people:import_preview", args=[record.pk])
    assert not Person.objects.filter(employee_id="E1").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Nothing was imported" in page
    assert "already belongs to" in page


def test_valid_rows_are_not_imported_when_the_number_of_skipped_rows_changed(
    client_for, coordinator, previewed
):
    PersonFactory(employee_id="X9", email="ben@example.com")  # one more row now fails
    response = client_for(coordinator).post(
        reverse("people:import_confirm", args=[previewed.pk]),
        {"mode": "valid", "acknowledge": "on", "expected_rejected": 2},
    )
    assert response["Location"] == reverse("people:import_preview", args=[previewed.pk])
    assert not Person.objects.filter(employee_id="E1").exists()


def test_cancel_keeps_everything_as_it_was(client_for, coordinator, previewed):
    client = client_for(coordinator)
    response = client.post(reverse("people:import_cancel", args=[previewed.pk]))
    assert response["Location"] == reverse("people:import_upload")
    previewed.refresh_from_db()
    assert previewed.status == PersonImport.Status.CANCELLED
    client.post(reverse("people:import_confirm", args=[previewed.pk]), {"mode": "all"})
    assert not Person.objects.filter(employee_id="E1").exists()


def test_a_file_over_the_size_limit_gets_a_clear_message(client_for, coordinator, settings):
    settings.TANDEM_IMPORT_MAX_BYTES = 100
    response = upload(client_for(coordinator))
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 100" in html
    assert "TANDEM_IMPORT_MAX_BYTES" in html
    assert 'aria-invalid="true"' in html
    assert not PersonImport.objects.exists()


def test_an_unreadable_file_is_shown_as_one_problem(client_for, coordinator):
    client = client_for(coordinator)
    response = upload(client, b"%PDF-1.4 binary", name="people.pdf")
    page = client.get(response["Location"]).content.decode()
    assert "this is a PDF document" in page
    assert "Import the" not in page


def test_the_template_file_has_the_german_headings(client_for, coordinator):
    response = client_for(coordinator).get(reverse("people:import_template"))
    first = response.content.decode("utf-8-sig").splitlines()[0]
    assert first.startswith("Personalnummer;Vorname;Nachname;E-Mail;")


def test_the_template_file_imports_without_errors(client_for, coordinator):
    client = client_for(coordinator)
    template = client.get(reverse("people:import_template")).content
    upload(client, template, name="vorlage.csv")
    assert PersonImport.objects.get().report["errors"] == []


@pytest.mark.parametrize("persona", ["sponsor", "mentor", "mentee", "outsider"])
def test_other_roles_are_refused_on_every_import_view(persona, request, client_for, previewed):
    client = client_for(request.getfixturevalue(persona))
    for method, url in all_views(previewed.pk):
        assert getattr(client, method)(url).status_code == 403, (method, url)


def test_anonymous_users_are_sent_to_the_login_on_every_import_view(client, previewed):
    for method, url in all_views(previewed.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("account_login"))


def test_another_coordinator_cannot_see_someone_elses_import(client_for, previewed):
    colleague = UserFactory(email="carl.colleague@example.com")
    colleague.groups.add(Group.objects.get(name="coordinator"))
    client = client_for(colleague)
    for method, url in record_views(previewed.pk):
        assert getattr(client, method)(url).status_code == 404, (method, url)
    assert "hr.csv" not in client.get(reverse("people:import_upload")).content.decode()


def test_a_superuser_can_see_every_import(client_for, superuser, previewed):
    client = client_for(superuser)
    assert client.get(reverse("people:import_preview", args=[previewed.pk])).status_code == 200
    assert client.get(reverse("people:import_rejected", args=[previewed.pk])).status_code == 200
