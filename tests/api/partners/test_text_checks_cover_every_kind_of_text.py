"""The partner API refuses text no database can store whatever else the text holds: the check
takes a short cut for ASCII text, and text with other characters is still read in full."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from casereview.partners.models import Incident
from tests.api.partners.helpers import incident


def messages_of(response: Any) -> list[tuple[str, str]]:
    return [(error["field"], error["message"]) for error in response.json()["errors"]]


@pytest.mark.parametrize(
    "text",
    ["plain \x00 ascii", "caf\u00e9 \x00 accented", "\u2603 snow \x00"],
    ids=["ascii", "latin-1", "wider-text"],
)
def test_a_nul_is_refused_in_any_text_field_whatever_else_the_text_holds(
    police_api: Client, text: str
) -> None:
    records = [incident("HC-1"), incident("HC-2", victim_name=text, location=text)]

    response = police_api.post(
        "/api/v1/incidents", {"incidents": records}, content_type="application/json"
    )

    assert response.status_code == 422
    message = "Value error, the text contains a NUL character (\\u0000)"
    assert messages_of(response) == [
        ("incidents.1.location", message),
        ("incidents.1.victim_name", message),
    ]
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "text", ["caf\u00e9 \udc80 accented", "\ud83d alone"], ids=["latin-1", "high-surrogate"]
)
def test_a_lone_surrogate_is_refused_in_any_text_field(police_api: Client, text: str) -> None:
    records = [incident("HC-1"), incident("HC-2", victim_name=text, location=text)]

    response = police_api.post(
        "/api/v1/incidents", {"incidents": records}, content_type="application/json"
    )

    assert response.status_code == 422
    fields = [field for field, _ in messages_of(response)]
    assert fields == ["incidents.1.location", "incidents.1.victim_name"]
    assert not Incident.objects.exists()


def test_text_beyond_ascii_that_a_database_can_store_is_accepted(police_api: Client) -> None:
    text = "Si\u00e2n \u0141uczak \u2013 \U0001f600 caf\u00e9"  # a pair of surrogates is one emoji

    response = police_api.post(
        "/api/v1/incidents",
        {"incidents": [incident("HC-1", victim_name=text, description=text)]},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    assert Incident.objects.get().description == text
