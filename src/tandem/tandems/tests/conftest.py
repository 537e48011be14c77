"""Fixtures of the tandems tests (the personas themselves are in src/tandem/conftest.py)."""

from tandem.tandems.tests.answers_helpers import english_cohort, proposal  # noqa: F401
