"""The migrations that add the text limits keep texts stored before them, however long: no
database constraint, nothing cut (issue 8, point 15).

Run in a separate process on a database file of its own: migrating back and forth inside the
test database would need a transactional test, whose flush empties the seeded role groups and
topic catalogue for the tests after it.
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
from tandem.enrolment.models import Enrolment
from tandem.people.models import Person
from tandem.programs.models import Cohort, Program

call_command("migrate", verbosity=0)
long_text = "Frage? " * 3100  # 21,700 characters
program = Program.objects.create(name="Reverse mentoring")
cohort = Cohort.objects.create(
    program=program, name="2026", starts_on="2026-03-01", ends_on="2026-09-30"
)
person = Person.objects.create(first_name="Ada", last_name="Alt", email="ada@example.com")
enrolment = Enrolment.objects.create(cohort=cohort, person=person, role="mentee")
Enrolment.objects.filter(pk=enrolment.pk).update(questions=long_text)
Cohort.objects.filter(pk=cohort.pk).update(improvements=long_text)
for app, name in [
    ("enrolment", "0002_initial"),
    ("programs", "0002_cohort_matching_settings"),
    ("matching", "0001_initial"),
    ("topics", "0002_seed_catalogue"),
]:
    call_command("migrate", app, name, verbosity=0)
call_command("migrate", verbosity=0)
assert Enrolment.objects.get(pk=enrolment.pk).questions == long_text
assert Cohort.objects.get(pk=cohort.pk).improvements == long_text
print("kept", len(long_text))
"""


def test_older_texts_longer_than_the_limits_survive_the_migrations(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "tandem.config.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "kept 21700"
