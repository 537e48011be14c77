"""The end-to-end matching benchmark's per-size function, at 100 participants (fast, no files)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[4] / "benchmarks" / "match_end_to_end.py"


def _load() -> ModuleType:
    # By path, under a private name and without touching sys.modules: every xdist worker loads
    # its own copy, and nothing else can import it by accident.
    spec = importlib.util.spec_from_file_location("_tandem_bench_match_end_to_end", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def row():
    bench = _load()
    return bench.run_size(100, seed=bench.SEED, repeat=1)  # writes nothing: main() does


def test_the_optimum_is_certified(row):
    assert row["participants"] == 100
    assert (row["mentees"], row["mentors"]) == (50, 50)
    assert row["optimal"] is True
    assert row["exact_gap_units"] == 0
    assert row["bound"] == pytest.approx(row["total_score"], abs=1e-3)


def test_the_figures_are_sane(row):
    assert row["feasible_pairs"] >= row["matched"] >= 1
    assert 0 < row["share_matched_of_min"] <= 1
    assert row["total_score"] <= 100 * row["matched"]
    assert row["end_to_end_s"] >= row["build_s"] > 0
    assert row["peak_rss_end_to_end_mib"] > 0
    assert row["reporting_line"]["mentee_mentor_pairs"] > 0
    assert row["reporting_line"]["candidates"] == 0


def test_the_baselines_do_not_beat_the_optimum(row):
    for name in ("greedy", "gale_shapley_views"):
        baseline = row["baselines"][name]
        assert 1 <= baseline["matched"] <= row["feasible_pairs"]
        assert baseline["total_score"] <= row["total_score"] + 1e-9
        assert 0 <= baseline["below_optimum_pct"] <= 100
        assert 0 <= baseline["pairs_as_optimum"] <= baseline["matched"]
        assert baseline["mentee_view_total"] >= 0 and baseline["mentor_view_total"] >= 0
    views = row["baselines"]["gale_shapley_views"]
    assert 0 <= views["pairs_as_greedy"] <= views["matched"]
    assert row["baselines"]["components_build_s"] > 0


def test_gale_shapley_by_the_common_score_is_greedy(row):
    common = row["baselines"]["gale_shapley_common"]
    assert common["same_pairs_as_greedy"] is True
    assert common["total_score"] == pytest.approx(row["baselines"]["greedy"]["total_score"])


def test_the_side_views_split_the_common_score(row):
    # mentee view + mentor view = score + interests + preferences, so over the optimum's pairs
    # the two views together are at least the total score and at most twice it.
    views = row["optimum_views"]
    both = views["mentee_view_total"] + views["mentor_view_total"]
    assert row["total_score"] - 1e-6 <= both <= 2 * row["total_score"] + 1e-6


def test_side_views_is_a_mapping_of_the_two_views():
    bench = _load()
    views = bench.SideViews(1.5, 2.5)
    assert dict(views) == {"mentee": 1.5, "mentor": 2.5}
    assert views["mentee"] == 1.5 and len(views) == 2
    with pytest.raises(KeyError):
        views["coverage"]
