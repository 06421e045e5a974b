"""The JSON Schemas are served as the files in the repository, for anyone to validate with."""

from __future__ import annotations

from django.test import Client

from casereview.publishing.open_data.schemas import load_schema


def test_the_schemas_are_served_as_json_schema(client: Client, db: None) -> None:
    for name in ("release-v1", "national-v1"):
        response = client.get(f"/statistics/schema/{name}.json")

        assert response["Content-Type"] == "application/schema+json"
        assert response.json() == load_schema(name)
