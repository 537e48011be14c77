"""The `tandem` console script runs Django's commands with Tandem's settings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tandem.cli import main


def test_hyphenated_command_names_run_the_underscored_command(capsys):
    with pytest.raises(SystemExit) as excinfo:
        main(["tandem", "grant-role", "--help"])
    assert excinfo.value.code == 0
    assert "coordinator" in capsys.readouterr().out


def test_the_installed_script_uses_tandem_settings():
    result = subprocess.run(
        [sys.executable, "-m", "tandem", "help", "import-people"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    listing = subprocess.run(
        [sys.executable, "-m", "tandem", "help", "--commands"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert {"demo", "import_people", "grant_role"} <= set(listing)
    assert result.returncode == 0, result.stderr
    assert "--dry-run" in result.stdout
