"""How fast is the People page with 100,000 persons? (SQLite, through the Django test client)

    .venv/bin/python benchmarks/people_page.py [--people 100000] [--runs 5]

Builds a throw-away SQLite database in a temporary folder (bulk_create, so `email_key` is set
here: bulk_create bypasses Person.save()), signs in a coordinator and times the list page: the
first page, searches, a filtered page, a deep page, the htmx partial, plus a profile and two
reporting lines. Writes benchmarks/results/people_page.json. Target: < 300 ms per page.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "people_page.json"
TARGET_MS = 300

FIRST_NAMES = [
    "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin",
    "Lukas", "Marlene", "Niklas", "Özlem", "Paul", "Quirin", "Rosa", "Sören", "Tanja", "Ümit",
    "Vera", "Wiebke", "Xaver", "Yasmin", "Zoë", "Jürgen", "Björn", "Małgorzata", "Chloé",
]  # fmt: skip
LAST_NAMES = [
    "Müller", "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
    "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Yılmaz", "Kowalski", "Nguyen", "Öztürk",
    "Groß", "Weiß", "Jäger", "Vogel", "Günther",
]  # fmt: skip
LOCATIONS = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf",
             "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Wien",
             "Zürich", "Amsterdam", "Warschau", "Lissabon", "Remote"]  # fmt: skip


def setup_django(folder: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tandem.config.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "TANDEM_DATA_DIR": str(folder),
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only",
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


def build(count: int, seed: int = 7) -> dict[str, int]:
    """Org tree of ~250 units, 20 sites, 7 named levels and `count` people in an 8-ary hierarchy."""
    from django.db import transaction

    from tandem.people.models import CareerLevel, Location, OrgUnit, Person
    from tandem.people.normalize import email_key

    rng = random.Random(seed)
    with transaction.atomic():
        CareerLevel.objects.bulk_create(
            CareerLevel(rank=r, name=n)
            for r, n in enumerate(
                ["Trainee", "Junior", "Professional", "Senior", "Lead", "Director", "Executive"], 1
            )
        )
        locations = Location.objects.bulk_create(Location(name=n) for n in LOCATIONS)
        root = OrgUnit.objects.create(name="Tandem AG")
        divisions = OrgUnit.objects.bulk_create(
            OrgUnit(name=f"Division {d}", parent=root) for d in range(8)
        )
        departments = OrgUnit.objects.bulk_create(
            OrgUnit(name=f"Department {d}.{i}", parent=div)
            for d, div in enumerate(divisions)
            for i in range(5)
        )
        teams = OrgUnit.objects.bulk_create(
            OrgUnit(name=f"Team {dep.name[11:]}.{i}", parent=dep)
            for dep in departments
            for i in range(5)
        )
        units = [root, *divisions, *departments, *teams]
        batch: list[Person] = []
        for i in range(count):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{first}.{last}.{i}@example.com".lower()
            depth = 0 if i == 0 else (1 if i < 9 else (2 if i < 73 else 3))
            unit = (
                units[0]
                if depth == 0
                else rng.choice(divisions if depth == 1 else departments if depth == 2 else teams)
            )
            batch.append(
                Person(
                    id=i + 1,
                    employee_id=f"E{i:06d}",
                    first_name=first,
                    last_name=last,
                    email=email,
                    email_key=email_key(email),
                    job_title=rng.choice(["Analyst", "Engineer", "Manager", "Consultant", ""]),
                    org_unit_id=unit.pk,
                    location_id=rng.choice(locations).pk,
                    languages=["de", "en"] if i % 3 else ["de"],
                    manager_id=None if i == 0 else (i - 1) // 8 + 1,
                    career_level=max(1, 7 - depth - rng.randint(0, 3)),
                    birth_year=rng.randint(1960, 2004),
                    is_active=rng.random() > 0.05,
                )
            )
            if len(batch) == 5000:
                Person.objects.bulk_create(batch)
                batch = []
        Person.objects.bulk_create(batch)
    return {"division": divisions[2].pk, "location": locations[0].pk, "mid_person": 1 + 8 + 64}


def time_get(client, url: str, runs: int, **headers) -> dict[str, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, **headers)  # warm-up (template loading, caches)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return {
        "url": url,
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        setup_django(Path(tmp))
        started = time.perf_counter()
        ids = build(args.people)
        build_seconds = time.perf_counter() - started

        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.test import Client

        user = get_user_model().objects.create_user(
            username="bench", email="bench@example.com", password="x"
        )
        user.groups.add(Group.objects.get(name="coordinator"))
        client = Client(HTTP_ACCEPT_LANGUAGE="de")
        client.force_login(user)

        cases = {
            "first page": "/people/",
            "search 'müller'": "/people/?q=m%C3%BCller",
            "search 'anna schmidt'": "/people/?q=anna+schmidt",
            "search employee id 'E04711'": "/people/?q=E04711",
            "filtered (division subtree + level + location)": (
                f"/people/?org_unit={ids['division']}&career_level=1&location={ids['location']}"
            ),
            "inactive only": "/people/?active=inactive",
            "deep page (page 1,800)": "/people/?page=1800",
            "last page, all people": "/people/?active=all&page=100000",
        }
        results = {name: time_get(client, url, args.runs) for name, url in cases.items()}
        results["htmx partial: search 'müller'"] = time_get(
            client, "/people/?q=m%C3%BCller", args.runs, HTTP_HX_REQUEST="true"
        )
        results["profile (mid-level manager)"] = time_get(
            client, f"/people/{ids['mid_person']}/", args.runs
        )
        results["reporting line (mid-level, ~1,500 below)"] = time_get(
            client, f"/people/{ids['mid_person']}/reporting-line/", args.runs
        )
        results["reporting line (top of the organisation)"] = time_get(
            client, "/people/1/reporting-line/", args.runs
        )
        export = time_get(client, f"/people/export.csv?org_unit={ids['division']}", 1)

    report = {
        "what": "People pages through the Django test client, SQLite, coordinator signed in",
        "people": args.people,
        "runs_per_case": args.runs,
        "target_ms": TARGET_MS,
        "build_seconds": round(build_seconds, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "pages": results,
        "export_one_division_csv": export,
        "all_pages_under_target": all(r["median_ms"] < TARGET_MS for r in results.values()),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    width = max(map(len, results))
    print(
        f"{args.people:,} people, SQLite {sqlite3.sqlite_version}, built in {build_seconds:.1f} s"
    )
    for name, r in results.items():
        flag = "" if r["median_ms"] < TARGET_MS else "  <-- over target"
        print(f"  {name:<{width}}  {r['median_ms']:>7.1f} ms (max {r['max_ms']:.1f}), "
              f"{r['queries']} queries{flag}")  # fmt: skip
    print(f"  CSV export of one division: {export['median_ms']:.0f} ms, {export['bytes']:,} bytes")
    print(f"Results: {RESULTS.relative_to(ROOT)}")
    return 0 if report["all_pages_under_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
