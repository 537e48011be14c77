"""`tandem purge-import-previews`: delete import previews nobody confirmed (with their files)."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.people.importing.records import STALE_PREVIEW_AGE, purge_stale_import_previews


class Command(BaseCommand):
    help = (
        "Delete previews of people imports that were neither confirmed nor cancelled, with "
        "their uploaded files (default: older than 24 hours). Safe to run as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=STALE_PREVIEW_AGE.total_seconds() / 3600,
            help="delete previews older than this many hours (default: %(default)s)",
        )

    def handle(self, *args, hours: float, **options):
        if hours < 0:
            raise CommandError(_("--hours must be 0 or more."))
        count = purge_stale_import_previews(older_than=timedelta(hours=hours))
        self.stdout.write(
            ngettext(
                "%(count)s stale import preview deleted.",
                "%(count)s stale import previews deleted.",
                count,
            )
            % {"count": count}
        )
