"""The OpenAPI 3.1 document describes the partner endpoints, their key and their errors."""

from __future__ import annotations

from django.test import Client

PARTNER_OPERATIONS = {
    ("post", "/api/v1/incidents"),
    ("get", "/api/v1/incidents"),
    ("get", "/api/v1/information-requests"),
    ("get", "/api/v1/information-requests/{request_id}"),
    ("post", "/api/v1/information-requests/{request_id}/responses"),
    ("get", "/api/v1/actions"),
    ("get", "/api/v1/actions/{action_id}"),
    ("patch", "/api/v1/actions/{action_id}"),
}


def test_every_partner_operation_needs_the_bearer_key_and_declares_its_errors(
    client: Client,
) -> None:
    document = client.get("/api/openapi.json").json()

    assert document["openapi"].startswith("3.1")
    scheme = document["components"]["securitySchemes"]["AgencyKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    found = {
        (method, path)
        for path, operations in document["paths"].items()
        for method in operations
        if path not in {"/api/v1/threshold-check", "/api/v1/working-days"}
    }
    assert found == PARTNER_OPERATIONS
    for method, path in PARTNER_OPERATIONS:
        operation = document["paths"][path][method]
        assert operation["security"] == [{"AgencyKey": []}]
        for status in ("401", "422", "429"):
            error = operation["responses"][status]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/PartnerErrors"}
        if "{" in path:
            assert "404" in operation["responses"]
    patch = document["paths"]["/api/v1/actions/{action_id}"]["patch"]
    assert "409" in patch["responses"]
    error_item = document["components"]["schemas"]["PartnerError"]
    assert set(error_item["required"]) == {"field", "record", "message"}
    assert document["components"]["schemas"]["IncidentBatchIn"]["examples"]
