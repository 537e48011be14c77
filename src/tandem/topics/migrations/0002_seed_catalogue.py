"""Seed the topic catalogue: DigComp 2.2 (5 areas, 21 competences), practical and give-back topics.

Idempotent by code; the same loader backs `topic_catalogue_seed()` and `tandem seed-topics`.
"""

from django.db import migrations

from tandem.topics.catalogue_seed import seed_catalogue


def seed(apps, schema_editor):
    seed_catalogue(
        TopicArea=apps.get_model("topics", "TopicArea"),
        Topic=apps.get_model("topics", "Topic"),
    )


class Migration(migrations.Migration):
    dependencies = [("topics", "0001_initial")]
    # Unapplying keeps the rows: they are dropped with the tables by 0001 anyway.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
