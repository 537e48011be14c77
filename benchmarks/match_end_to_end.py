"""End-to-end matching benchmark (issue 4, point 8): hard rules + score + exact solve + certificate.

    .venv/bin/python benchmarks/match_end_to_end.py [--sizes 100,1000,10000,20000,50000]
        [--seed 42] [--repeat 3] [--tracemalloc-up-to 20000] [--results benchmarks/results]

For each size (participants, half mentees and half mentors) a fresh Python process (this script
with ``--one PARTICIPANTS``) does, and reports as JSON:

1. **generation** (timed, but not part of end to end): `synthetic_population(mentees, mentors,
   seed)` — org tree, career levels, sites, languages, formats, availability, topic profiles,
   reporting-line pairs, preferences, do-not-match pairs;
2. **end to end** (timed; median of --repeat runs):
   - *build*: `build_candidates` — every hard rule and the score, vectorised;
   - *to Problem*: the candidate arrays as validated engine input (`build_problem` with string
     ids; this is the input validation every caller of the solver pays);
   - *solve*: `solve_problem` in score mode — pruned min-cost flow, pricing on all edges, dual
     certificate;
3. **checks** (untimed): the certificate recomputed here in integers from the duals (exact gap),
   the reporting-line pairs of the population (how many mentee–mentor pairs they forbid that every
   other rule would allow, and that none of them is a candidate);
4. **baselines** (timed; median of --repeat runs) on the same candidate set in the same process:
   `greedy_by_score` by the common score, and `gale_shapley_by_score` (mentee-proposing) with
   each side ranking by its own view of a pair — a mentee by what concerns a mentee
   (`MENTEE_VIEW`: coverage + teaching profile + interests + preferences), a mentor by what
   concerns a mentor (`MENTOR_VIEW`: give-back + interests + preferences + bridging). Both are
   judged by the common score against the exact optimum. The views come from the points per
   component: a second `build_candidates(..., components=True)` (timed and reported on its own,
   checked to give the same pairs and scores, NOT in end to end nor in the baselines' times).
   The baselines take an engine `Instance` of `Edge` objects (there is no array entry point), so
   the candidate set is converted once, each edge carrying its two view values in
   `Edge.breakdown` (a `SideViews`); that conversion is timed and reported separately and is NOT
   in the baselines' times (their times do include their own `prepare` of the instance, which is
   also reported on its own, and Gale–Shapley's include reading both views off every edge). The
   conversion runs with the cyclic GC paused and its objects frozen afterwards (see `run_size`).
   Gale–Shapley by the common score is run once per size (untimed for the table) only to check
   that it gives greedy's pairs: with one common score and these tie-breaks its stable matching
   is unique and IS greedy's, so a timed column of it would repeat greedy's figures;
5. optionally (sizes ≤ --tracemalloc-up-to participants, untimed because tracemalloc slows Python
   allocations about 3 ×) the tracemalloc peak of the end-to-end pipeline alone.

Peak memory: the child's VmHWM (peak RSS) right after generation and right after the end-to-end
runs (the figure checked against the target; it includes the interpreter, numpy, OR-Tools and
the generated population), and the whole child's peak RSS (including baselines) from `os.wait4`.

Writes benchmarks/results/matching.json and matching.md and prints the table. Exit code 1 if a
target is missed: certified gap 0 at every size; 10,000 × 10,000 end to end ≤ 5 s and peak RSS
≤ 2 GiB; 50,000 participants end to end ≤ 30 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from pathlib import Path

import numpy as np

from tandem.matching.engine.baselines import gale_shapley_by_score, greedy_by_score
from tandem.matching.engine.problem import Problem, build_problem
from tandem.matching.engine.solve import SCORE_SCALE, Solution, solve_problem
from tandem.matching.engine.stable_market import prepare
from tandem.matching.engine.types import Edge, Instance, Participant, Result
from tandem.matching.pairing.hard_rules import pair_violations
from tandem.matching.pairing.scoring import COMPONENTS, DEFAULT_WEIGHTS
from tandem.matching.pairing.synthetic import Population, synthetic_population
from tandem.matching.runs.candidates import CandidateSet, build_candidates

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SIZES = (100, 1_000, 10_000, 20_000, 50_000)  # participants: half mentees, half mentors
SEED = 42
TARGET_ROW = 20_000  # 10,000 mentees × 10,000 mentors
TARGET_ROW_SECONDS = 5.0
TARGET_ROW_RSS_MIB = 2048.0
LARGE_ROW = 50_000
LARGE_ROW_SECONDS = 30.0
MIB = 2**20
# What each side ranks its partners by in the Gale–Shapley baseline (score components summed).
MENTEE_VIEW = ("coverage", "teaching_profile", "interests", "preferences")
MENTOR_VIEW = ("give_back", "interests", "preferences", "bridging")


class SideViews(Mapping[str, float]):
    """`Edge.breakdown` for the baselines: the pair as each side sees it, ``{"mentee": points of
    MENTEE_VIEW, "mentor": points of MENTOR_VIEW}``. Slots instead of a dict per edge: a third of
    the memory and time to build (millions of edges); read as ``attrgetter("breakdown.mentee")``.
    """

    __slots__ = ("mentee", "mentor")

    def __init__(self, mentee: float, mentor: float) -> None:
        self.mentee = mentee
        self.mentor = mentor

    def __getitem__(self, key: str) -> float:
        if key == "mentee":
            return self.mentee
        if key == "mentor":
            return self.mentor
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(("mentee", "mentor"))

    def __len__(self) -> int:
        return 2


_MENTEE_VIEW = attrgetter("breakdown.mentee")
_MENTOR_VIEW = attrgetter("breakdown.mentor")


def split(participants: int) -> tuple[int, int]:
    """(mentees, mentors): half each, the odd one out a mentor."""
    return participants // 2, participants - participants // 2


def peak_rss_mib() -> float:
    """This process's peak resident set so far (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MIB if sys.platform == "darwin" else 1024)


def to_problem(population: Population, candidates: CandidateSet) -> Problem:
    """The candidate arrays as validated engine input; ids are the enrolment ids as strings."""
    mentee_ids = [str(p.enrolment_id) for p in population.mentees]
    mentor_ids = [str(p.enrolment_id) for p in population.mentors]
    return build_problem(
        mentee_ids=mentee_ids,
        mentee_capacity=[1] * len(mentee_ids),
        mentor_ids=mentor_ids,
        mentor_capacity=[1] * len(mentor_ids),
        edge_mentee=np.asarray(mentee_ids, dtype=object)[candidates.mentee_index].tolist(),
        edge_mentor=np.asarray(mentor_ids, dtype=object)[candidates.mentor_index].tolist(),
        edge_score=candidates.score.tolist(),
    )


def side_views(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the points of MENTEE_VIEW and of MENTOR_VIEW (from `CandidateSet.points`)."""
    return tuple(  # type: ignore[return-value]
        points[:, [COMPONENTS.index(name) for name in view]].sum(axis=1)
        for view in (MENTEE_VIEW, MENTOR_VIEW)
    )


def to_instance(problem: Problem, mentee_view: np.ndarray, mentor_view: np.ndarray) -> Instance:
    """The same edges as an engine `Instance` (what the baselines take), each with its two side
    views (parallel to the problem's edges) as `Edge.breakdown`."""
    mentee_ids, mentor_ids = problem.mentee_ids, problem.mentor_ids
    edges = tuple(
        map(
            Edge,
            np.asarray(mentee_ids, dtype=object)[problem.edge_mentee].tolist(),
            np.asarray(mentor_ids, dtype=object)[problem.edge_mentor].tolist(),
            problem.edge_score.tolist(),
            map(SideViews, mentee_view.tolist(), mentor_view.tolist()),
        )
    )
    return Instance(
        mentees=tuple(map(Participant, mentee_ids, problem.mentee_capacity.tolist())),
        mentors=tuple(map(Participant, mentor_ids, problem.mentor_capacity.tolist())),
        edges=edges,
    )


def end_to_end(population: Population) -> tuple[CandidateSet, Problem, Solution, dict[str, float]]:
    """Build candidates, make the engine input, solve exactly; with the wall time of each step."""
    t0 = time.perf_counter()
    candidates = build_candidates(
        population.mentees,
        population.mentors,
        population.rules,
        DEFAULT_WEIGHTS,
        population.topic_priority,
    )
    t1 = time.perf_counter()
    problem = to_problem(population, candidates)
    t2 = time.perf_counter()
    solution = solve_problem(problem, mode="score")
    t3 = time.perf_counter()
    times = {"build_s": t1 - t0, "problem_s": t2 - t1, "solve_s": t3 - t2, "end_to_end_s": t3 - t0}
    return candidates, problem, solution, times


def exact_gap(problem: Problem, solution: Solution) -> int:
    """Dual objective − total, in integer units of 10⁻⁶, recomputed from the duals (score mode,
    no pins or forbids): Σ a·u + Σ b·v + Σ max(0, w − u − v) − Σ chosen w. 0 = proven optimal."""
    assert solution.duals is not None and not len(problem.pinned) and not problem.forbidden.any()
    u = np.rint(solution.duals.mentee * SCORE_SCALE).astype(np.int64)
    v = np.rint(solution.duals.mentor * SCORE_SCALE).astype(np.int64)
    w = np.rint(problem.edge_score * SCORE_SCALE).astype(np.int64)
    if (u < 0).any() or (v < 0).any():
        return -1
    z = np.maximum(0, w - u[problem.edge_mentee] - v[problem.edge_mentor])
    dual = (
        int(np.dot(problem.mentee_capacity, u))
        + int(np.dot(problem.mentor_capacity, v))
        + int(z.sum())
    )
    return dual - int(w[solution.chosen].sum())


def reporting_line_check(population: Population, candidates: CandidateSet) -> dict[str, int]:
    """How the population's reporting-line pairs act on mentee–mentor pairs.

    `mentee_mentor_pairs`: pairs (mentee, mentor) in each other's reporting line; `binding`:
    those that break no other rule (so the reporting-line rule alone excludes them); `candidates`:
    those that nevertheless are candidate pairs (must be 0).
    """
    mentees, mentors, rules = population.mentees, population.mentors, population.rules
    mentee_at = {p.person_id: i for i, p in enumerate(mentees)}
    mentor_at = {p.person_id: j for j, p in enumerate(mentors)}
    pairs: set[tuple[int, int]] = set()
    for pair in rules.reporting_line_pairs:
        a, b = tuple(pair)
        for x, y in ((a, b), (b, a)):
            if x in mentee_at and y in mentor_at:
                pairs.add((mentee_at[x], mentor_at[y]))
    binding = sum(
        1
        for i, j in pairs
        if [v.code for v in pair_violations(mentees[i], mentors[j], rules)] == ["reporting_line"]
    )
    n_m = len(mentors)
    keys = np.asarray([i * n_m + j for i, j in pairs], dtype=np.int64)
    candidate_keys = candidates.mentee_index.astype(np.int64) * n_m + candidates.mentor_index
    return {
        "pairs": len(rules.reporting_line_pairs),
        "mentee_mentor_pairs": len(pairs),
        "binding": binding,
        "candidates": int(np.isin(keys, candidate_keys).sum()),
    }


def _median_run(step: Callable[[], Result], repeat: int) -> tuple[float, list[float], Result]:
    times, result = [], None
    for _ in range(repeat):
        result = None  # let the previous result go before the next run
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    assert result is not None
    return statistics.median(times), times, result


def _figures(result: Result, optimum: float, n_mentees: int, n_mentors: int) -> dict:
    return {
        "total_score": result.total_score,
        "below_optimum_pct": 100.0 * (optimum - result.total_score) / optimum if optimum else 0.0,
        "matched": result.matched,
        "share_matched_of_min": result.matched / max(1, min(n_mentees, n_mentors)),
        "share_matched_of_mentees": result.matched / max(1, n_mentees),
    }


class _ViewTotals:
    """Sums of each side's view over the pairs of a matching (by mentee/mentor id)."""

    def __init__(self, problem: Problem, mentee_view: np.ndarray, mentor_view: np.ndarray) -> None:
        self.mentee_at = {pid: i for i, pid in enumerate(problem.mentee_ids)}
        self.mentor_at = {pid: j for j, pid in enumerate(problem.mentor_ids)}
        self.n_mentors = max(1, len(problem.mentor_ids))
        keys = problem.edge_mentee.astype(np.int64) * self.n_mentors + problem.edge_mentor
        self.order = np.argsort(keys)
        self.sorted_keys = keys[self.order]
        self.mentee_view, self.mentor_view = mentee_view, mentor_view

    def edges(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        keys = np.asarray(
            [self.mentee_at[m] * self.n_mentors + self.mentor_at[t] for m, t in pairs],
            dtype=np.int64,
        )
        return self.order[np.searchsorted(self.sorted_keys, keys)]

    def __call__(self, chosen: np.ndarray) -> dict[str, float]:
        return {
            "mentee_view_total": float(self.mentee_view[chosen].sum()),
            "mentor_view_total": float(self.mentor_view[chosen].sum()),
        }


def _pairs(result: Result) -> set[tuple[str, str]]:
    return {(p.mentee, p.mentor) for p in result.pairs}


def _baselines(
    instance: Instance,
    optimum: Result,
    totals: _ViewTotals,
    n_mentees: int,
    n_mentors: int,
    repeat: int,
) -> dict:
    """Greedy (common score) and Gale–Shapley (own views) on the instance: median time and
    figures; plus one untimed Gale–Shapley by the common score, compared with greedy."""
    started = time.perf_counter()
    prepare(instance)
    block: dict = {"prepare_s": time.perf_counter() - started}
    optimum_pairs = _pairs(optimum)
    runs = (
        ("greedy", lambda: greedy_by_score(instance)),
        (
            "gale_shapley_views",
            lambda: gale_shapley_by_score(
                instance, mentee_view=_MENTEE_VIEW, mentor_view=_MENTOR_VIEW
            ),
        ),
    )
    found_pairs = {}
    for name, step in runs:
        seconds, times, found = _median_run(step, repeat)
        found_pairs[name] = pairs = _pairs(found)
        block[name] = {
            "seconds": seconds,
            "runs": times,
            **_figures(found, optimum.total_score, n_mentees, n_mentors),
            "pairs_as_optimum": len(pairs & optimum_pairs),
            **totals(totals.edges(pairs)),
        }
    block["gale_shapley_views"]["pairs_as_greedy"] = len(
        found_pairs["gale_shapley_views"] & found_pairs["greedy"]
    )
    started = time.perf_counter()
    common = gale_shapley_by_score(instance)
    block["gale_shapley_common"] = {
        "seconds_one_run": time.perf_counter() - started,
        "total_score": common.total_score,
        "same_pairs_as_greedy": _pairs(common) == found_pairs["greedy"],
    }
    return block


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_size(
    participants: int,
    *,
    seed: int = SEED,
    repeat: int = 1,
    baselines: bool = True,
    trace_memory: bool = False,
) -> dict:
    """Everything measured for one size, in this process (the benchmark runs it in a fresh one)."""
    n_mentees, n_mentors = split(participants)
    row: dict = {
        "participants": participants,
        "mentees": n_mentees,
        "mentors": n_mentors,
        "seed": seed,
        "repeat": repeat,
    }
    started = time.perf_counter()
    population = synthetic_population(n_mentees, n_mentors, seed)
    row["generate_s"] = time.perf_counter() - started
    row["peak_rss_after_generation_mib"] = peak_rss_mib()
    _log(f"{participants:,}: generated in {row['generate_s']:.2f} s")

    runs: list[dict[str, float]] = []
    candidates = problem = solution = None
    for _ in range(repeat):
        candidates = problem = solution = None  # let the previous run go first
        candidates, problem, solution, times = end_to_end(population)
        runs.append(times)
    assert candidates is not None and problem is not None and solution is not None
    row["peak_rss_end_to_end_mib"] = peak_rss_mib()
    for key in runs[0]:
        row[key] = statistics.median(r[key] for r in runs)
    row["runs"] = runs
    row["solve_stats"] = dict(solution.stats)
    result = solution.result
    _log(f"{participants:,}: end to end {row['end_to_end_s']:.2f} s (median of {repeat})")

    row["feasible_pairs"] = len(candidates)
    row["possible_pairs"] = n_mentees * n_mentors
    row["mentees_with_candidate"] = len(np.unique(candidates.mentee_index))
    row["mentors_with_candidate"] = len(np.unique(candidates.mentor_index))
    row["total_score"] = result.total_score
    row["bound"] = result.bound
    row["bound_minus_total"] = None if result.bound is None else result.bound - result.total_score
    row["optimal"] = result.optimal
    row["exact_gap_units"] = exact_gap(problem, solution)  # 10⁻⁶ score units
    row["matched"] = result.matched
    row["share_matched_of_min"] = result.matched / max(1, min(n_mentees, n_mentors))
    row["share_matched_of_mentees"] = result.matched / max(1, n_mentees)
    row["reporting_line"] = reporting_line_check(population, candidates)

    if baselines:
        # The side views need the points per component: a second build, with components (the
        # end-to-end build above stays the default one; this one is timed on its own).
        started = time.perf_counter()
        detailed = build_candidates(
            population.mentees,
            population.mentors,
            population.rules,
            DEFAULT_WEIGHTS,
            population.topic_priority,
            components=True,
        )
        components_build = time.perf_counter() - started
        assert detailed.points is not None
        assert np.array_equal(detailed.mentee_index, candidates.mentee_index)
        assert np.array_equal(detailed.mentor_index, candidates.mentor_index)
        assert np.array_equal(detailed.score, candidates.score)  # so the views fit the edges
        assert np.abs(detailed.points.sum(axis=1) - detailed.score).max(initial=0.0) <= 1e-9
        mentee_view, mentor_view = side_views(detailed.points)
        detailed = None
        totals = _ViewTotals(problem, mentee_view, mentor_view)
        row["optimum_views"] = totals(solution.chosen)
        # Millions of new Edge objects trigger the cyclic GC over and over (measured at 50,000
        # participants: 10.5 s with it, 2.6 s without); none of them is in a cycle. So the
        # conversion runs with the GC paused, and its objects are frozen (not scanned again) while
        # the baselines run: they are then charged for their own work, not for scanning input.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            started = time.perf_counter()
            instance = to_instance(problem, mentee_view, mentor_view)
            conversion = time.perf_counter() - started
            gc.freeze()
        finally:
            if was_enabled:
                gc.enable()
        try:
            row["baselines"] = _baselines(instance, result, totals, n_mentees, n_mentors, repeat)
        finally:
            instance = totals = mentee_view = mentor_view = None
            gc.unfreeze()
        b = row["baselines"]
        b["components_build_s"] = components_build
        b["instance_conversion_s"] = conversion
        _log(
            f"{participants:,}: baselines greedy {b['greedy']['seconds']:.2f} s, "
            f"Gale–Shapley (own views) {b['gale_shapley_views']['seconds']:.2f} s "
            f"(+ {components_build:.2f} s to build with components, "
            f"{conversion:.2f} s to build the Instance)"
        )
    row["peak_rss_after_baselines_mib"] = peak_rss_mib()

    row["tracemalloc_peak_mib"] = None
    if trace_memory:
        candidates = problem = solution = None
        tracemalloc.start()
        end_to_end(population)
        row["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / MIB
        tracemalloc.stop()
    return row


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 4) if abs(value) < 1000 else round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def run_child(participants: int, args: argparse.Namespace) -> dict:
    """Run one size in a fresh interpreter; add the child's whole-life peak RSS (os.wait4)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--one",
        str(participants),
        "--seed",
        str(args.seed),
        "--repeat",
        str(args.repeat),
        "--tracemalloc-up-to",
        str(args.tracemalloc_up_to),
    ]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen won't wait
    if child.returncode != 0:
        raise RuntimeError(f"{participants:,} participants: child exited {child.returncode}")
    row = json.loads(output.strip().splitlines()[-1])
    row["peak_rss_child_mib"] = usage.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)
    return row


def machine() -> dict:
    import ortools
    import scipy

    info = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "ortools": ortools.__version__,
        "scipy": scipy.__version__,
        "platform": platform.platform(),
    }
    try:
        text = Path("/proc/cpuinfo").read_text()
        info["cpu_model"] = next(
            line.split(":", 1)[1].strip() for line in text.splitlines() if "model name" in line
        )
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_mib"] = int(line.split()[1]) // 1024
    except (OSError, StopIteration):
        pass
    return info


def targets(rows: list[dict]) -> list[dict]:
    """Each target with its figure and pass/fail (None: the size was not run)."""
    by_size = {r["participants"]: r for r in rows}
    out = [
        {
            "target": "certified gap 0 at every size (bound = total, optimal)",
            "value": max((abs(r["exact_gap_units"]) for r in rows), default=None),
            "passed": all(r["optimal"] and r["exact_gap_units"] == 0 for r in rows),
        }
    ]
    row = by_size.get(TARGET_ROW)
    out.append(
        {
            "target": f"10,000 × 10,000 end to end ≤ {TARGET_ROW_SECONDS:g} s",
            "value": row and row["end_to_end_s"],
            "passed": None if row is None else row["end_to_end_s"] <= TARGET_ROW_SECONDS,
        }
    )
    out.append(
        {
            "target": f"10,000 × 10,000 peak RSS ≤ {TARGET_ROW_RSS_MIB / 1024:g} GiB",
            "value": row and row["peak_rss_end_to_end_mib"],
            "passed": None if row is None else row["peak_rss_end_to_end_mib"] <= TARGET_ROW_RSS_MIB,
        }
    )
    row = by_size.get(LARGE_ROW)
    out.append(
        {
            "target": f"50,000 participants end to end ≤ {LARGE_ROW_SECONDS:g} s",
            "value": row and row["end_to_end_s"],
            "passed": None if row is None else row["end_to_end_s"] <= LARGE_ROW_SECONDS,
        }
    )
    return out


def _verdict(passed: bool | None) -> str:
    return "not run" if passed is None else ("pass" if passed else "FAIL")


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 0.1 else f"{seconds:.2f}"


def _pct(share: float) -> str:
    return f"{100 * share:.1f} %"


def markdown(summary: dict) -> str:
    m = summary["machine"]
    baselined = [r for r in summary["sizes"] if r.get("baselines")]
    lines = [
        "End-to-end matching benchmark — `synthetic_population(mentees, mentors, seed="
        f"{summary['seed']})`, capacity 1, default weights, score mode; Python {m['python']}, "
        f"numpy {m['numpy']}, OR-Tools {m['ortools']}, {m['cpus']} CPUs; times are the median "
        f"of {summary['repeat']} runs, each size in a fresh process",
        "",
        "| participants | mentees × mentors | feasible pairs | build (s) | to Problem (s) | "
        "solve (s) | end to end (s) | peak RSS (MiB) | total score | gap | matched (share) | "
        "greedy: s / % below / share | Gale–Shapley, own views: s / % below / share |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in summary["sizes"]:
        gap = "0" if r["optimal"] and r["exact_gap_units"] == 0 else f"NO ({r['exact_gap_units']})"
        cells = [
            f"{r['participants']:,}",
            f"{r['mentees']:,} × {r['mentors']:,}",
            f"{r['feasible_pairs']:,}",
            _s(r["build_s"]),
            _s(r["problem_s"]),
            _s(r["solve_s"]),
            f"**{_s(r['end_to_end_s'])}**",
            f"{r['peak_rss_end_to_end_mib']:,.0f}",
            f"{r['total_score']:,.2f}",
            gap,
            f"{r['matched']:,} ({_pct(r['share_matched_of_min'])})",
        ]
        b = r.get("baselines")
        for name in ("greedy", "gale_shapley_views"):
            if b is None:
                cells.append("–")
                continue
            x = b[name]
            cells.append(
                f"{_s(x['seconds'])} / {x['below_optimum_pct']:.2f} % / "
                f"{_pct(x['share_matched_of_min'])}"
            )
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Targets: "
        + "; ".join(
            f"{t['target']}: **{_verdict(t['passed'])}**" + _value(t) for t in summary["targets"]
        )
        + ".",
        "",
        "Notes:",
        "",
        "- *End to end* = build (`build_candidates`: every hard rule and the score, vectorised) + "
        "to Problem (`build_problem`: the arrays as validated engine input) + solve "
        "(`solve_problem`, score mode: pruned min-cost flow, pricing on all edges, certificate). "
        "Generation is not included: "
        + ", ".join(f"{r['participants']:,}: {r['generate_s']:.2f} s" for r in summary["sizes"])
        + ".",
        "- *gap* = dual bound − total in integer units of 10⁻⁶ (the solver's resolution), "
        "recomputed here from the duals on every edge; the engine reports `optimal` "
        + ("at every size" if all(r["optimal"] for r in summary["sizes"]) else "NOT everywhere")
        + ". The float bound exceeds the float total by "
        + ", ".join(
            f"{r['participants']:,}: {r['bound_minus_total']:.4f}"
            for r in summary["sizes"]
            if r["bound_minus_total"] is not None
        )
        + " (the bound is valid for the unrounded scores; within the engine's tolerance).",
        "- *peak RSS* = the child process's VmHWM right after the end-to-end runs (interpreter, "
        "numpy, OR-Tools and the generated population included); the whole child including the "
        "baselines peaks at "
        + ", ".join(
            f"{r['participants']:,}: {r['peak_rss_child_mib']:,.0f} MiB"
            for r in summary["sizes"]
            if "peak_rss_child_mib" in r
        )
        + ". tracemalloc peak of the end-to-end pipeline alone: "
        + (
            ", ".join(
                f"{r['participants']:,}: {r['tracemalloc_peak_mib']:,.0f} MiB"
                for r in summary["sizes"]
                if r["tracemalloc_peak_mib"] is not None
            )
            or "not measured"
        )
        + ".",
        "- *share* = matched / min(mentees, mentors) (halves are equal, so also / mentees); "
        "*% below* = (optimum − baseline) / optimum, both by the common score. *greedy* takes "
        "the best-scoring pair first. *Gale–Shapley, own views* is mentee-proposing deferred "
        "acceptance where each side ranks by its own view of a pair: a mentee by "
        + " + ".join(MENTEE_VIEW)
        + ", a mentor by "
        + " + ".join(MENTOR_VIEW)
        + " (points out of the same weights; ties by the partner's id); its matching is then "
        "scored with the common score. Pairs it shares with the optimum / with greedy: "
        + ", ".join(
            f"{r['participants']:,}: {r['baselines']['gale_shapley_views']['pairs_as_optimum']:,}"
            f" / {r['baselines']['gale_shapley_views']['pairs_as_greedy']:,}"
            for r in baselined
        )
        + ". Each side's view summed over the matched pairs (mentee view / mentor view), "
        "optimum → Gale–Shapley: "
        + ", ".join(
            f"{r['participants']:,}: {r['optimum_views']['mentee_view_total']:,.0f} / "
            f"{r['optimum_views']['mentor_view_total']:,.0f} → "
            f"{r['baselines']['gale_shapley_views']['mentee_view_total']:,.0f} / "
            f"{r['baselines']['gale_shapley_views']['mentor_view_total']:,.0f}"
            for r in baselined
        )
        + ".",
        "- Baselines run on the same candidate set. The side views come from a second "
        "`build_candidates(..., components=True)` (points per score component; same pairs and "
        "scores checked) in "
        + ", ".join(f"{r['baselines']['components_build_s']:.2f} s" for r in baselined)
        + " (compare *build*; in neither end to end nor the baselines' times). The baselines take "
        "an engine `Instance` of `Edge` objects, each carrying its two view values in "
        "`Edge.breakdown`, built once per size in "
        + ", ".join(f"{r['baselines']['instance_conversion_s']:.2f} s" for r in baselined)
        + " (GC paused, objects then frozen) — NOT included in their times. Included: their own "
        "`prepare` of it ("
        + ", ".join(f"{r['baselines']['prepare_s']:.2f} s" for r in baselined)
        + ") and, for Gale–Shapley, reading and checking both views of every edge.",
        "- Gale–Shapley by the common score (both sides ranking by the one pair score) is not "
        "a column: with one score and these tie-breaks its stable matching is unique and is "
        "greedy's (the best pair left is each other's first choice), so it would repeat "
        "greedy's figures at a higher cost. Run once per size as a check, it gives "
        + (
            "the same pairs as greedy at every size"
            if all(r["baselines"]["gale_shapley_common"]["same_pairs_as_greedy"] for r in baselined)
            else "NOT the same pairs as greedy at every size (see the JSON)"
        )
        + " ("
        + ", ".join(
            f"{r['baselines']['gale_shapley_common']['seconds_one_run']:.2f} s" for r in baselined
        )
        + ").",
        "- Reporting lines: mentee–mentor pairs in each other's reporting line, of them excluded "
        "by that rule alone, and of them among the candidates (must be 0): "
        + ", ".join(
            f"{r['participants']:,}: {r['reporting_line']['mentee_mentor_pairs']:,} / "
            f"{r['reporting_line']['binding']:,} / {r['reporting_line']['candidates']}"
            for r in summary["sizes"]
        )
        + ".",
        f"- Command: `{summary['command']}`",
    ]
    return "\n".join(lines) + "\n"


def _value(t: dict) -> str:
    value = t["value"]
    if value is None or "gap" in t["target"]:
        return ""
    unit = "MiB" if "RSS" in t["target"] else "s"
    return f" ({value:,.0f} {unit})" if unit == "MiB" else f" ({value:.2f} {unit})"


def _sizes(text: str) -> list[int]:
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 2:
        raise argparse.ArgumentTypeError("sizes are participant counts ≥ 2, comma-separated")
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=_sizes, default=list(SIZES), help="participants, comma-separated"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    parser.add_argument(
        "--tracemalloc-up-to",
        type=int,
        default=20_000,
        help="also measure the tracemalloc peak (untimed pass) up to this many participants",
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: one size, JSON out
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be ≥ 1")

    if args.one is not None:
        row = run_size(
            args.one,
            seed=args.seed,
            repeat=args.repeat,
            trace_memory=args.one <= args.tracemalloc_up_to,
        )
        print(json.dumps(_rounded(row)))
        return 0

    rows = [run_child(n, args) for n in args.sizes]
    command = ".venv/bin/python benchmarks/match_end_to_end.py"
    if sys.argv[1:]:
        command += " " + " ".join(sys.argv[1:])
    summary = {
        "benchmark": "match_end_to_end",
        "command": command,
        "seed": args.seed,
        "repeat": args.repeat,
        "machine": machine(),
        "targets": targets(rows),
        "sizes": rows,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "matching.json").write_text(json.dumps(_rounded(summary), indent=2) + "\n")
    table = markdown(summary)
    (args.results / "matching.md").write_text(table)
    print()
    print(table)
    failed = [t["target"] for t in summary["targets"] if t["passed"] is False]
    for target in failed:
        print(f"FAIL: {target}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
