"""The two return layouts every area starts with (area empty: shared by every area).

The layouts are written out here rather than imported, so the migration keeps meaning what it
meant when it was written whatever later code does. Areas add their own layouts on the returns
page; these shared ones are changed only by a later migration.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

HOME_OFFICE = {
    "name": "Home Office annual return",
    "recipient": "home_office",
    "period_kind": "financial_year",
    "columns": [
        {"heading": "Area", "figure": "area.name"},
        {"heading": "GSS code", "figure": "area.gss_code"},
        {"heading": "Period start", "figure": "period.start"},
        {"heading": "Period end", "figure": "period.end"},
        {"heading": "Applications received", "figure": "statutory.applications"},
        {"heading": "Threshold not met", "figure": "statutory.threshold_not_met"},
        {"heading": "Case reviews carried out", "figure": "statutory.reviews_carried_out"},
        {
            "heading": "Reviews resulting in recommendations",
            "figure": "statutory.reviews_with_recommendations",
        },
    ],
}

PCC = {
    "name": "PCC quarterly return",
    "recipient": "pcc",
    "period_kind": "quarter",
    "columns": [
        {"heading": "Area", "figure": "area.name"},
        {"heading": "GSS code", "figure": "area.gss_code"},
        {"heading": "Quarter", "figure": "period.slug"},
        {"heading": "Period start", "figure": "period.start"},
        {"heading": "Period end", "figure": "period.end"},
        {"heading": "Applications received", "figure": "statutory.applications"},
        {"heading": "Threshold not met", "figure": "statutory.threshold_not_met"},
        {"heading": "Case reviews carried out", "figure": "statutory.reviews_carried_out"},
        {
            "heading": "Reviews resulting in recommendations",
            "figure": "statutory.reviews_with_recommendations",
        },
        {"heading": "First decisions", "figure": "internal.first_decisions"},
        {
            "heading": "First decisions within timescale",
            "figure": "internal.first_decisions_in_time",
        },
        {
            "heading": "Median working days to decision",
            "figure": "internal.median_working_days_to_decision",
        },
        {
            "heading": "Appeals received (threshold decision)",
            "figure": "internal.appeals_received_threshold_decision",
        },
        {
            "heading": "Appeals received (how the review was carried out)",
            "figure": "internal.appeals_received_review_conduct",
        },
        {"heading": "Appeals upheld", "figure": "internal.appeals_upheld"},
        {"heading": "Reviews the victim attended", "figure": "internal.meetings_victim_attended"},
        {"heading": "Release revision", "figure": "release.revision"},
    ],
}

DEFAULTS = (HOME_OFFICE, PCC)


def add_layouts(apps: Any, schema_editor: Any) -> None:
    ReturnLayout = apps.get_model("publishing", "ReturnLayout")
    for layout in DEFAULTS:
        ReturnLayout.objects.get_or_create(
            area=None,
            name=layout["name"],
            defaults={
                "recipient": layout["recipient"],
                "period_kind": layout["period_kind"],
                "columns": layout["columns"],
            },
        )


def remove_layouts(apps: Any, schema_editor: Any) -> None:
    ReturnLayout = apps.get_model("publishing", "ReturnLayout")
    ReturnLayout.objects.filter(area=None, name__in=[d["name"] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]

    operations = [migrations.RunPython(add_layouts, remove_layouts)]
