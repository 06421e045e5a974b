"""The access log becomes the hash-chained audit log: kinds, who and from where, a sequence
number and hashes (filled in for existing rows by 0004), and the one-row chain head."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0001_initial"),
        ("audit", "0002_area_views"),
        ("cases", "0006_complaint_incident"),
    ]

    operations = [
        migrations.RenameModel("AccessRecord", "AuditRecord"),
        migrations.AlterModelOptions(name="auditrecord", options={"ordering": ["seq"]}),
        migrations.AddField(
            model_name="auditrecord",
            name="seq",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="kind",
            field=models.CharField(
                choices=[
                    ("view", "View"),
                    ("change", "Change"),
                    ("download", "Download"),
                    ("api_read", "API read"),
                    ("search", "Search"),
                    ("export", "Export"),
                    ("admin", "Administration"),
                ],
                default="view",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="actor",
            field=models.CharField(blank=True, max_length=300, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="api_key_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="object_label",
            field=models.CharField(blank=True, max_length=100, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="object_pk",
            field=models.CharField(blank=True, max_length=64, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="client_address",
            field=models.CharField(blank=True, max_length=64, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="user_agent",
            field=models.CharField(blank=True, max_length=200, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="request_id",
            field=models.CharField(blank=True, max_length=64, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="prev_hash",
            field=models.CharField(max_length=64, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditrecord",
            name="hash",
            field=models.CharField(max_length=64, default=""),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="case_reference",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="path",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="method",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AlterField(
            model_name="auditrecord",
            name="area",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="areas.area",
            ),
        ),
        migrations.AddIndex(
            model_name="auditrecord",
            index=models.Index(fields=["area", "at"], name="audit_area_at"),
        ),
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("seq", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(blank=True, max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="AccessRecord",
            fields=[],
            options={"proxy": True, "ordering": ["seq"], "indexes": [], "constraints": []},
            bases=("audit.auditrecord",),
        ),
    ]
