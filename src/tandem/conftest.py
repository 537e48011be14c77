"""Shared personas, created once per test: the people every permission test is about.

Hypothesis profiles, chosen here for every property test of the suite:

- ``ci``: deterministic (``derandomize=True``: the same examples on every run, so a red build is
  never luck and never goes green by itself), no per-example deadline, the failing example's
  reproduction blob printed, 100 examples unless a test asks for a different number.
- ``dev``: randomised (new examples each run, the failures Hypothesis finds are kept in its local
  example database), no per-example deadline either.

Both switch off the deadline and the ``too_slow`` health check: the suite runs on a shared
2-core machine with ``-n 2``, where a busy neighbour makes example generation or one example
slow; timing is not what any property here is about (the benchmarks measure it). Tests that hand
a function-scoped fixture to ``@given`` still suppress ``function_scoped_fixture`` themselves,
with their reason, and repeat the profile's list (a test's list replaces it).

The profile is ``$HYPOTHESIS_PROFILE`` when set; otherwise ``ci`` when ``$CI`` is set (``.ci/run``
and ``make test`` set both), else ``dev``. ``HYPOTHESIS_PROFILE=ci pytest src/tandem/matching``
reproduces exactly the examples CI ran.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from hypothesis import HealthCheck, settings

from tandem.browser_testing import (  # noqa: F401 (shared fixtures)
    browser_page,
    chromium_browser,
    seeded_after_flush,
)
from tandem.people.tests.factories import PersonFactory, UserFactory

CATALOGUE = Path(__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"

# Keyword arguments, not settings objects: a settings object reads what it does not set from the
# profile loaded when it is read, so "dev" would be derandomised under "ci".
HYPOTHESIS_PROFILES = {
    "ci": dict(
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=True,
        max_examples=100,
        suppress_health_check=[HealthCheck.too_slow],
    ),
    "dev": dict(
        derandomize=False,
        deadline=None,
        max_examples=100,
        suppress_health_check=[HealthCheck.too_slow],
    ),
}
for _name, _options in HYPOTHESIS_PROFILES.items():
    settings.register_profile(_name, parent=settings.get_profile("default"), **_options)


def hypothesis_profile_name(environ=os.environ) -> str:
    """`$HYPOTHESIS_PROFILE`, else `ci` on CI (`$CI` set and not empty), else `dev`."""
    if environ.get("HYPOTHESIS_PROFILE"):
        return environ["HYPOTHESIS_PROFILE"]
    return "ci" if environ.get("CI") else "dev"


# Loaded on import, before any test module: a module-level `settings(...)` object inherits from
# the profile loaded at the moment it is built.
settings.load_profile(hypothesis_profile_name())


def pytest_configure(config):
    """Compile the German catalogue when it is missing or stale, so plain `pytest` works too.

    Only the controlling process does it; xdist workers start after it and find it done.
    """
    if hasattr(config, "workerinput"):
        return
    compiled = CATALOGUE.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < CATALOGUE.stat().st_mtime:
        subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(CATALOGUE)], check=True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser (live-server) tests run last in each worker.

    A transactional test ends by emptying the database, data migrations' rows included. Run last,
    no ordinary test comes after one; the browser fixture puts back what they need (see
    `tandem.browser_testing`). xdist hands a worker its tests in this order, so this holds with
    `-n 2` as well.
    """
    items.sort(key=lambda item: "live_server" in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _reproducible_fake_data(request):
    """Faker's names and words depend on the test alone, not on the order tests ran in: a test
    that fails because of a generated name ("Birthe" contains "birth") fails every time."""
    import factory.random

    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def _test_language():
    """Start every test in the test language and leave it so.

    LocaleMiddleware activates a request's language in the thread and never resets it, so a German
    page in one test would otherwise decide the language of the next test's messages.
    """
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def coordinator(db):
    user = UserFactory(email="clara.coordinator@example.com")
    # get_or_create: a transactional (browser) test flushes the groups the migration made.
    user.groups.add(Group.objects.get_or_create(name="coordinator")[0])
    PersonFactory(email=user.email, first_name="Clara", last_name="Koordinatorin", career_level=3)
    return user


@pytest.fixture
def sponsor(db):
    user = UserFactory(email="sven.sponsor@example.com")
    user.groups.add(Group.objects.get_or_create(name="sponsor")[0])
    PersonFactory(email=user.email, first_name="Sven", last_name="Sponsor", career_level=6)
    return user


@pytest.fixture
def mentee_person(db):
    return PersonFactory(first_name="Marlene", last_name="Müller", career_level=5)


@pytest.fixture
def mentee(mentee_person):
    return UserFactory(email=mentee_person.email)


@pytest.fixture
def mentor_person(db):
    return PersonFactory(first_name="Jonas", last_name="Yılmaz", career_level=1)


@pytest.fixture
def mentor(mentor_person):
    return UserFactory(email=mentor_person.email)


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.com", is_superuser=True, is_staff=True)


@pytest.fixture
def outsider(db):
    """An account whose e-mail belongs to nobody in the directory."""
    return UserFactory(email="olga.outsider@elsewhere.example")


@pytest.fixture
def client_for(client, db):
    """`client_for(user)` returns the test client logged in as that user.

    It asks for `db` so that pytest-django counts a test that takes its personas from
    request.getfixturevalue() as a database test and runs it before the browser tests, which
    empty the database (the roles' groups included)."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def matching_cohort(coordinator, mentee_person, mentor_person):
    """A cohort in the matching phase with Marlene (mentee) and Jonas (mentor) enrolled as a
    feasible pair: Jonas teaches what Marlene wants to learn, same language and time slot.

    Returns a namespace with `cohort`, `mentee` and `mentor` (the enrolments) and `topic`.
    """
    from types import SimpleNamespace

    from tandem.enrolment.tests.factories import enrol, learn_topic
    from tandem.programs.choices import Phase
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator=coordinator, languages=["de", "en"])
    topic = learn_topic()
    mentee = enrol(cohort, mentee_person, role="mentee", needs=[(topic, 2, 5)])
    mentor = enrol(cohort, mentor_person, role="mentor", offers=[(topic, 6)])
    cohort.phase = Phase.MATCHING
    cohort.save(update_fields=["phase"])
    return SimpleNamespace(cohort=cohort, mentee=mentee, mentor=mentor, topic=topic)
