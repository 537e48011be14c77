"""Periodic work of the tandem space, run by the Huey worker (see `core/tasks.py`)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tandem.workspace.ending.services import tandems_end_at_closing


@db_periodic_task(crontab(minute="*/10"))
def end_tandems_of_closed_cohorts() -> int:
    """Every ten minutes: record the end of the formed tandems of cohorts closed since."""
    return tandems_end_at_closing()


# The features' own periodic jobs: the worker imports this module, and so theirs.
from tandem.workspace.messages import tasks as messages_tasks  # noqa: E402, F401
