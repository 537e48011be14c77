from __future__ import annotations

from django.core.management.base import BaseCommand

from tandem.topics.services import topic_catalogue_seed


class Command(BaseCommand):
    help = (
        "Add the seeded topic catalogue (DigComp 2.2, practical and give-back topics). "
        "Idempotent: topics that exist already are left as they are."
    )

    def handle(self, *args, **options):
        result = topic_catalogue_seed(actor=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Topic catalogue: {result.areas_created} areas and "
                f"{result.topics_created} topics created."
            )
        )
