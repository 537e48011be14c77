"""The hourly purge of unconfirmed import previews runs on the Huey worker."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from tandem.people.models import PersonImport
from tandem.people.tasks import purge_import_previews


@pytest.mark.django_db
def test_the_worker_purges_previews_older_than_a_day_and_keeps_fresh_ones(coordinator):
    def preview(age: timedelta) -> PersonImport:
        record = PersonImport.objects.create(
            uploaded_by=coordinator, filename="staff.csv", content=b"Vorname;Nachname;E-Mail\n"
        )
        PersonImport.objects.filter(pk=record.pk).update(created_at=timezone.now() - age)
        return record

    stale = preview(timedelta(days=1, minutes=1))
    fresh = preview(timedelta(hours=2))
    assert "tandem.people.tasks.purge_import_previews" in HUEY._registry._registry
    purge_import_previews()
    purge_import_previews()  # idempotent
    assert not PersonImport.objects.filter(pk=stale.pk).exists()
    assert PersonImport.objects.filter(pk=fresh.pk).exists()


def test_the_preview_purge_is_scheduled_every_hour():
    task = purge_import_previews.s()
    runs = [
        task.validate_datetime(datetime(2026, 3, 2, h, m)) for h in range(24) for m in range(60)
    ]
    assert runs.count(True) == 24
