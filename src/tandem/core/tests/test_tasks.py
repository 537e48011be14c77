"""Background tasks: Huey runs them (in the tests at once, in the test's process)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from tandem.core.tasks import clear_expired_sessions


def a_session(*, expires_in: timedelta) -> str:
    store = SessionStore()
    store["who"] = "someone"
    store.create()
    assert store.session_key is not None  # create() saved it under a new key
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


@pytest.mark.django_db
def test_the_periodic_session_clean_up_runs_as_a_huey_task_and_keeps_live_sessions():
    expired = a_session(expires_in=timedelta(days=-1))
    live = a_session(expires_in=timedelta(days=1))
    assert HUEY.immediate
    assert "tandem.core.tasks.clear_expired_sessions" in HUEY._registry._registry
    clear_expired_sessions()
    clear_expired_sessions()  # idempotent: a second run changes nothing
    assert not Session.objects.filter(pk=expired).exists()
    assert list(Session.objects.values_list("pk", flat=True)) == [live]


def test_the_session_clean_up_is_scheduled_once_a_night():
    task = clear_expired_sessions.s()
    runs = [
        task.validate_datetime(datetime(2026, 3, 2, hour, minute))
        for hour in range(24)
        for minute in range(60)
    ]
    assert runs.count(True) == 1
    assert task.validate_datetime(datetime(2026, 3, 2, 3, 17))
