"""Periodic work of the people app, run by the Huey worker (see `core/tasks.py`)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tandem.people.importing.records import purge_stale_import_previews


@db_periodic_task(crontab(minute="23"))
def purge_import_previews() -> int:
    """Hourly: delete import previews nobody confirmed within a day (they hold a whole HR file)."""
    return purge_stale_import_previews()
