"""Every record has its sequence number now (0004): make it required and unique."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_backfill_chain")]

    operations = [
        migrations.AlterField(
            model_name="auditrecord",
            name="seq",
            field=models.PositiveBigIntegerField(unique=True),
        ),
    ]
