"""One way to build each kind of object in the tests: every factory lives in its app's
`tests/factories.py`, each factory and the `enrol` helper exist once, and no test module hides a
shared fixture behind a function of the same name."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]  # src/tandem


def _test_modules() -> list[Path]:
    return [*sorted(SRC.glob("**/tests/*.py")), SRC / "conftest.py"]


def _definitions() -> dict[str, list[str]]:
    """Name of each top-level function or class -> the files that define it."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in _test_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                found[node.name].append(str(path.relative_to(SRC)))
    return found


def _shared_fixtures() -> set[str]:
    tree = ast.parse((SRC / "conftest.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("fixture" in ast.unparse(d) for d in node.decorator_list)
        and not node.name.startswith("_")
    }


def test_every_factory_lives_in_its_apps_factories_module_once():
    misplaced, doubled = {}, {}
    for name, files in _definitions().items():
        if not name.endswith("Factory"):
            continue
        if len(files) > 1:
            doubled[name] = files
        elsewhere = [f for f in files if not f.endswith("/tests/factories.py")]
        if elsewhere:
            misplaced[name] = elsewhere
    assert (misplaced, doubled) == ({}, {})


@pytest.mark.parametrize("helper", ["enrol", "enrol_late", "cohort_in", "coordinator_user"])
def test_each_building_helper_exists_once(helper):
    assert len(_definitions()[helper]) == 1, _definitions()[helper]


def test_no_test_module_shadows_a_shared_fixture_with_a_function():
    shared = _shared_fixtures()
    assert {"coordinator", "mentee_person", "matching_cohort", "client_for"} <= shared
    shadowing = {
        name: [f for f in files if f != "conftest.py"]
        for name, files in _definitions().items()
        if name in shared and any(f != "conftest.py" for f in files)
    }
    assert shadowing == {}
