"""The open data as CSV: one row per published number ("long" or "tidy" form), so every file
has the same few columns whatever breakdowns a schema version adds, and a reader can filter
rather than parse headings. Columns and codes are stable (docs/open-data.md); labels are not
stored, as in the JSON.

A suppressed cell is a row with an empty ``value`` and ``suppressed`` = ``true``; every other
row has ``suppressed`` = ``false``. Files are UTF-8 with CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from casereview.publishing.figures import BREAKDOWNS, STATUTORY_KEYS

RELEASE_COLUMNS = (
    "area_gss_code",
    "area_name",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "revision",
    "published_on",
    "measure",
    "breakdown",
    "category",
    "value",
    "suppressed",
)

NATIONAL_COLUMNS = (
    "level",
    "area_gss_code",
    "area_name",
    "nation",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "revision",
    "published_on",
    "measure",
    "value",
)

# The national rows of the national CSV carry the ONS code of England and Wales together.
ENGLAND_AND_WALES_GSS_CODE = "K04000001"
ENGLAND_AND_WALES_NAME = "England and Wales"


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def release_rows(document: Mapping[str, Any]) -> list[dict[str, str]]:
    """The rows of one release document: the four statutory counts, then every breakdown cell
    (measure ``applications``, ``breakdown`` its name, ``category`` the cell's code)."""
    area, period = document["area"], document["period"]
    common = {
        "area_gss_code": area["gss_code"],
        "area_name": area["name"],
        "period": period["slug"],
        "period_kind": period["kind"],
        "period_start": period["start"],
        "period_end": period["end"],
        "revision": str(document["revision"]),
        "published_on": document["published_on"],
    }
    rows = [
        {
            **common,
            "measure": key,
            "breakdown": "",
            "category": "",
            "value": _number(document["statutory"][key]),
            "suppressed": _flag(False),
        }
        for key in STATUTORY_KEYS
    ]
    for name, codes in BREAKDOWNS.items():
        cells = document["breakdowns"][name]
        rows.extend(
            {
                **common,
                "measure": "applications",
                "breakdown": name,
                "category": code,
                "value": _number(cells[code]),
                "suppressed": _flag(cells[code] is None),
            }
            for code in codes
        )
    return rows


def national_rows(document: Mapping[str, Any]) -> list[dict[str, str]]:
    """The rows of the national document: the four sums (``level`` = ``national``), then each
    area's four counts (``level`` = ``area``)."""
    period = document["period"]
    dates = {
        "period": period["slug"],
        "period_kind": period["kind"],
        "period_start": period["start"],
        "period_end": period["end"],
    }
    rows = [
        {
            "level": "national",
            "area_gss_code": ENGLAND_AND_WALES_GSS_CODE,
            "area_name": ENGLAND_AND_WALES_NAME,
            "nation": "",
            **dates,
            "revision": "",
            "published_on": "",
            "measure": key,
            "value": _number(document["statutory"][key]),
        }
        for key in STATUTORY_KEYS
    ]
    for area in document["areas"]:
        rows.extend(
            {
                "level": "area",
                "area_gss_code": area["gss_code"],
                "area_name": area["name"],
                "nation": area["nation"],
                **dates,
                "revision": str(area["revision"]),
                "published_on": area["published_on"],
                "measure": key,
                "value": _number(area["statutory"][key]),
            }
            for key in STATUTORY_KEYS
        )
    return rows


def to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, str]]) -> str:
    """The rows as CSV text with a header row of ``columns``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
