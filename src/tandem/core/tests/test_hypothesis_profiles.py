"""The shared Hypothesis profiles (see `tandem.conftest`): CI is deterministic and no property of
the suite can fail on timing, whatever the machine's load."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tandem.conftest import HYPOTHESIS_PROFILES, hypothesis_profile_name

SRC = Path(__file__).resolve().parents[2]  # src/tandem


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "dev"),
        ({"CI": "true"}, "ci"),
        ({"CI": ""}, "dev"),
        ({"HYPOTHESIS_PROFILE": "dev", "CI": "true"}, "dev"),
        ({"HYPOTHESIS_PROFILE": "ci"}, "ci"),
    ],
)
def test_the_profile_comes_from_hypothesis_profile_then_from_ci(environ, expected):
    assert hypothesis_profile_name(environ) == expected


def test_the_ci_profile_is_deterministic_without_deadline_and_prints_the_blob():
    ci = settings.get_profile("ci")
    assert ci.derandomize is True
    assert ci.database is None  # nothing carried from one run to the next
    assert ci.deadline is None
    assert ci.print_blob is True
    assert HealthCheck.too_slow in ci.suppress_health_check
    assert 50 <= ci.max_examples <= 200


def test_the_dev_profile_is_randomised_without_deadline():
    dev = settings.get_profile("dev")
    assert dev.derandomize is False
    assert dev.deadline is None
    assert HealthCheck.too_slow in dev.suppress_health_check


def test_the_run_uses_the_profile_the_environment_names():
    expected = HYPOTHESIS_PROFILES[hypothesis_profile_name()]
    assert settings.default.derandomize == expected["derandomize"]
    assert settings.default.deadline is None


def _property_tests():
    """Every `@given` test function of the suite, with its module."""
    for path in sorted(SRC.glob("*/tests/test_*.py")):
        if "hypothesis" not in path.read_text(encoding="utf-8"):
            continue  # importing a module is what finds its properties; these have none
        dotted = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        module = importlib.import_module(dotted)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("test_") and hasattr(function, "hypothesis"):
                yield f"{module.__name__}.{name}", function


def test_no_property_of_the_suite_can_fail_on_timing_or_slow_generation():
    """Every property keeps the profile's no-deadline and no-`too_slow` (a per-test
    `suppress_health_check` replaces the profile's list, so it must repeat it)."""
    found = dict(_property_tests())
    assert len(found) >= 40
    slow = {
        name: (s.deadline, s.suppress_health_check)
        for name, function in found.items()
        for s in [function._hypothesis_internal_use_settings]
        if s.deadline is not None or HealthCheck.too_slow not in s.suppress_health_check
    }
    assert slow == {}


def test_every_property_follows_the_profile_on_randomness():
    """Under `ci` every property is derandomised; no test opts back into luck (or out of it)."""
    wanted = settings.default.derandomize
    differing = [
        name
        for name, function in _property_tests()
        if function._hypothesis_internal_use_settings.derandomize != wanted
    ]
    assert differing == []
