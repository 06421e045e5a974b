"""Whatever a client sends, the partner API answers 4xx in the shared error shape."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings

from casereview.partners.models import Incident
from tests.api.partners.helpers import incident


def errors_of(response: Any) -> list[dict[str, Any]]:
    body = response.json()
    assert set(body) == {"errors"}
    for error in body["errors"]:
        assert set(error) == {"field", "record", "message"}
    return body["errors"]


def test_a_body_that_is_not_json_is_400(police_api: Client) -> None:
    response = police_api.post("/api/v1/incidents", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert errors_of(response)[0]["field"] == "body"


def test_a_missing_body_is_422_naming_it(police_api: Client) -> None:
    response = police_api.post("/api/v1/incidents", content_type="application/json")

    assert response.status_code == 422
    assert errors_of(response)


@pytest.mark.parametrize(
    "text",
    ["nul \x00 inside", "lone \ud800 surrogate"],
    ids=["nul", "surrogate"],
)
def test_text_no_database_can_store_is_refused(police_api: Client, text: str) -> None:
    escaped = text.encode("unicode_escape").decode().replace("\\x00", "\\u0000")
    body = (
        '{"incidents": [{"agency_reference": "HC-1", "behaviour_on": "2026-03-02", '
        f'"reported_on": "2026-03-02", "description": "{escaped}"}}]}}'
    )

    response = police_api.post("/api/v1/incidents", body, content_type="application/json")

    assert response.status_code == 422
    (error,) = errors_of(response)
    assert (error["field"], error["record"]) == ("incidents.0.description", "HC-1")
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/actions/99999999999999999999999",
        "/api/v1/actions/-1",
        "/api/v1/actions/abc",
        "/api/v1/information-requests/1e3",
        "/api/v1/incidents?page=99999999999999999999",
        "/api/v1/information-requests?status=closed",
    ],
)
def test_ids_and_parameters_out_of_range_are_422(police_api: Client, path: str) -> None:
    response = police_api.get(path)

    assert response.status_code == 422
    assert errors_of(response)


def test_a_null_where_a_record_is_expected_is_422(police_api: Client) -> None:
    response = police_api.post(
        "/api/v1/incidents",
        {"incidents": [incident("HC-1"), None]},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert errors_of(response)[0]["field"].startswith("incidents.1")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2_000)
def test_a_body_over_the_size_limit_is_413(police_api: Client) -> None:
    batch = {"incidents": [incident(f"HC-{n}") for n in range(20)]}

    response = police_api.post("/api/v1/incidents", batch, content_type="application/json")

    assert response.status_code == 413
    assert "too large" in errors_of(response)[0]["message"]
    assert not Incident.objects.exists()
