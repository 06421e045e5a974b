"""The CSV holds exactly what the JSON holds: parsed back, it gives the same numbers, with
suppressed cells as empty values marked ``suppressed`` = ``true``."""

from __future__ import annotations

import csv
import io

from django.test import Client

from casereview.areas.models import Area
from casereview.publishing.figures import BREAKDOWNS, STATUTORY_KEYS
from casereview.publishing.open_data.csv_files import NATIONAL_COLUMNS, RELEASE_COLUMNS
from tests.publishing.open_data.helpers import FY_2025, publish, statutory

BREAKDOWN_CELLS = {
    "channel": {"online": 9, "phone": 2, "email": 1},
    "applicant": {"victim": 12},
    "victim_kind": {"person": 7, "business": 5},
}


def _rows(response: object) -> tuple[list[str], list[dict[str, str]]]:
    text = response.content.decode("utf-8")  # type: ignore[attr-defined]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def _value(row: dict[str, str]) -> int | None:
    return None if row["suppressed"] == "true" else int(row["value"])


def test_the_area_csv_round_trips_to_the_json(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5), BREAKDOWN_CELLS)
    document = client.get("/areas/east-hertfordshire/statistics/2025-26.json").json()

    response = client.get("/areas/east-hertfordshire/statistics/2025-26.csv")
    columns, rows = _rows(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert columns == list(RELEASE_COLUMNS)
    assert len(rows) == len(STATUTORY_KEYS) + sum(len(codes) for codes in BREAKDOWNS.values())
    for row in rows:
        assert row["area_gss_code"] == document["area"]["gss_code"]
        assert row["area_name"] == document["area"]["name"]
        assert row["period"] == document["period"]["slug"]
        assert row["period_kind"] == document["period"]["kind"]
        assert (row["period_start"], row["period_end"]) == (
            document["period"]["start"],
            document["period"]["end"],
        )
        assert int(row["revision"]) == document["revision"]
        assert row["published_on"] == document["published_on"]
    statutory_rows = {r["measure"]: _value(r) for r in rows if r["breakdown"] == ""}
    breakdown_rows: dict[str, dict[str, int | None]] = {}
    for r in rows:
        if r["breakdown"]:
            assert r["measure"] == "applications"
            breakdown_rows.setdefault(r["breakdown"], {})[r["category"]] = _value(r)
    assert statutory_rows == document["statutory"]
    assert breakdown_rows == document["breakdowns"]


def test_a_suppressed_cell_is_empty_and_marked_suppressed(client: Client, area: Area) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5), BREAKDOWN_CELLS)

    _columns, rows = _rows(client.get("/areas/east-hertfordshire/statistics/2025-26.csv"))
    phone = next(r for r in rows if (r["breakdown"], r["category"]) == ("channel", "phone"))
    letter = next(r for r in rows if (r["breakdown"], r["category"]) == ("channel", "letter"))

    assert (phone["value"], phone["suppressed"]) == ("", "true")
    assert (letter["value"], letter["suppressed"]) == ("0", "false")


def test_the_national_csv_round_trips_to_the_json(
    client: Client, area: Area, other_area: Area
) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    publish(other_area, FY_2025, statutory(7, 1, 2, 2))
    document = client.get("/statistics/2025-26.json").json()

    columns, rows = _rows(client.get("/statistics/2025-26.csv"))

    assert columns == list(NATIONAL_COLUMNS)
    national = {r["measure"]: int(r["value"]) for r in rows if r["level"] == "national"}
    assert national == document["statutory"]
    by_area: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["level"] == "area":
            by_area.setdefault(r["area_gss_code"], {})[r["measure"]] = int(r["value"])
    assert by_area == {a["gss_code"]: a["statutory"] for a in document["areas"]}
    assert {r["period"] for r in rows} == {"2025-26"}
