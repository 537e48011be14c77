"""``Tandem.run`` is gone: the run holds its proposals (``matching.0003`` copied them first)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tandems", "0004_tandem_formed_key"),
        ("matching", "0003_run_holds_its_proposals"),
    ]

    operations = [
        migrations.RemoveField(model_name="tandem", name="run"),
    ]
