"""Moving ``Tandem.run`` to ``MatchingRun.proposals`` keeps which run proposed which tandem, both
ways (issue 9: `tandems` no longer points up at `matching`).

Run in a separate process on a database file of its own, like
`core/tests/test_text_limits_migration.py`, so the test database's seeded data stays intact.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]

SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("matching", "0002_text_limits"), ("tandems", "0004_tandem_formed_key")]
call_command("migrate", verbosity=0)
call_command("migrate", "tandems", "0004_tandem_formed_key", verbosity=0)
call_command("migrate", "matching", "0002_text_limits", verbosity=0)
old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
Program, Cohort = old.get_model("programs", "Program"), old.get_model("programs", "Cohort")
Person, Enrolment = old.get_model("people", "Person"), old.get_model("enrolment", "Enrolment")
Run, Tandem = old.get_model("matching", "MatchingRun"), old.get_model("tandems", "Tandem")
cohort = Cohort.objects.create(
    program=Program.objects.create(name="RM"), name="2026",
    starts_on="2026-03-01", ends_on="2026-09-30",
)
def enrol(n, role):
    person = Person.objects.create(
        first_name=n, last_name="X", email=f"{n}@example.com", email_key=f"{n}@example.com"
    )
    return Enrolment.objects.create(cohort=cohort, person=person, role=role)
def pair(a, b, run=None):
    return Tandem.objects.create(
        cohort=cohort, mentee=enrol(a, "mentee"), mentor=enrol(b, "mentor"), run=run
    )
first = Run.objects.create(cohort=cohort, mode="balanced")
second = Run.objects.create(cohort=cohort, mode="balanced")
a, b, c = pair("a", "b", first), pair("c", "d", second), pair("e", "f")

call_command("migrate", verbosity=0)
from tandem.matching.models import MatchingRun
assert [t.pk for t in MatchingRun.objects.get(pk=first.pk).proposals.all()] == [a.pk]
assert [t.pk for t in MatchingRun.objects.get(pk=second.pk).proposals.all()] == [b.pk]

call_command("migrate", "matching", "0002_text_limits", verbosity=0)
old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
runs = dict(old.get_model("tandems", "Tandem").objects.values_list("pk", "run_id"))
assert runs == {a.pk: first.pk, b.pk: second.pk, c.pk: None}, runs
print("kept")
"""


def test_each_run_keeps_its_proposals_across_the_move_and_back(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "tandem.config.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'runs.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "kept"
