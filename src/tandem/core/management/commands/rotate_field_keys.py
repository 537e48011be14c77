"""Re-encrypt every encrypted text with the newest key of TANDEM_FIELD_KEYS (key rotation).

Put the new key first in TANDEM_FIELD_KEYS, keep the old ones after it, run this command, then
remove the old keys. Safe to run twice: a value already under the newest key is rewritten with
it again (reading decrypts with any listed key, writing uses the first). Works in batches by
primary key, each batch in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from tandem.core.encryption import encrypted_fields

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypt all encrypted text with the first key of TANDEM_FIELD_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model, name in encrypted_fields():
            last_pk: Any = None
            while True:
                rows = model._base_manager.order_by("pk")
                if last_pk is not None:
                    rows = rows.filter(pk__gt=last_pk)
                # Reading decrypts with whichever key fits; writing encrypts with the newest.
                batch = list(rows.values_list("pk", name)[:BATCH])
                if not batch:
                    break
                with transaction.atomic():
                    for pk, text in batch:
                        if text:
                            model._base_manager.filter(pk=pk).update(**{name: text})
                            total += 1
                last_pk = batch[-1][0]
            self.stdout.write(f"{model._meta.label}.{name}: done")
        self.stdout.write(self.style.SUCCESS(f"{total} values re-encrypted with the newest key."))
