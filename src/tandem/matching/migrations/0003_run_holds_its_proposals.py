"""A run holds the proposals it made (``MatchingRun.proposals``) instead of each tandem pointing up
at its run (``Tandem.run``, removed by ``tandems.0005`` after this copy): `tandems` sits below
`matching`."""

from django.db import migrations, models


def copy_runs_to_proposals(apps, schema_editor):
    Tandem = apps.get_model("tandems", "Tandem")
    Through = apps.get_model("matching", "MatchingRun").proposals.through
    rows = Tandem.objects.filter(run__isnull=False).values_list("run_id", "pk")
    Through.objects.bulk_create(
        [Through(matchingrun_id=run_id, tandem_id=tandem_id) for run_id, tandem_id in rows],
        batch_size=1000,
    )


def copy_proposals_to_runs(apps, schema_editor):
    Tandem = apps.get_model("tandems", "Tandem")
    Through = apps.get_model("matching", "MatchingRun").proposals.through
    # A tandem kept by several runs points back at the latest.
    for run_id, tandem_id in Through.objects.order_by("matchingrun_id").values_list(
        "matchingrun_id", "tandem_id"
    ):
        Tandem.objects.filter(pk=tandem_id).update(run_id=run_id)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_text_limits"),
        ("tandems", "0004_tandem_formed_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="matchingrun",
            name="proposals",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="tandems.tandem", verbose_name="proposals"
            ),
        ),
        migrations.RunPython(copy_runs_to_proposals, copy_proposals_to_runs),
    ]
