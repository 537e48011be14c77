"""Fixtures of the answers' tests: the published proposal of the partner pages' tests."""

from tandem.tandems.tests.answers_helpers import english_cohort, proposal  # noqa: F401
