from __future__ import annotations

from typing import cast

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tandem.demo.services import DEMO_PASSWORD, DemoLoadError, demo_load


class Command(BaseCommand):
    help = "Migrate and load the demo company Hallberg Technik AG (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--no-migrate", action="store_true", help="skip `migrate`")
        parser.add_argument("--seed", type=int, default=2026, help="seed of the generated company")

    def handle(self, *args, no_migrate: bool, seed: int, **options):
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        try:
            counts, logins = demo_load(seed=seed)
        except DemoLoadError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo company loaded: {counts['people']} people "
                f"({counts['created']} new, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged)."
            )
        )
        self.stdout.write(
            f"Program “{counts['program']}”: cohort “{counts['running']}” is running, "
            f"“{counts['open']}” is open for enrolment."
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        width = max(len(login.email) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login.role:<12} {login.email:<{width}}  {login.name} — {login.description}"
            )
        self.stdout.write(
            f"The other {cast(int, counts['participant_accounts']) - 2} people invited to the "
            "demo cohorts can sign in with the same password (the coordinator finds their e-mails "
            "on the cohort's invitations page), so a whole matching round can be tried, each "
            "partner answering for themselves."
        )
        self.stdout.write("")
        # `make demo` serves on SITE_ROOT (built from PORT), the base of links in e-mails too.
        self.stdout.write(f"Open {settings.SITE_ROOT} and sign in with one of them.")
