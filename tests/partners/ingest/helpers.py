"""Building incident records and CSV files for the ingest tests (dates fit the ``in_march``
fixture: today is Monday 16 March 2026)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casereview.partners.imports.csv_format import COLUMN_NAMES
from casereview.partners.ingest import IncidentRecord

HEADER = ",".join(COLUMN_NAMES)


def record(reference: str = "INC-1", **changes: Any) -> IncidentRecord:
    """A valid incident record: noise on 2 March 2026, reported the next day."""
    values: dict[str, Any] = {
        "agency_reference": reference,
        "behaviour_on": dt.date(2026, 3, 2),
        "reported_on": dt.date(2026, 3, 3),
        "location": "Outside 14 Fore Street",
        "postcode": "SG14 1AB",
        "description": "Loud music until 2am",
    }
    values.update(changes)
    return IncidentRecord(**values)


def victim(name: str = "Sam Example", **changes: Any) -> dict[str, Any]:
    """Victim fields for ``record(**victim())``."""
    values: dict[str, Any] = {
        "victim_name": name,
        "victim_date_of_birth": dt.date(1970, 5, 21),
        "victim_address": "12 Fore Street, Hertford",
        "victim_postcode": "SG14 1AB",
    }
    values.update(changes)
    return values


def csv_row(reference: str = "INC-1", **changes: str) -> str:
    """One CSV line with every column, valid unless ``changes`` say otherwise."""
    values = {
        "agency_reference": reference,
        "behaviour_date": "2026-03-02",
        "behaviour_time": "22:15",
        "reported_date": "03/03/2026",
        "kind": "complaint",
        "location": "Outside 14 Fore Street",
        "postcode": "SG14 1AB",
        "description": "Loud music until 2am",
        "victim_reference": "",
        "victim_name": "",
        "victim_date_of_birth": "",
        "victim_address": "",
        "victim_postcode": "",
    }
    values.update(changes)
    return ",".join(_quoted(values[name]) for name in COLUMN_NAMES)


def _quoted(value: str) -> str:
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")
