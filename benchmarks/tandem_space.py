"""How fast are the tandem's page and the coordinator's progress list with 1,000 formed tandems
of 10 meetings each? (SQLite, through the Django test client)

    .venv/bin/python benchmarks/tandem_space.py [--tandems 1000] [--meetings 10] [--runs 5]

Builds a throw-away SQLite database in a temporary folder: one running cohort, 2 × --tandems
people, their enrolments and formed tandems, --meetings meetings per tandem (6 held with both
feedbacks, the rest upcoming, agendas encrypted like real ones), two notes, two KPIs and a learned
item per tandem — all with bulk_create, bypassing the services (the pages only read). Times the
space page of one tandem, its meetings list, notes and learning pages, and the coordinator's list
(sorted two ways, filtered), and the same pages in a baseline cohort of 10 tandems with one
meeting each, in the same run, so the ratio shows how the pages scale on a noisy machine. Writes
benchmarks/results/tandem_space.json and .md. Targets: the space page < 150 ms whatever the
number of tandems; the coordinator's list of 1,000 tandems (a page of 100 rows, sorted and
filtered over all) < 500 ms.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SPACE_TARGET_MS = 150
LIST_TARGET_MS = 500


def setup_django(folder: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "TANDEM_DATA_DIR": str(folder),
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only",
            "TANDEM_FIELD_KEYS": "ZmRlcnRndHJoemp1a2lsb3BhcXN3ZWRyZnRnemhqdWs=",
            "ALLOWED_HOSTS": "testserver",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "LOG_LEVEL": "ERROR",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(*, name: str, tandems: int, meetings: int, offset: int) -> dict[str, object]:
    """A running cohort with ``tandems`` formed tandems and their rows; returns ids to visit."""
    from django.db import transaction
    from django.utils import timezone

    from tandem.enrolment.models import Enrolment
    from tandem.people.models import Person
    from tandem.people.normalize import email_key
    from tandem.programs.models import Cohort, Program
    from tandem.tandems.models import Tandem, TandemStatus
    from tandem.topics.models import Topic
    from tandem.workspace.learning.models import Kpi, Learning
    from tandem.workspace.meetings.models import Meeting, MeetingFeedback
    from tandem.workspace.notes.models import Note

    now = timezone.now()
    topic = Topic.objects.filter(is_active=True).first()
    with transaction.atomic():
        program = Program.objects.create(name=f"Reverse Mentoring {name}")
        cohort = Cohort.objects.create(
            program=program,
            name=name,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2027, 6, 30),
            phase="running",
            target_meetings=meetings,
        )
        people = Person.objects.bulk_create(
            Person(
                first_name=f"Vorname{i}",
                last_name=f"Nachname{i}",
                email=f"p{offset + i}@example.com",
                email_key=email_key(f"p{offset + i}@example.com"),
                career_level=1 if i % 2 else 5,
            )
            for i in range(2 * tandems)
        )
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(cohort=cohort, person=person, role="mentor" if i % 2 else "mentee")
            for i, person in enumerate(people)
        )
        formed = Tandem.objects.bulk_create(
            Tandem(
                cohort=cohort,
                mentee=enrolments[2 * i],
                mentor=enrolments[2 * i + 1],
                status=TandemStatus.CONFIRMED,
                mentor_answer="accepted",
                mentee_answer="accepted",
                mentor_confirmed_at=now,
                mentee_confirmed_at=now,
                confirmed_at=now - datetime.timedelta(days=i % 90),
                formed_key=uuid.uuid4(),
            )
            for i in range(tandems)
        )
        rows = []
        for t in formed:
            for m in range(meetings):
                held = m < min(6, meetings)
                rows.append(
                    Meeting(
                        tandem=t,
                        starts_at=now + datetime.timedelta(days=(m - 6) * 14 + 1),
                        duration_minutes=60,
                        format="video",
                        place="https://meet.example.com/raum",
                        agenda="Check-in\nThema des Tages\nAusprobieren\nFeedback",
                        status="held" if held else "scheduled",
                        closed_at=now if held else None,
                    )
                )
        held_meetings = [
            m for m in Meeting.objects.bulk_create(rows, batch_size=2000) if m.status == "held"
        ]
        MeetingFeedback.objects.bulk_create(
            (
                MeetingFeedback(meeting=m, side=side, rating=4, remark="Hat geholfen")
                for m in held_meetings
                for side in ("mentor", "mentee")
            ),
            batch_size=2000,
        )
        Note.objects.bulk_create(
            (
                Note(tandem=t, author_id=person_id, is_private=private, text="Notiz")
                for t in formed
                for person_id, private in ((t.mentee.person_id, True), (t.mentor.person_id, False))
            ),
            batch_size=2000,
        )
        Kpi.objects.bulk_create(
            (
                Kpi(
                    tandem=t,
                    title="Drei Prozesse automatisieren",
                    target=3,
                    progress=3 if k == 0 else 1,
                    done_at=now if k == 0 else None,
                    due_on=datetime.date(2027, 1, 31),
                )
                for t in formed
                for k in range(2)
            ),
            batch_size=2000,
        )
        Learning.objects.bulk_create(
            (
                Learning(tandem=t, author_id=t.mentee.person_id, topic=topic, text="Gelernt")
                for t in formed
            ),
            batch_size=2000,
        )
    middle = formed[len(formed) // 2]
    return {
        "cohort": cohort.pk,
        "key": str(middle.formed_key),
        "mentor_email": middle.mentor.person.email,
    }


def time_get(client, url: str, runs: int) -> dict[str, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up (template loading, caches)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return {
        "url": url,
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def pages(data: dict[str, object], runs: int) -> dict[str, dict[str, object]]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    users = get_user_model().objects
    partner = users.create_user(username=str(data["mentor_email"]), email=str(data["mentor_email"]))
    coordinator, _made = users.get_or_create(username="coordinator", email="c@example.com")
    coordinator.groups.add(Group.objects.get(name="coordinator"))
    as_partner, as_coordinator = (
        Client(HTTP_ACCEPT_LANGUAGE="de"),
        Client(HTTP_ACCEPT_LANGUAGE="de"),
    )
    as_partner.force_login(partner)
    as_coordinator.force_login(coordinator)
    key, cohort = data["key"], data["cohort"]
    results = {
        "space page": time_get(as_partner, f"/space/{key}/", runs),
        "meetings list": time_get(as_partner, f"/space/{key}/meetings/", runs),
        "notes": time_get(as_partner, f"/space/{key}/notes/", runs),
        "learned and KPIs": time_get(as_partner, f"/space/{key}/learning/", runs),
        "coordinator's list": time_get(as_coordinator, f"/space/cohorts/{cohort}/tandems/", runs),
        "coordinator's list, by last activity": time_get(
            as_coordinator, f"/space/cohorts/{cohort}/tandems/?sort=-last_activity", runs
        ),
        "coordinator's list, unsigned only": time_get(
            as_coordinator, f"/space/cohorts/{cohort}/tandems/?agreement=unsigned", runs
        ),
    }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tandems", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        setup_django(Path(tmp))
        started = time.perf_counter()
        small = build(name="Baseline", tandems=10, meetings=1, offset=0)
        large = build(name="Large", tandems=args.tandems, meetings=args.meetings, offset=10_000)
        build_seconds = time.perf_counter() - started
        baseline = pages(small, args.runs)
        measured = pages(large, args.runs)
    for name, row in measured.items():
        row["baseline_ms"] = baseline[name]["median_ms"]
        row["baseline_queries"] = baseline[name]["queries"]
        row["ratio"] = round(
            float(row["median_ms"]) / max(float(baseline[name]["median_ms"]), 0.1), 2
        )
    space_ok = float(measured["space page"]["median_ms"]) < SPACE_TARGET_MS
    list_ok = float(measured["coordinator's list"]["median_ms"]) < LIST_TARGET_MS
    report = {
        "tandems": args.tandems,
        "meetings_per_tandem": args.meetings,
        "build_seconds": round(build_seconds, 1),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "pages": measured,
        "targets": {"space_page_ms": SPACE_TARGET_MS, "list_ms": LIST_TARGET_MS},
        "met": space_ok and list_ok,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "tandem_space.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        f"# Tandem space: {args.tandems} tandems × {args.meetings} meetings (SQLite)",
        "",
        f"Built in {report['build_seconds']} s on {report['machine']}. Median of {args.runs} runs;",
        "baseline: 10 tandems of one meeting, same run.",
        "",
        "| page | median ms | queries | baseline ms | baseline queries | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in measured.items():
        lines.append(
            f"| {name} | {row['median_ms']} | {row['queries']} | {row['baseline_ms']} | "
            f"{row['baseline_queries']} | {row['ratio']} |"
        )
    lines += [
        "",
        f"Targets: space page < {SPACE_TARGET_MS} ms, list < {LIST_TARGET_MS} ms: "
        f"{'met' if report['met'] else 'NOT met'}.",
    ]
    (RESULTS / "tandem_space.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if report["met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
