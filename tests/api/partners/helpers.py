"""Helpers of the partner API tests."""

from __future__ import annotations

from typing import Any

from casereview.cases.services import Victim
from tests.cases.helpers import victim


def another_victim(name: str, number: int = 2) -> Victim:
    """A victim who shares nothing with ``victim()`` (so their cases are not repeats)."""
    return victim(
        name,
        address=f"{number} Low Road, Ware",
        postcode="SG12 9AA",
        email=f"victim{number}@example.test",
        phone=f"07700 900{number:03d}",
    )


def incident(reference: str, **overrides: Any) -> dict[str, Any]:
    """One incident record as an agency's system sends it (reported the day of the behaviour
    when only the behaviour's date is given)."""
    record: dict[str, Any] = {
        "agency_reference": reference,
        "behaviour_on": "2026-03-02",
        "behaviour_time": "23:15:00",
        "reported_on": "2026-03-03",
        "kind": "complaint",
        "location": "Outside 12 Fore Street, Hertford",
        "postcode": "SG14 1AB",
        "description": "Loud music and shouting after 11pm.",
        "victim_reference": "P-1",
        "victim_name": "Sam Victim",
        "victim_date_of_birth": "1980-05-17",
        "victim_address": "14 Fore Street, Hertford",
        "victim_postcode": "SG14 1AB",
    }
    if "behaviour_on" in overrides and "reported_on" not in overrides:
        overrides["reported_on"] = overrides["behaviour_on"]
    record.update(overrides)
    return record
