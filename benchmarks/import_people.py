"""Benchmark of the people import on SQLite: parse only, first import, re-import (unchanged).

    .venv/bin/python benchmarks/import_people.py [--rows 100000] [--seed 7] [--tracemalloc]
        [--hostile-rows 50000] [--skip-hostile]

Runs in a fresh temporary data directory (TANDEM_DATA_DIR) with DATABASE_URL unset, so always
on a new SQLite database; generates a deterministic CSV with a realistic hierarchy (managers
given by employee id, org unit paths, sites, languages, DD.MM.YYYY dates, German names with
umlauts) and measures each phase in this process. Writes benchmarks/results/import.json and
import.md and prints the table. Exit code 1 if the first import takes longer than --budget.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

FIRST_NAMES = (
    "Jürgen", "Björn", "Jörg", "Sören", "Käthe", "Günther", "Özlem", "Ümit", "Anna", "Lea",
    "Jonas", "Maximilian", "Sophie", "Lukas", "Marie", "Emre", "Zoë", "Agnieszka", "Rüdiger",
    "Hannah", "Felix", "Léa", "Mia", "Noah", "Elif", "Dragan", "Chiara", "Malte", "Thorsten",
)  # fmt: skip
LAST_NAMES = (
    "Müller", "Schäfer", "Weiß", "Groß", "Köhler", "Bäcker", "Schröder", "Krüger", "Fuß",
    "Öztürk", "Yılmaz", "Nowak", "Schmidt", "Schneider", "Fischer", "Wagner", "Becker",
    "Hoffmann", "Schulz", "Koch", "Richter", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Löw",
)  # fmt: skip
DIVISIONS = (
    "Vertrieb", "Marketing", "Produktion", "Forschung & Entwicklung", "Finanzen", "Personal",
    "IT", "Logistik",
)  # fmt: skip
SITES = (
    "München", "Berlin", "Köln", "Düsseldorf", "Nürnberg", "Hamburg", "Frankfurt am Main",
    "Stuttgart", "Leipzig", "Würzburg",
)  # fmt: skip
LANGUAGES = (
    "Deutsch, Englisch", "Deutsch", "Deutsch, Englisch, Französisch", "Türkisch, Deutsch",
    "Deutsch; Englisch; Spanisch", "de/en/pl", "Englisch", "Deutsch, Italienisch",
)  # fmt: skip
TITLES = (
    "Sachbearbeiter:in", "Referent:in", "Teamleitung", "Abteilungsleitung", "Werkstudent:in",
    "Auszubildende:r", "Projektmanager:in", "Entwickler:in", "Controller:in", "Bereichsleitung",
)  # fmt: skip
HEADER = (
    "Personalnummer", "Vorname", "Nachname", "E-Mail", "Position", "Abteilung", "Standort",
    "Sprachen", "Vorgesetzter", "Eintrittsdatum", "Karrierestufe", "Geburtsjahr", "Art", "Aktiv",
)  # fmt: skip
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "é": "e", "ë": "e"})


def generate(rows: int, seed: int) -> bytes:
    """A deterministic HR export: a tree of managers (about seven reports each), shuffled."""
    rng = random.Random(seed)
    layer_of: list[int] = []
    layers: list[list[int]] = [[0]]
    layer_of.append(0)
    while len(layer_of) < rows:
        size = min(len(layers[-1]) * 7, rows - len(layer_of))
        start = len(layer_of)
        layers.append(list(range(start, start + size)))
        layer_of.extend([len(layers) - 1] * size)
    teams = [
        f"{division} > {division} {department} > Team {team}"
        for division in DIVISIONS
        for department in ("Nord", "Süd", "Ost", "West", "Zentral")
        for team in range(1, 5)
    ]
    records = []
    first_day = date(1985, 1, 1)
    for i in range(rows):
        layer = layer_of[i]
        manager = "" if i == 0 else f"E{100000 + rng.choice(layers[layer - 1])}"
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first.lower()}.{last.lower()}.{i}@example.com".translate(ASCII)
        unit = rng.choice(DIVISIONS) if layer <= 1 else rng.choice(teams)
        hired = first_day + timedelta(days=rng.randrange(0, 14600))
        records.append(
            (
                f"E{100000 + i}", first, last, email, rng.choice(TITLES), unit, rng.choice(SITES),
                rng.choice(LANGUAGES), manager, hired.strftime("%d.%m.%Y"),
                str(max(1, 8 - layer)), str(rng.randint(1960, 2004)), "Mitarbeiter", "ja",
            )
        )  # fmt: skip
    rng.shuffle(records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(records)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def hostile_csv(rows: int, shape: str) -> bytes:
    """`flat`: nobody has a manager; `chain`: row i reports to row i-1 (depth = rows, listed
    from the bottom up, so that every manager comes after their reports); `cycle`: row i
    reports to row i+1 and the last to the first."""
    lines = ["Personalnummer;Vorname;Nachname;E-Mail;Vorgesetzter"]
    for i in range(rows):
        if shape == "flat":
            manager = ""
        elif shape == "chain":
            manager = f"C{i - 1}" if i else ""
        else:
            manager = f"C{(i + 1) % rows}"
        lines.append(f"C{i};Jürgen;Müller;person{i}@example.com;{manager}")
    if shape == "chain":
        lines[1:] = reversed(lines[1:])
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def zip_bomb(uncompressed_mb: int = 2048) -> bytes:
    """An .xlsx whose sheet is one cell followed by `uncompressed_mb` MB of blank space."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet><sheetData><row r="1">')
            block = b" " * 2**20
            for _ in range(uncompressed_mb):
                sheet.write(block)
            sheet.write(b"</row></sheetData></worksheet>")
    return buffer.getvalue()


def run_hostile_case(case: str, rows: int) -> dict:
    """In a child process: import one hostile file, report wall time, peak RSS and sizes."""
    from tandem.people.importing.services import people_import

    data = zip_bomb() if case == "zip bomb" else hostile_csv(rows, case.split()[0])
    name = "people.xlsx" if case == "zip bomb" else "people.csv"
    base_rss = peak_rss_mb()
    started = time.perf_counter()
    report = people_import(data=data, filename=name, actor=None)
    rejected = report.rejected_file() or b""
    as_json = json.dumps(report.as_json(), ensure_ascii=False)
    seconds = time.perf_counter() - started
    return {
        "case": case,
        "rows": 0 if case == "zip bomb" else rows,
        "file_mb": round(len(data) / 2**20, 2),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "start_peak_rss_mb": round(base_rss, 1),
        "created": report.created,
        "errors": len(report.errors),
        "json_kb": round(len(as_json.encode()) / 1024, 1),
        "rejected_file_kb": round(len(rejected) / 1024, 1),
        "first_error": report.errors[0].message[:200] if report.errors else "",
    }


def rss_mb() -> float | None:
    """Current resident set size (Linux), for the growth of each phase."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB else


def measure(name: str, step: Callable[[], dict], *, trace: bool) -> dict:
    before = rss_mb()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    details = step()
    seconds = time.perf_counter() - started
    result = {"phase": name, "seconds": round(seconds, 2)}
    if trace:
        result["python_heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    after = rss_mb()
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if before is not None and after is not None:
        result["rss_growth_mb"] = round(after - before, 1)
    result.update(details)
    print(f"  {name}: {seconds:.2f} s", flush=True)
    return result


def markdown(summary: dict) -> str:
    heap = any("python_heap_peak_mb" in p for p in summary["phases"])
    head = "| phase | rows | wall time (s) | peak RSS (MB) | RSS growth (MB) |"
    rule = "|---|---:|---:|---:|---:|"
    if heap:
        head += " Python heap peak (MB) |"
        rule += "---:|"
    lines = [
        f"People import benchmark — {summary['rows']:,} rows, {summary['file_mb']} MB CSV, "
        f"SQLite {summary['sqlite']}, Python {summary['python']}, Django {summary['django']}",
        "",
        f"Load average of the machine at the end of the run (1, 5, 15 min): "
        f"{', '.join(str(x) for x in summary.get('load_average', []))} on {os.cpu_count()} cores.",
        "",
        head,
        rule,
    ]
    for phase in summary["phases"]:
        line = (
            f"| {phase['phase']} | {summary['rows']:,} | {phase['seconds']:.2f} | "
            f"{phase['peak_rss_mb']:.0f} | {phase.get('rss_growth_mb', '–')} |"
        )
        if heap:
            line += f" {phase.get('python_heap_peak_mb', '–')} |"
        lines.append(line)
    lines += [
        "",
        f"Before the first phase (Django loaded, database migrated, file read): peak RSS "
        f"{summary['start_peak_rss_mb']:.0f} MB. Peak RSS is the process maximum so far "
        "(ru_maxrss), so it never goes down between phases; RSS growth is the change of the "
        "resident size during the phase. The file is generated in a child process.",
        f"Command: `.venv/bin/python benchmarks/import_people.py --rows {summary['rows']}`",
    ]
    if summary.get("hostile"):
        lines += [
            "",
            "Hostile files, each imported in a child process of its own (peak RSS of that "
            "process, including Django: about "
            f"{summary['hostile'][0]['start_peak_rss_mb']:.0f} MB before the import):",
            "",
            "| file | rows | file size (MB) | wall time (s) | peak RSS (MB) | problems | "
            "report JSON (KB) | rejected rows file (KB) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for case in summary["hostile"]:
            lines.append(
                f"| {case['case']} | {case['rows']:,} | {case['file_mb']} | "
                f"{case['seconds']:.2f} | {case['peak_rss_mb']:.0f} | {case['errors']:,} | "
                f"{case['json_kb']} | {case['rejected_file_kb']} |"
            )
        lines += [""] + [
            f"- {case['case']}: {case['first_error'] or 'no problems'}"
            for case in summary["hostile"]
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds for the import")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also measure the Python heap (slower)"
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--hostile-rows", type=int, default=50_000)
    parser.add_argument("--skip-hostile", action="store_true", help="only the regular phases")
    parser.add_argument("--skip-regular", action="store_true", help="only the hostile files")
    parser.add_argument("--write-csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_csv:  # the child process that generates the file
        args.write_csv.write_bytes(generate(args.rows, args.seed))
        return 0
    if args.case:  # the child process that imports one hostile file
        data_dir = setup_django()
        try:
            print(json.dumps(run_hostile_case(args.case, args.hostile_rows)))
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        return 0

    hostile = [] if args.skip_hostile else hostile_cases(args.hostile_rows)
    if args.skip_regular:
        summary = json.loads((args.results / "import.json").read_text())
        summary["hostile"] = hostile
        return write_results(summary, args)
    data_dir = setup_django()
    try:
        import django
        from django.db import connection

        from tandem.people.importing.columns import map_columns
        from tandem.people.importing.parsing import ParseContext
        from tandem.people.importing.reading import read_table
        from tandem.people.importing.rows import parse_rows
        from tandem.people.importing.services import people_import

        print(f"Generating {args.rows:,} rows …", flush=True)
        # In a child process, so that generating does not count in this process's peak memory.
        csv_path = Path(data_dir) / "people.csv"
        subprocess.run(
            [sys.executable, __file__, "--write-csv", str(csv_path), "--rows", str(args.rows),
             "--seed", str(args.seed)],
            check=True,
        )  # fmt: skip
        data = csv_path.read_bytes()
        start_rss = round(peak_rss_mb(), 1)

        def parse() -> dict:
            table = read_table(data, "people.csv")
            columns, errors = map_columns(table.header)
            today = date.today()  # noqa: DTZ011 - a calendar date, as the import uses it
            rows = parse_rows(table, columns, ParseContext(today=today))
            return {"errors": len(errors) + sum(len(r.errors) for r in rows)}

        def run_import() -> dict:
            report = people_import(data=data, filename="people.csv", actor=None)
            if report.errors:
                raise SystemExit(f"unexpected errors: {report.errors[:3]}")
            return {"created": report.created, "updated": report.updated,
                    "unchanged": report.unchanged}  # fmt: skip

        phases = [
            measure("parse only (baseline)", parse, trace=args.tracemalloc),
            measure("import (create)", run_import, trace=args.tracemalloc),
            measure("re-import (unchanged)", run_import, trace=args.tracemalloc),
        ]
        summary = {
            "rows": args.rows,
            "seed": args.seed,
            "file_mb": round(len(data) / 2**20, 1),
            "python": platform.python_version(),
            "django": django.get_version(),
            "sqlite": connection.Database.sqlite_version,
            "budget_seconds": args.budget,
            "start_peak_rss_mb": start_rss,
            "load_average": [round(x, 1) for x in os.getloadavg()],
            "phases": phases,
            "hostile": hostile,
        }
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return write_results(summary, args)


def setup_django() -> str:
    """A fresh SQLite database in a temporary data directory; returns the directory."""
    data_dir = tempfile.mkdtemp(prefix="tandem-bench-")
    os.environ["TANDEM_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tandem.config.settings"
    # DEBUG off: Django would otherwise keep every SQL statement in memory.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data_dir


HOSTILE_CASES = ("flat rows (baseline)", "chain (depth = rows)", "cycle (through every row)",
                 "zip bomb")  # fmt: skip


def hostile_cases(rows: int) -> list[dict]:
    results = []
    for case in HOSTILE_CASES:
        print(f"Hostile file: {case} …", flush=True)
        done = subprocess.run(
            [sys.executable, __file__, "--case", case, "--hostile-rows", str(rows)],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"  {result['seconds']:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
        results.append(result)
    return results


def write_results(summary: dict, args: argparse.Namespace) -> int:
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "import.json").write_text(json.dumps(summary, indent=2) + "\n")
    table = markdown(summary)
    (args.results / "import.md").write_text(table)
    print()
    print(table)
    phases = summary["phases"]
    if phases[1]["seconds"] > args.budget:
        print(f"FAIL: the import took longer than {args.budget:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
