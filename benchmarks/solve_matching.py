"""Benchmark of `tandem solve-matching` and of the solver libraries it was chosen from.

    .venv/bin/python benchmarks/solve_matching.py [--seed 7] [--repeat 5] [--quick]

For 1,000 × 1,000 and 10,000 × 10,000 participants (capacity 1) with 500,000 random edges
(scores uniform 0–100, two decimals; seeded), writes the instance as a JSON file and measures in
this process:

- `json.load` of the file (the baseline of the issue's target),
- the full `solve-matching` command (read, parse, validate, build arrays, solve, certify, write the
  JSON answer) in score and count mode, and its ratio to `json.load` (target ≤ 3),
- solver-only times: OR-Tools `SimpleMinCostFlow` on all edges, SciPy
  `min_weight_full_bipartite_matching` (with dummy nodes, so people may stay unmatched), and the
  engine's `solve_problem` (pruned flow + pricing + dual certificate), with their totals, which
  must agree.

Times are the median of --repeat runs (SciPy: one run); the ratio is the median of the ratios of
rounds in which baseline and command run back to back. Writes
benchmarks/results/solve_matching.json and .md and prints the table. Exit code 1 if the ratio
exceeds --budget-ratio or the totals disagree.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SIZES = ((1_000, 500_000), (10_000, 500_000))


def generate(n: int, n_edges: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    keys = rng.choice(n * n, size=n_edges, replace=False)
    scores = np.round(rng.uniform(0, 100, size=n_edges), 2).tolist()
    mentees = [f"E{i:05d}" for i in range(n)]
    mentors = [f"M{j:05d}" for j in range(n)]
    return {
        "mentees": [{"id": pid, "capacity": 1} for pid in mentees],
        "mentors": [{"id": pid, "capacity": 1} for pid in mentors],
        "edges": [
            {"mentee": mentees[i], "mentor": mentors[j], "score": s}
            for i, j, s in zip((keys // n).tolist(), (keys % n).tolist(), scores, strict=True)
        ],
        "pinned": [],
        "forbidden": [],
    }


def timed(step: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of `repeat` runs, and the last run's value."""
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = step()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def run_size(n: int, n_edges: int, seed: int, repeat: int, folder: Path) -> dict:
    from django.core.management import call_command

    from tandem.matching.engine.fileformat import load_problem
    from tandem.matching.engine.flow import max_weight_b_matching
    from tandem.matching.engine.reference import reference_solve
    from tandem.matching.engine.solve import SCORE_SCALE, solve_problem

    path = folder / f"instance-{n}.json"
    path.write_text(json.dumps(generate(n, n_edges, seed)))
    print(f"{n:,} × {n:,}, {n_edges:,} edges, {path.stat().st_size / 2**20:.1f} MB", flush=True)

    def load() -> object:
        with path.open("rb") as handle:
            return json.load(handle)

    def command(mode: str) -> str:
        out = io.StringIO()
        call_command("solve_matching", str(path), "--mode", mode, "--format", "json", stdout=out)
        return out.getvalue()

    # Interleaved, so that a busy moment of the machine hits baseline and command alike; the
    # ratio is the median of the per-round ratios.
    rounds = []
    for _ in range(repeat):
        base, _ = timed(load, 1)
        score_s, answer = timed(lambda: command("score"), 1)
        count_s, counted = timed(lambda: command("count"), 1)
        rounds.append((base, score_s, count_s))
    row: dict = {"mentees": n, "mentors": n, "edges": n_edges}
    row["json_load_s"] = statistics.median(r[0] for r in rounds)
    row["command_score_s"] = statistics.median(r[1] for r in rounds)
    row["command_count_s"] = statistics.median(r[2] for r in rounds)
    row["ratio_score"] = statistics.median(r[1] / r[0] for r in rounds)
    row["ratio_count"] = statistics.median(r[2] / r[0] for r in rounds)
    answer, counted = json.loads(answer), json.loads(counted)
    row.update(
        total_score=answer["total_score"],
        matched=answer["matched"],
        optimal=answer["optimal"],
        bound=answer["bound"],
        count_matched=counted["matched"],
        count_total=counted["total_score"],
        count_optimal=counted["optimal"],
    )
    print(f"  json.load {row['json_load_s']:.2f} s, command {row['command_score_s']:.2f} s "
          f"(×{row['ratio_score']:.2f})", flush=True)  # fmt: skip

    problem = load_problem(path.read_bytes())
    ones = np.ones(n, dtype=np.int64)
    weights = np.rint(problem.edge_score * SCORE_SCALE).astype(np.int64)

    def ortools_all() -> float:
        chosen = max_weight_b_matching(
            mentee_capacity=ones,
            mentor_capacity=ones,
            tail=problem.edge_mentee,
            head=problem.edge_mentor,
            weight=weights,
            max_cardinality=False,
        )
        return float(problem.edge_score[chosen].sum())

    row["ortools_all_edges_s"], ortools_total = timed(ortools_all, repeat)
    row["engine_solve_s"], solution = timed(lambda: solve_problem(problem), repeat)
    row["engine_stats"] = {k: round(v, 3) if isinstance(v, float) else v
                           for k, v in solution.stats.items()}  # fmt: skip
    row["scipy_s"], (_, scipy_total) = timed(lambda: reference_solve(problem), 1)
    row["ortools_total"], row["scipy_total"] = ortools_total, scipy_total
    row["engine_total"] = solution.result.total_score
    row["totals_agree"] = bool(
        np.isclose([ortools_total, scipy_total, answer["total_score"]], row["engine_total"]).all()
    )
    print(f"  OR-Tools {row['ortools_all_edges_s']:.2f} s, SciPy {row['scipy_s']:.2f} s, "
          f"engine {row['engine_solve_s']:.2f} s", flush=True)  # fmt: skip
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}


def markdown(summary: dict) -> str:
    lines = [
        f"Solver benchmark — random instances, capacity 1, scores uniform 0–100; "
        f"Python {summary['python']}, OR-Tools {summary['ortools']}, SciPy {summary['scipy']}, "
        f"{summary['cpus']} CPUs; median of {summary['repeat']} runs (SciPy: 1)",
        "",
        "| size | edges | json.load (s) | solve-matching score (s) | ratio | count mode (s) | "
        "ratio | pairs | total score | optimal (bound = total) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in summary["sizes"]:
        lines.append(
            f"| {r['mentees']:,} × {r['mentors']:,} | {r['edges']:,} | {r['json_load_s']:.2f} | "
            f"{r['command_score_s']:.2f} | {r['ratio_score']:.2f} | {r['command_count_s']:.2f} | "
            f"{r['ratio_count']:.2f} | {r['matched']:,} | {r['total_score']:,.2f} | "
            f"{'yes' if r['optimal'] and r['bound'] == r['total_score'] else 'NO'} |"
        )
    lines += [
        "",
        "Solver only (the instance already in arrays):",
        "",
        "| size | OR-Tools min-cost flow, all edges (s) | SciPy LAPJVsp + dummies (s) | "
        "engine: pruned flow + pricing + certificate (s) | flow / duals (s) | solves | "
        "edges solved | totals agree |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in summary["sizes"]:
        s = r["engine_stats"]
        lines.append(
            f"| {r['mentees']:,} × {r['mentors']:,} | {r['ortools_all_edges_s']:.2f} | "
            f"{r['scipy_s']:.2f} | {r['engine_solve_s']:.2f} | "
            f"{s['flow_seconds']:.2f} / {s['duals_seconds']:.2f} | {s['iterations']} | "
            f"{s['edges_solved']:,} | {'yes' if r['totals_agree'] else 'NO'} |"
        )
    lines += [
        "",
        "The ratio is the full command (read, parse, validate, solve, certify, write JSON) over "
        "`json.load` of the same file, both in this process, back to back (median of the rounds' "
        "ratios); the target is ≤ 3. OR-Tools is the default solver; SciPy serves only as an "
        "independent cross-check. Scores are integers of resolution 10⁻⁶ inside the solver.",
        f"Command: `.venv/bin/python benchmarks/solve_matching.py --seed {summary['seed']} "
        f"--repeat {summary['repeat']}`",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget-ratio", type=float, default=3.0)
    parser.add_argument("--quick", action="store_true", help="1,000 × 1,000 only")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    os.environ["TANDEM_DATA_DIR"] = str(folder)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.config.settings"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    sys.path.insert(0, str(ROOT / "src"))
    try:
        import django
        import ortools
        import scipy

        django.setup()
        sizes = SIZES[:1] if args.quick else SIZES
        rows = [run_size(n, e, args.seed, args.repeat, folder) for n, e in sizes]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary = {
        "seed": args.seed,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "ortools": ortools.__version__,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "cpus": os.cpu_count(),
        "budget_ratio": args.budget_ratio,
        "sizes": rows,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "solve_matching.json").write_text(json.dumps(summary, indent=2) + "\n")
    table = markdown(summary)
    (args.results / "solve_matching.md").write_text(table)
    print()
    print(table)
    failed = False
    for r in rows:
        if max(r["ratio_score"], r["ratio_count"]) > args.budget_ratio:
            print(f"FAIL: {r['mentees']:,}: ratio above {args.budget_ratio}", file=sys.stderr)
            failed = True
        if not (r["totals_agree"] and r["optimal"] and r["count_optimal"]):
            print(f"FAIL: {r['mentees']:,}: totals disagree or not optimal", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
