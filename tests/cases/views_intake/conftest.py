"""What the tests of the intake pages share: time frozen on an ordinary working day, the
address of each page, and a complete application as the receive form posts it."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.urls import reverse

from tests.cases.helpers import at

TODAY = dt.date(2026, 3, 16)
RECEIVE_URL = "/staff/cases/new/"


@pytest.fixture(autouse=True)
def on_a_working_day(db: None) -> Iterator[None]:
    """Monday 16 March 2026, 10am."""
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield


def date_parts(name: str, day: dt.date | None) -> dict[str, str]:
    """A date as the three GOV.UK date boxes post it."""
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def application(**overrides: Any) -> dict[str, Any]:
    """A complete phone application from Sam Victim, with one blank complaint row."""
    data: dict[str, Any] = {
        "complaint_rows": "1",
        "channel": "phone",
        **date_parts("received_on", TODAY),
        "victim_kind": "person",
        "victim_name": "Sam Victim",
        "victim_address": "1 High Street, Hertford",
        "victim_postcode": "SG14 1AB",
        "victim_email": "sam@example.test",
        "victim_phone": "07700 900123",
        "preferred_contact": "letter",
        "language": "en",
        "on_behalf": "no",
        "asb_description": "Loud music and shouting most nights.",
        "location": "Flat 3, Example Court",
        "alleged_responsible": "The tenant of flat 3",
        "not_suitable_reason": "suitable",
    }
    data.update(overrides)
    return data


def complaint_row(
    number: int,
    agency_pk: int | str = "",
    behaviour_on: dt.date | None = None,
    reported_on: dt.date | None = None,
    **extra: str,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        f"complaint_{number}_agency": str(agency_pk),
        **date_parts(f"complaint_{number}_behaviour_on", behaviour_on),
        **date_parts(f"complaint_{number}_reported_on", reported_on),
        f"complaint_{number}_kind": "complaint",
    }
    row.update({f"complaint_{number}_{part}": value for part, value in extra.items()})
    return row


def page_url(name: str, reference: str) -> str:
    return reverse(name, kwargs={"reference": reference})


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]  # type: ignore[attr-defined]


def text_of(response: HttpResponse) -> str:
    """The page with character references decoded and runs of white space made one space, for
    finding sentences in it."""
    return " ".join(html.unescape(response.content.decode()).split())
