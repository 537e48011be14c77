"""The nudge jobs, run by the Huey worker (see `core/tasks.py`). Both are idempotent: each finds
what is due from stored state (`SentNudge`), so a second run, or one after downtime, sends
nothing twice and misses nothing."""

from __future__ import annotations

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tandem.nudges.services import nudges_run_daily, nudges_run_hourly

logger = logging.getLogger(__name__)


@db_periodic_task(crontab(hour="7", minute="5"))
def send_daily_nudges() -> int:
    """Every morning at 07:05 UTC (Huey's crontab counts in UTC): the day-granular nudges and
    the event reminders."""
    run = nudges_run_daily()
    logger.info("Daily nudges: %s", run.claimed)
    return run.total


@db_periodic_task(crontab(minute="20"))
def send_meeting_reminders() -> int:
    """Every hour: reminders of the meetings starting within the cohort's reminder time."""
    run = nudges_run_hourly()
    return run.total
