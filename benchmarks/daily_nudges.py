"""Does the daily nudge job finish within a minute for 10,000 formed tandems, in a constant number
of queries per batch? (SQLite and PostgreSQL)

    .venv/bin/python benchmarks/daily_nudges.py [--tandems 10000] [--small 1000] [--engine both]

Per database (``--engine sqlite``, ``postgres`` or ``both``, the default; PostgreSQL at
``--postgres-url``, default postgres://postgres@127.0.0.1:5432, in a scratch database created and
dropped by the run): one running cohort with ``--small`` formed tandems, all formed 60 days ago
with no meeting and no agreement — the worst case: every tandem is due for the agreement nudge
and the meeting nudge, four e-mails each. Built with bulk_create, bypassing the services. Then:

1. the daily job over the ``--small`` tandems;
2. ``--tandems - --small`` more tandems, the nudges sent so far forgotten, the job over all;
3. the job again right away (the idempotent re-run: finds everything sent, sends nothing).

Each run counts the queries of every batch of the formed tandems (CaptureQueriesContext around
the job, split where the job reads the next batch) and checks that every batch costs the same,
whether the job sees 1,000 or 10,000 tandems. E-mails are built (templates, German) and handed to
Django's dummy backend. Writes benchmarks/results/daily_nudges.json and .md.
Target: the run over all tandems < 60 s on each database; the same query count in every batch.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
TARGET_SECONDS = 60
BATCH_SIZE = 500
SCRATCH_DB = "tandem_bench_nudges"


def setup_django(folder: Path, database_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
            "DATABASE_URL": database_url,
            "TANDEM_DATA_DIR": str(folder),
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only",
            "TANDEM_FIELD_KEYS": "ZmRlcnRndHJoemp1a2lsb3BhcXN3ZWRyZnRnemhqdWs=",
            "ALLOWED_HOSTS": "testserver",
            "EMAIL_QUEUE": "false",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "ERROR",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_cohort() -> Any:
    from tandem.programs.models import Cohort, Program

    program = Program.objects.create(name="Reverse Mentoring Benchmark")
    return Cohort.objects.create(
        program=program,
        name="Large",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 6, 30),
        phase="running",
        cadence="monthly",
        languages=["de", "en"],
    )


def build_tandems(cohort: Any, *, count: int, offset: int) -> None:
    """``count`` formed tandems of ``cohort``, formed 60 days ago, with nothing since."""
    from django.db import transaction
    from django.utils import timezone

    from tandem.enrolment.models import Enrolment
    from tandem.people.models import Person
    from tandem.people.normalize import email_key
    from tandem.tandems.models import Tandem, TandemStatus

    formed = timezone.now() - datetime.timedelta(days=60)
    with transaction.atomic():
        people = Person.objects.bulk_create(
            (
                Person(
                    first_name=f"Vorname{2 * offset + i}",
                    last_name=f"Nachname{2 * offset + i}",
                    email=f"p{2 * offset + i}@example.com",
                    email_key=email_key(f"p{2 * offset + i}@example.com"),
                    career_level=1 if i % 2 else 5,
                )
                for i in range(2 * count)
            ),
            batch_size=2000,
        )
        enrolments = Enrolment.objects.bulk_create(
            (
                Enrolment(cohort=cohort, person=person, role="mentor" if i % 2 else "mentee")
                for i, person in enumerate(people)
            ),
            batch_size=2000,
        )
        Tandem.objects.bulk_create(
            (
                Tandem(
                    cohort=cohort,
                    mentee=enrolments[2 * i],
                    mentor=enrolments[2 * i + 1],
                    status=TandemStatus.CONFIRMED,
                    mentor_answer="accepted",
                    mentee_answer="accepted",
                    mentor_confirmed_at=formed,
                    mentee_confirmed_at=formed,
                    confirmed_at=formed,
                    formed_key=uuid.uuid4(),
                )
                for i in range(count)
            ),
            batch_size=2000,
        )


def measured_run() -> dict[str, Any]:
    """The daily job once: wall time, e-mails, and the queries of each batch of tandems."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tandem.nudges import selectors, services

    marks: list[int] = []
    original = selectors.formed_tandem_batches

    def counted(**kwargs: Any) -> Any:
        for batch in original(**kwargs):
            marks.append(len(context.captured_queries))
            yield batch
        marks.append(len(context.captured_queries))

    services.formed_tandem_batches = counted  # type: ignore[assignment]
    try:
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            run = services.nudges_run_daily(batch_size=BATCH_SIZE)
            seconds = time.perf_counter() - started
    finally:
        services.formed_tandem_batches = original
    # marks[i] is taken as batch i is handed over; its queries run until the next mark, and the
    # read of the next batch (one query) belongs to the batch that follows.
    per_batch = [marks[i + 1] - marks[i] for i in range(len(marks) - 1)]
    return {
        "seconds": round(seconds, 2),
        "emails": run.total,
        "batches": len(per_batch),
        "queries_per_batch": sorted(set(per_batch)),
        "queries_total": len(context.captured_queries),
    }


def run_engine(engine: str, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        url = (
            f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            if engine == "sqlite"
            else f"{args.postgres_url.rstrip('/')}/{SCRATCH_DB}"
        )
        setup_django(Path(tmp), url)
        from tandem.nudges.models import SentNudge

        cohort = build_cohort()
        started = time.perf_counter()
        build_tandems(cohort, count=args.small, offset=0)
        small = measured_run()
        build_tandems(cohort, count=args.tandems - args.small, offset=args.small)
        build_seconds = time.perf_counter() - started
        SentNudge.objects.all().delete()
        large = measured_run()
        again = measured_run()
    ok = (
        large["seconds"] < TARGET_SECONDS
        and len(small["queries_per_batch"]) == 1
        and small["queries_per_batch"] == large["queries_per_batch"]
        and len(again["queries_per_batch"]) == 1
        and again["emails"] == 0
        and large["emails"] == 4 * args.tandems
    )
    return {
        "engine": engine,
        "build_seconds": round(build_seconds, 1),
        f"run over {args.small}": small,
        f"run over {args.tandems}": large,
        "run again (nothing due)": again,
        "met": ok,
    }


def _postgres(args: argparse.Namespace, sql: str) -> None:
    subprocess.run(
        ["psql", f"{args.postgres_url.rstrip('/')}/postgres", "-qc", sql],
        check=True,
        capture_output=True,
    )


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> bool:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    met = all(result["met"] for result in results)
    data = {
        "tandems": args.tandems,
        "batch_size": BATCH_SIZE,
        "machine": machine,
        "target_seconds": TARGET_SECONDS,
        "results": results,
        "met": met,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "daily_nudges.json").write_text(json.dumps(data, indent=2) + "\n")
    lines = [
        f"# Daily nudge job: {args.tandems} formed tandems, all due (batches of {BATCH_SIZE})",
        "",
        f"On {machine}. Every tandem is due for two nudges to both partners (4 e-mails each).",
        "",
        "| database | run | seconds | e-mails | batches | queries per batch | queries |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for result in results:
        for name, row in result.items():
            if isinstance(row, dict):
                lines.append(
                    f"| {result['engine']} | {name} | {row['seconds']} | {row['emails']} | "
                    f"{row['batches']} | {', '.join(map(str, row['queries_per_batch']))} | "
                    f"{row['queries_total']} |"
                )
    lines += [
        "",
        f"Target: the run over all tandems < {TARGET_SECONDS} s, the same number of queries in "
        f"every batch whatever the number of tandems: {'met' if met else 'NOT met'}.",
    ]
    (RESULTS / "daily_nudges.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tandems", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", help=argparse.SUPPRESS)  # a child writes its result here
    args = parser.parse_args(argv)
    if args.engine != "both":
        if args.engine == "postgres":
            _postgres(args, f"DROP DATABASE IF EXISTS {SCRATCH_DB}")
            _postgres(args, f"CREATE DATABASE {SCRATCH_DB}")
        try:
            result = run_engine(args.engine, args)
        finally:
            if args.engine == "postgres":
                from django.db import connections

                connections.close_all()
                _postgres(args, f"DROP DATABASE IF EXISTS {SCRATCH_DB}")
        if args.json:
            Path(args.json).write_text(json.dumps(result))
            return 0
        return 0 if report([result], args) else 1
    # One process per database: Django is set up once per process.
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in ("sqlite", "postgres"):
            out = Path(tmp) / f"{engine}.json"
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--engine",
                    engine,
                    "--json",
                    str(out),
                    "--tandems",
                    str(args.tandems),
                    "--small",
                    str(args.small),
                    "--postgres-url",
                    args.postgres_url,
                ],
                check=True,
            )
            results.append(json.loads(out.read_text()))
    return 0 if report(results, args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
