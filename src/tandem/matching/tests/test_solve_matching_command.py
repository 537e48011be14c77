"""`tandem solve-matching`: JSON/text output, modes, stdin, errors and exit codes. No database."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

INSTANCE = {
    "mentees": [{"id": "anna"}, {"id": "ben"}, {"id": "cem"}],
    "mentors": [{"id": "xaver"}, {"id": "yusuf"}],
    "edges": [
        {"mentee": "anna", "mentor": "xaver", "score": 90},
        {"mentee": "ben", "mentor": "xaver", "score": 80},
        {"mentee": "anna", "mentor": "yusuf", "score": 5},
        {"mentee": "cem", "mentor": "yusuf", "score": 5},
    ],
    "forbidden": [["cem", "yusuf"]],
}


def run(*args: str, data: object = INSTANCE, tmp_path=None) -> str:
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    out = io.StringIO()
    call_command("solve_matching", str(path), *args, stdout=out)
    return out.getvalue()


def test_json_answer_by_score(tmp_path):
    answer = json.loads(run("--format", "json", tmp_path=tmp_path))
    assert answer["pairs"] == [{"mentee": "anna", "mentor": "xaver", "score": 90}]
    assert answer["total_score"] == 90 and answer["matched"] == 1
    assert answer["optimal"] is True and answer["bound"] == 90
    assert answer["unmatched"] == {
        "mentees": {"ben": "partners_at_capacity", "cem": "no_feasible_partner"},
        "mentors": {"yusuf": "partners_at_capacity"},
    }


def test_count_mode_makes_more_pairs(tmp_path):
    answer = json.loads(run("--mode", "count", "--format", "json", tmp_path=tmp_path))
    assert [(p["mentee"], p["mentor"]) for p in answer["pairs"]] == [
        ("anna", "yusuf"),
        ("ben", "xaver"),
    ]
    assert answer["total_score"] == 85 and answer["matched"] == 2 and answer["optimal"]
    assert answer["bound"] == 85


def test_text_answer_is_a_table(tmp_path):
    with translation.override("en"):
        text = run(tmp_path=tmp_path)
    lines = text.splitlines()
    assert lines[0].split() == ["Mentee", "Mentor", "Score"]
    assert lines[1].split() == ["anna", "xaver", "90.00"]
    assert "1 pair, total score 90.00." in text
    assert "Proven optimal: dual bound 90.00 equals the total." in text
    assert "cem: no feasible partner" in text


def test_instance_from_standard_input(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(INSTANCE).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    call_command("solve_matching", "-", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["matched"] == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"mentees": [', "json: invalid JSON at line 1, column 14"),
        (
            {**INSTANCE, "edges": [{"mentee": "anna", "mentor": "xaver", "score": "high"}]},
            "edges[0].score: must be a number between 0 and 100, got 'high'.",
        ),
        (
            {**INSTANCE, "edges": [{"mentee": "zoe", "mentor": "xaver", "score": 1}]},
            "edges[0].mentee: unknown mentee id 'zoe'",
        ),
        ({**INSTANCE, "mentors": [{"id": "x"}, {"id": "x"}]}, "mentors[1].id: duplicate"),
        ({**INSTANCE, "mentees": [{"id": "a", "capacity": -2}]}, "mentees[0].capacity"),
        ({**INSTANCE, "pinned": [["cem", "yusuf"]]}, "pinned[0]: 'cem'–'yusuf' is both pinned"),
    ],
)
def test_malformed_input_names_the_field_and_exits_with_2(tmp_path, data, message):
    out = io.StringIO()
    path = tmp_path / "instance.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    with pytest.raises(CommandError) as caught:
        call_command("solve_matching", str(path), "--format", "json", stdout=out)
    assert caught.value.returncode == 2
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert out.getvalue() == ""


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="does not exist") as caught:
        call_command("solve_matching", str(tmp_path / "nope.json"))
    assert caught.value.returncode == 2


def test_the_console_script_exits_non_zero_with_the_message_on_stderr_only():
    bad = json.dumps({**INSTANCE, "edges": [{"mentee": "anna", "mentor": "xaver", "score": 101}]})
    done = subprocess.run(
        [sys.executable, "-m", "tandem", "solve-matching", "-", "--format", "json"],
        input=bad,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "edges[0].score: must be a number between 0 and 100, got 101." in done.stderr
    good = subprocess.run(
        [sys.executable, "-m", "tandem", "solve-matching", "-", "--format", "json"],
        input=json.dumps(INSTANCE),
        capture_output=True,
        text=True,
    )
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["optimal"] is True


def console(*args: str, tmp_path, language: str = "de", stdin: str | None = None, django=False):
    """`tandem ARGS` (or, with django=True, the same command through `python -m django`)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
        "LANGUAGE_CODE": language,
        "TANDEM_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("DATABASE_URL", None)
    start = ["-m", "django", "solve_matching"] if django else ["-m", "tandem", "solve-matching"]
    return subprocess.run(
        [sys.executable, *start, *args], input=stdin, capture_output=True, text=True, env=env
    )


PROBE = """
import json, sys
from tandem.cli import main
main(["tandem", "solve-matching", sys.argv[1], "--format", "json"])
from django.apps import apps
loaded = [m for m in sys.modules if m.endswith(".models") or m.startswith(
    ("django.contrib", "django.urls", "django.template", "django.db.models", "tandem.people"))]
print(json.dumps({"apps": [a.label for a in apps.get_app_configs()], "loaded": loaded}),
      file=sys.stderr)
"""


def test_the_console_script_solves_without_setting_up_django_apps_or_models(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(INSTANCE))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
           "TANDEM_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["optimal"] is True
    probe = json.loads(done.stderr.splitlines()[-1])
    assert probe == {"apps": [], "loaded": []}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "case",
    ["text", "missing file", "malformed", "standard input", "usage"],
)
def test_the_console_script_answers_exactly_as_the_django_command(tmp_path, language, case):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(INSTANCE))
    args, stdin = {
        "text": ([str(path)], None),
        "missing file": ([str(tmp_path / "nope.json")], None),
        "malformed": (["-"], '{"mentees": ['),
        "standard input": (["-", "--mode", "count"], json.dumps(INSTANCE)),
        "usage": ([], None),
    }[case]
    fast = console(*args, tmp_path=tmp_path, language=language, stdin=stdin)
    full = console(*args, tmp_path=tmp_path, language=language, stdin=stdin, django=True)
    assert (fast.returncode, fast.stdout) == (full.returncode, full.stdout)
    assert fast.stderr.replace("__main__.py", "") == full.stderr.replace("__main__.py", "")
    if case == "missing file":
        assert ("existiert nicht" if language == "de" else "does not exist") in fast.stderr
    if case == "text":
        assert ("Punktzahl" if language == "de" else "Score") in fast.stdout


def test_the_console_script_honours_the_settings_option(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(INSTANCE))
    # the test settings are in English, whatever LANGUAGE_CODE says
    done = console(str(path), "--settings=tandem.config.test_settings", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 pair, total score 90.00." in done.stdout
