# The statutory statistics of every area for a period (casereview.publishing.statistics.compute)
# count cases by the day received, the day first decided and the day ended, and decision and
# "declined as a repeat" events by step and moment. Without these indexes each of those queries
# read every case (and every case's events) of five years of history to count one year of it;
# with them each reads a range of the period's rows (bench/fixes/b5.toml).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_complaint_incident"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["received_on"], name="case_received_on"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["first_decided_on"], name="case_first_decided_on"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["status", "ended_on"], name="case_status_ended_on"),
        ),
        migrations.AddIndex(
            model_name="caseevent",
            index=models.Index(fields=["step", "at"], name="case_event_step_at"),
        ),
    ]
