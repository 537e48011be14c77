"""Benchmark of `tandem solve-matching` as a whole process, against `json.load` of the same file.

    .venv/bin/python benchmarks/solver_cli.py [--seed 7] [--repeat 5] [--budget-ratio 3]

Writes a 10,000 × 10,000 instance with 500,000 random edges (the one of
benchmarks/solve_matching.py, seeded) and times, each in a fresh process (wall time of the
subprocess, interpreter start included):

- `python -c "json.load(open(FILE, 'rb'))"` — the baseline,
- `python -m tandem solve-matching FILE --format json` — the console script (this checkout's code),
- `python -m django solve_matching FILE --format json` — the same command after a full
  django.setup(), for comparison.

The three run back to back in each round (so that a busy moment of the machine hits them alike);
times are medians over --repeat rounds, and the ratio is the median of the rounds' ratios
(console script / json.load). Writes benchmarks/results/solver_cli.json and .md and prints the
table. Exit code 1 if the ratio exceeds --budget-ratio or the answers differ.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SIZE, EDGES = 10_000, 500_000


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str], env: dict[str, str], out: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process; its standard output goes to `out`."""
    with out.open("wb") as handle:
        cpu = cpu_of_children()
        started = time.perf_counter()
        done = subprocess.run(argv, stdout=handle, stderr=subprocess.PIPE, env=env, check=False)
        elapsed = time.perf_counter() - started
        cpu = cpu_of_children() - cpu
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr.decode()}")
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget-ratio", type=float, default=3.0)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from solve_matching import generate

    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-cli-"))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
        "TANDEM_DATA_DIR": str(folder),
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-not-secret"),
    }
    env.pop("DATABASE_URL", None)
    try:
        path = folder / "instance.json"
        path.write_text(json.dumps(generate(SIZE, EDGES, args.seed)))
        size_mb = path.stat().st_size / 2**20
        print(f"{SIZE:,} × {SIZE:,}, {EDGES:,} edges, {size_mb:.1f} MB", flush=True)
        python, as_json = sys.executable, ("--format", "json")
        commands = {
            "json_load": [python, "-c", f"import json; json.load(open({str(path)!r}, 'rb'))"],
            "console_script": [python, "-m", "tandem", "solve-matching", str(path), *as_json],
            "django_command": [python, "-m", "django", "solve_matching", str(path), *as_json],
        }
        rounds: list[dict[str, float]] = []
        cpu_rounds: list[dict[str, float]] = []
        for k in range(args.repeat):
            measured = {n: run(argv, env, folder / f"{n}.out") for n, argv in commands.items()}
            rounds.append({name: wall for name, (wall, _) in measured.items()})
            cpu_rounds.append({name: cpu for name, (_, cpu) in measured.items()})
            print(f"  round {k + 1}: " + ", ".join(f"{n} {w:.2f} s (CPU {c:.2f} s)"
                  for n, (w, c) in measured.items()), flush=True)  # fmt: skip
        answers = [(folder / f"{name}.out").read_text() for name in commands if name != "json_load"]
        answer = json.loads(answers[0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    row = {name: statistics.median(r[name] for r in rounds) for name in commands}
    summary = {
        "mentees": SIZE,
        "mentors": SIZE,
        "edges": EDGES,
        "file_mb": round(size_mb, 1),
        "seed": args.seed,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "json_load_s": round(row["json_load"], 3),
        "console_script_s": round(row["console_script"], 3),
        "django_command_s": round(row["django_command"], 3),
        "ratio": round(statistics.median(r["console_script"] / r["json_load"] for r in rounds), 3),
        "ratio_django_command": round(
            statistics.median(r["django_command"] / r["json_load"] for r in rounds), 3
        ),
        "cpu_json_load_s": round(statistics.median(r["json_load"] for r in cpu_rounds), 3),
        "cpu_console_script_s": round(
            statistics.median(r["console_script"] for r in cpu_rounds), 3
        ),
        "cpu_django_command_s": round(
            statistics.median(r["django_command"] for r in cpu_rounds), 3
        ),
        "cpu_ratio": round(
            statistics.median(r["console_script"] / r["json_load"] for r in cpu_rounds), 3
        ),
        "load_average": os.getloadavg(),
        "budget_ratio": args.budget_ratio,
        "answers_agree": answers[0] == answers[1],
        "matched": answer["matched"],
        "optimal": answer["optimal"],
        "rounds": [{k: round(v, 3) for k, v in r.items()} for r in rounds],
        "cpu_rounds": [{k: round(v, 3) for k, v in r.items()} for r in cpu_rounds],
    }
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "solver_cli.json").write_text(json.dumps(summary, indent=2) + "\n")
    table = markdown(summary)
    (args.results / "solver_cli.md").write_text(table)
    print()
    print(table)
    if summary["ratio"] > args.budget_ratio:
        print(f"FAIL: ratio {summary['ratio']} above {args.budget_ratio}", file=sys.stderr)
        return 1
    if not (summary["answers_agree"] and summary["optimal"]):
        print("FAIL: the console script and the Django command disagree", file=sys.stderr)
        return 1
    return 0


def markdown(s: dict) -> str:
    return "\n".join(
        [
            f"`tandem solve-matching` as a whole process — {s['mentees']:,} × {s['mentors']:,}, "
            f"{s['edges']:,} edges ({s['file_mb']} MB); Python {s['python']}, {s['cpus']} CPUs; "
            f"median of {s['repeat']} rounds, each process started fresh",
            "",
            "| process | wall time (s) | ratio to json.load | CPU time (s) |",
            "|---|---:|---:|---:|",
            f"| `python -c json.load(FILE)` | {s['json_load_s']:.2f} | 1.00 | "
            f"{s['cpu_json_load_s']:.2f} |",
            f"| `tandem solve-matching FILE --format json` | {s['console_script_s']:.2f} | "
            f"{s['ratio']:.2f} | {s['cpu_console_script_s']:.2f} |",
            f"| `python -m django solve_matching FILE --format json` (full django.setup()) | "
            f"{s['django_command_s']:.2f} | {s['ratio_django_command']:.2f} | "
            f"{s['cpu_django_command_s']:.2f} |",
            "",
            f"CPU-time ratio (user + system, less sensitive to other load): {s['cpu_ratio']:.2f}; "
            f"load average at the end: {', '.join(f'{x:.1f}' for x in s['load_average'])}.",
            f"Target: the console script within {s['budget_ratio']:g} × json.load (ratio = median "
            f"of the rounds' ratios). {s['matched']:,} pairs, optimal: "
            f"{'yes' if s['optimal'] else 'NO'}; both commands gave the same answer: "
            f"{'yes' if s['answers_agree'] else 'NO'}.",
            f"Command: `.venv/bin/python benchmarks/solver_cli.py --seed {s['seed']} "
            f"--repeat {s['repeat']}`",
            "",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
