"""Safety nets of the import: a full import that deactivates many people needs an explicit yes;
stale previews are purged; the upload stops at the size limit while it is received."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.people.importing.records import person_import_preview, purge_stale_import_previews
from tandem.people.importing.safety import is_mass_deactivation
from tandem.people.importing.services import people_import
from tandem.people.importing.upload import ImportSizeLimitHandler
from tandem.people.models import Person, PersonImport
from tandem.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

ONE_ROW = b"Personalnummer;Vorname;Nachname;E-Mail\nE1;Anna;Arndt;anna@example.com\n"


@pytest.mark.parametrize(
    ("deactivated", "active", "expected"),
    [
        (559, 560, True),  # 1 row against 560 people
        (9, 10, False),  # fewer than 10 people: never a mass deactivation
        (10, 100, False),  # exactly 10 %: not more than 10 %
        (11, 100, True),
        (10, 99, True),
        (60, 10_000, False),
    ],
)
def test_a_mass_deactivation_is_at_least_10_people_and_more_than_10_percent(
    deactivated, active, expected
):
    assert is_mass_deactivation(deactivated=deactivated, active_employees=active) is expected


@pytest.fixture
def staff():
    return PersonFactory.create_batch(30)


def test_a_full_import_of_a_tiny_file_writes_nothing_without_explicit_consent(staff):
    report = people_import(data=ONE_ROW, filename="hr.csv", actor=None, full=True)
    assert (report.written, report.mass_deactivation, report.deactivated) == (False, True, 30)
    assert any("would deactivate 30 of the 30 active employees" in w for w in report.warnings)
    assert Person.objects.filter(is_active=True).count() == 30
    assert not Person.objects.filter(employee_id="E1").exists()

    report = people_import(
        data=ONE_ROW, filename="hr.csv", actor=None, full=True, allow_mass_deactivation=True
    )
    assert report.written
    assert Person.objects.filter(is_active=True).count() == 1
    event = AuditEvent.objects.get(action="people.import")
    assert event.data["mass_deactivation"] is True


def test_a_small_full_import_needs_no_extra_consent():
    missing = PersonFactory()
    report = people_import(data=ONE_ROW, filename="hr.csv", actor=None, full=True)
    assert report.written and not report.mass_deactivation
    missing.refresh_from_db()
    assert not missing.is_active


def run_command(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_people", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        assert isinstance(exc.code, int)  # the command exits with a status number
        code = exc.code
    return out.getvalue(), err.getvalue(), code


def test_the_command_refuses_a_mass_deactivation_without_the_option(staff, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(ONE_ROW)
    _out, err, code = run_command(str(path), "--full")
    assert code == 1
    assert "would deactivate 30 people of 30 active employees" in err
    assert "--allow-mass-deactivation" in err
    assert Person.objects.filter(is_active=True).count() == 30

    out, _err, code = run_command(str(path), "--full", "--allow-mass-deactivation")
    assert code == 0 and "Import done." in out
    assert Person.objects.filter(is_active=True).count() == 1


def test_the_preview_asks_to_confirm_the_number_of_people_deactivated(
    staff, client_for, coordinator
):
    client = client_for(coordinator)
    file = SimpleUploadedFile("hr.csv", ONE_ROW, content_type="text/csv")
    response = client.post(reverse("people:import_upload"), {"file": file, "full": "on"})
    record = PersonImport.objects.get()
    page = client.get(response["Location"]).content.decode()
    # The coordinator's own person record counts too: 31 active employees.
    assert "Yes, deactivate 31 people of the 31 active employees" in page
    confirm = reverse("people:import_confirm", args=[record.pk])

    page = client.post(confirm, {"mode": "all"}).content.decode()
    assert "This import deactivates 31 people. Tick the box" in page
    assert Person.objects.filter(is_active=True).count() == 31

    # The number confirmed must still be the number deactivated.
    PersonFactory()
    client.post(
        confirm, {"mode": "all", "confirm_deactivation": "on", "expected_deactivated": "31"}
    )
    assert Person.objects.filter(is_active=True).count() == 32
    record.refresh_from_db()
    assert record.status == PersonImport.Status.PREVIEWED
    assert record.report["deactivated"] == 32

    response = client.post(
        confirm, {"mode": "all", "confirm_deactivation": "on", "expected_deactivated": "32"}
    )
    assert response["Location"] == reverse("people:import_result", args=[record.pk])
    assert Person.objects.filter(is_active=True).count() == 1


# --- stale previews ------------------------------------------------------------------------


def make_preview(coordinator, *, age: timedelta, status=PersonImport.Status.PREVIEWED):
    record = person_import_preview(data=ONE_ROW, filename="hr.csv", actor=coordinator)
    PersonImport.objects.filter(pk=record.pk).update(created_at=timezone.now() - age, status=status)
    return record


def test_previews_older_than_a_day_are_purged_and_nothing_else(coordinator):
    stale, fresh, done, cancelled = (
        person_import_preview(data=ONE_ROW, filename="hr.csv", actor=coordinator) for _ in range(4)
    )
    for record, hours, status in (
        (stale, 25, PersonImport.Status.PREVIEWED),
        (fresh, 23, PersonImport.Status.PREVIEWED),
        (done, 72, PersonImport.Status.IMPORTED),
        (cancelled, 72, PersonImport.Status.CANCELLED),
    ):
        PersonImport.objects.filter(pk=record.pk).update(
            created_at=timezone.now() - timedelta(hours=hours), status=status
        )
    assert purge_stale_import_previews() == 1
    assert set(PersonImport.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        done.pk,
        cancelled.pk,
    }
    assert not PersonImport.objects.filter(pk=stale.pk).exists()
    assert AuditEvent.objects.get(action="people.import_previews_purged").data["count"] == 1
    # Idempotent: nothing left to purge, no further audit row.
    assert purge_stale_import_previews() == 0
    assert AuditEvent.objects.filter(action="people.import_previews_purged").count() == 1
    assert purge_stale_import_previews(older_than=timedelta(hours=1)) == 1


def test_a_new_preview_purges_the_stale_ones(coordinator):
    stale = make_preview(coordinator, age=timedelta(days=2))
    person_import_preview(data=ONE_ROW, filename="new.csv", actor=coordinator)
    assert not PersonImport.objects.filter(pk=stale.pk).exists()
    assert PersonImport.objects.get().filename == "new.csv"


def test_the_purge_command_reports_the_count(coordinator):
    make_preview(coordinator, age=timedelta(days=2))
    out = io.StringIO()
    call_command("purge_import_previews", stdout=out)
    assert out.getvalue().strip() == "1 stale import preview deleted."
    out = io.StringIO()
    call_command("purge_import_previews", "--hours", "0", stdout=out)
    assert "0 stale import previews deleted." in out.getvalue()


# --- upload size while receiving -----------------------------------------------------------


def test_the_size_handler_stops_as_soon_as_the_limit_is_passed():
    handler = ImportSizeLimitHandler(None, limit=100)
    handler.new_file("file", "hr.csv", "text/csv", 10_000)
    assert handler.receive_data_chunk(b"x" * 60, 0) == b"x" * 60
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x" * 60, 60)
    assert handler.exceeded


def test_an_upload_over_the_limit_is_never_held_beyond_the_limit(
    client_for, coordinator, settings, monkeypatch
):
    settings.TANDEM_IMPORT_MAX_BYTES = 1000
    stored = []
    original = MemoryFileUploadHandler.receive_data_chunk

    def counting(self, raw_data, start):
        stored.append(len(raw_data))
        return original(self, raw_data, start)

    monkeypatch.setattr(MemoryFileUploadHandler, "receive_data_chunk", counting)
    big = ONE_ROW + b"E9;Zoe;Zimmer;zoe@example.com\n" * 20_000  # about 600 KB
    file = SimpleUploadedFile("hr.csv", big, content_type="text/csv")
    response = client_for(coordinator).post(reverse("people:import_upload"), {"file": file})
    html = response.content.decode()
    assert "The file is too large: at most 1000" in html
    assert "TANDEM_IMPORT_MAX_BYTES" in html
    assert sum(stored) <= 1000
    assert not PersonImport.objects.exists()


def test_the_upload_page_still_checks_the_csrf_token(coordinator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    file = SimpleUploadedFile("hr.csv", ONE_ROW, content_type="text/csv")
    response = client.post(reverse("people:import_upload"), {"file": file})
    assert response.status_code == 403
    assert not PersonImport.objects.exists()
    token = client.get(reverse("people:import_upload")).context["csrf_token"]
    file = SimpleUploadedFile("hr.csv", ONE_ROW, content_type="text/csv")
    response = client.post(
        reverse("people:import_upload"), {"csrfmiddlewaretoken": str(token), "file": file}
    )
    assert response.status_code == 302
    assert PersonImport.objects.count() == 1
