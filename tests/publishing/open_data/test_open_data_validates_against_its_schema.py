"""The open data follows its documented JSON Schemas: documents the real publish service writes
from real cases, documents with suppressed cells, and the national documents. The schemas are
themselves valid JSON Schema, list exactly the codes the service uses, and do reject a document
that breaks them."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.figures import BREAKDOWNS, STATUTORY_KEYS
from casereview.publishing.open_data.schemas import SCHEMA_NAMES, load_schema
from tests.factories import make_area
from tests.publishing.open_data.helpers import FY_2025, publish, schema_errors, statutory
from tests.publishing.releases.helpers import applications, published


def test_a_document_published_from_real_cases_validates(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 7, received_on=FY_2025.start, channel="phone")
    applications(area, coordinator, 2, received_on=FY_2025.end, channel="email")
    release = published(area, area_admin)

    assert release.document["statutory"]["applications"] == 9
    assert schema_errors("release-v1", release.document) == []


def test_the_json_served_validates_for_an_area_and_nationally(
    client: Client, area: Area, other_area: Area
) -> None:
    publish(area, FY_2025, statutory(12, 4, 6, 5))
    # Three applications: the whole breakdown is withheld (every cell null).
    publish(other_area, FY_2025, statutory(3, 1, 1, 0))

    for slug in (area.slug, other_area.slug):
        served = client.get(f"/areas/{slug}/statistics/2025-26.json").json()
        assert schema_errors("release-v1", served) == []
    national = client.get("/statistics/2025-26.json").json()
    assert schema_errors("national-v1", national) == []
    assert national["areas_published"] == 2


def test_a_withheld_table_is_still_valid_with_every_cell_null(db: None) -> None:
    area = make_area("Smallton")
    release = publish(area, FY_2025, statutory(2, 0, 0, 0))

    assert all(v is None for v in release.document["breakdowns"]["channel"].values())
    assert schema_errors("release-v1", release.document) == []


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_valid_json_schema(name: str) -> None:
    assert jsonschema_rs.meta.is_valid(load_schema(name))


def test_the_release_schema_names_exactly_the_codes_the_service_publishes() -> None:
    schema = load_schema("release-v1")
    breakdowns = schema["properties"]["breakdowns"]["properties"]

    assert {name: tuple(table["required"]) for name, table in breakdowns.items()} == dict(
        BREAKDOWNS
    )
    assert tuple(schema["$defs"]["statutory"]["required"]) == STATUTORY_KEYS
    assert tuple(load_schema("national-v1")["$defs"]["statutory"]["required"]) == STATUTORY_KEYS


def test_the_schema_rejects_a_document_that_breaks_it(area: Area) -> None:
    document = publish(area, FY_2025, statutory(12, 4, 6, 5)).document
    broken = json.loads(json.dumps(document))
    broken["statutory"]["applications"] = -1
    del broken["breakdowns"]["channel"]["online"]
    broken["published_on"] = "1 May 2026"
    broken["extra"] = True

    errors = schema_errors("release-v1", broken)

    assert {error.split(":")[0] for error in errors} == {
        "statutory/applications",
        "breakdowns/channel",
        "published_on",
        "",
    }, errors
