"""A search of people is recorded (who searched, in which area, from where) without the words
searched for, which are personal data."""

from __future__ import annotations

import pytest

from casereview.audit.models import AuditRecord
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def test_a_case_search_by_name_is_recorded_without_the_name(
    area, coordinator, staff_client, in_march
):
    receive(area, coordinator)

    response = staff_client(coordinator).get("/staff/cases/?q=Sam+Victim&status=any")

    assert response.status_code == 200
    (record,) = AuditRecord.objects.filter(kind="search")
    assert (record.actor, record.area_id, record.what) == (
        coordinator.email,
        area.pk,
        "case search by reference or name",
    )
    assert "Sam" not in record.path
    assert "q=%5Bredacted%5D" in record.path


def test_the_dashboard_without_a_search_records_no_search(area, coordinator, staff_client):
    staff_client(coordinator).get("/staff/cases/")

    assert not AuditRecord.objects.filter(kind="search").exists()
