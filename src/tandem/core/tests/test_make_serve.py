"""`make serve` (and so `make demo`): the web server on PORT with its worker; Ctrl-C stops both."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
# Run as a make of its own, not a sub-make of `make test` (which would print "Entering directory"
# and hand down its flags).
MAKE_ENV = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS"}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_in_group(pgid: int) -> list[str]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getpgid(int(proc.name)) != pgid:
                continue
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except (ProcessLookupError, FileNotFoundError, PermissionError):
            continue
        if cmdline:  # a zombie has none
            found.append(cmdline)
    return found


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_serve_serves_on_port_beside_its_worker_and_ctrl_c_stops_both(tmp_path):
    port = free_port()
    env = dict(MAKE_ENV, TANDEM_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    # This checkout's sources through the running interpreter; `install` is not remade.
    command = [
        "make",
        "-o",
        "install",
        "serve",
        f"PORT={port}",
        f"TANDEM={sys.executable} -m tandem",
    ]
    make = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group, like a terminal's foreground job
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert wait_for(lambda: answers(f"http://127.0.0.1:{port}/accounts/login/"), 60)
        assert wait_for(lambda: any("run_huey" in p for p in processes_in_group(make.pid)), 30), (
            processes_in_group(make.pid)
        )
        os.killpg(make.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's foreground job
        assert wait_for(lambda: not processes_in_group(make.pid), 30), processes_in_group(make.pid)
        output = make.communicate(timeout=10)[0].decode()
        assert f"Serving http://127.0.0.1:{port} with its background worker" in output
    finally:
        if processes_in_group(make.pid):
            os.killpg(make.pid, signal.SIGKILL)


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_demo_loads_the_demo_for_port_and_serves_it_with_its_worker():
    dry_run = subprocess.run(
        ["make", "-n", "-o", "install", "demo", "PORT=8123", "TANDEM=tandem-cmd"],
        cwd=ROOT,
        env=MAKE_ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = dry_run.splitlines()
    # The demo prints SITE_ROOT as the address to open; e-mails link there too.
    assert (
        lines[0]
        == "env -u DATABASE_URL -u REDIS_URL SITE_ROOT=http://127.0.0.1:8123 tandem-cmd demo"
    )
    assert "tandem-cmd run_huey &" in dry_run
    assert "tandem-cmd runserver 127.0.0.1:8123" in dry_run
    assert "pip install" not in dry_run  # installed once, not again for serving
