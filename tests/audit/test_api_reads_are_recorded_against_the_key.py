"""A read through the partner API is recorded as an API read, against the key and its agency."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.audit.models import AccessRecord
from casereview.partners.tokens.services import issue_key
from tests.cases.helpers import gathering, request_to

pytestmark = pytest.mark.django_db


def test_reading_a_request_is_an_api_read_of_the_key(area, coordinator, area_admin, in_march):
    case = gathering(area, coordinator)
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)
    api = Client(headers={"Authorization": f"Bearer {key}"})

    assert api.get(f"/api/v1/information-requests/{request_to(case).pk}").status_code == 200

    record = AccessRecord.objects.get(case=case)
    assert (record.kind, record.api_key_id, record.user) == ("api_read", token.pk, None)
    assert record.actor == f"API key {token.prefix} of {area.police_force.name}"


def test_listing_incident_records_is_an_api_read_of_the_area(area, area_admin, in_march):
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)
    api = Client(headers={"Authorization": f"Bearer {key}"})

    assert api.get("/api/v1/incidents").status_code == 200

    record = AccessRecord.objects.get(area=area)
    assert (record.kind, record.what, record.api_key_id) == (
        "api_read",
        "incident records via the API",
        token.pk,
    )
