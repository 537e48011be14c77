import uuid

from django.db import migrations, models


def fill_formed_keys(apps, schema_editor):
    """Tandems that formed before the key existed (confirmed or ended) get one now."""
    Tandem = apps.get_model("tandems", "Tandem")
    for tandem in Tandem.objects.filter(status__in=["confirmed", "ended"], formed_key__isnull=True):
        tandem.formed_key = uuid.uuid4()
        tandem.save(update_fields=["formed_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("tandems", "0003_admin_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="tandem",
            name="formed_key",
            field=models.UUIDField(
                blank=True, editable=False, null=True, unique=True, verbose_name="formed key"
            ),
        ),
        migrations.RunPython(fill_formed_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="tandem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("formed_key__isnull", False), ("status__in", ["confirmed", "ended"])),
                    models.Q(
                        ("formed_key__isnull", True),
                        ("status__in", ["proposed", "published", "dissolved"]),
                    ),
                    _connector="OR",
                ),
                name="tandem_formed_has_key",
            ),
        ),
    ]
