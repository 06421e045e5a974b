"""Each key may make ``API_RATE_LIMIT`` requests a period; beyond it, 429 in the error shape."""

from __future__ import annotations

from django.test import Client, override_settings


@override_settings(API_RATE_LIMIT="3/m")
def test_the_fourth_call_in_a_minute_is_refused(police_api: Client, housing_api: Client) -> None:
    answers = [police_api.get("/api/v1/actions").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    refused = police_api.get("/api/v1/actions")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    (error,) = refused.json()["errors"]
    assert error["field"] == "request"
    assert "Too many requests" in error["message"]
    # The limit is per key: another agency's system is not held up.
    assert housing_api.get("/api/v1/actions").status_code == 200
