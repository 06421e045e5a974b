"""The audit log viewer: an area administrator sees their own area's records only, filters them
(a bad date is an error on the form, never a 500), and exports them as CSV, the export itself
recorded. Other roles are refused."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import RequestFactory

from casereview.audit.log import record_view
from casereview.audit.models import AuditRecord
from tests.audit.helpers import viewed
from tests.cases.helpers import receive, victim

pytestmark = pytest.mark.django_db


def test_an_administrator_sees_their_areas_records_and_not_another_areas(
    area, other_area, coordinator, area_admin, staff_client, in_march
):
    mine = receive(area, coordinator)
    theirs = receive(other_area, None)
    viewed(mine, coordinator, 1)
    request = RequestFactory().get("/")
    request.user = coordinator
    record_view(request, theirs, "other area page")

    page = staff_client(area_admin).get("/staff/audit/?kind=view").content.decode()

    assert "case page 0" in page
    assert mine.reference in page
    assert "other area page" not in page


def test_filters_select_by_who_kind_and_reference(
    area, coordinator, area_admin, staff_client, in_march
):
    first = receive(area, coordinator)
    second = receive(
        area,
        coordinator,
        victim=victim(
            "Alex Other",
            address="9 Low Road, Ware",
            postcode="SG12 0AA",
            email="alex@example.test",
            phone="07700 900999",
        ),
    )
    viewed(first, coordinator, 1)
    viewed(second, area_admin, 1)

    page = (
        staff_client(area_admin)
        .get(
            f"/staff/audit/?who={area_admin.email[:6]}&kind=view&case_reference={second.reference}"
        )
        .content.decode()
    )

    assert "1 record" in page
    assert second.reference in page


def test_a_bad_date_is_an_error_on_the_form(area_admin, staff_client):
    response = staff_client(area_admin).get(
        "/staff/audit/?date_from-day=31&date_from-month=2&date_from-year=2026"
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The date from must be a real date" in page


def test_dates_out_of_order_are_an_error_on_the_date_to(area_admin, staff_client):
    response = staff_client(area_admin).get(
        "/staff/audit/?date_from-day=2&date_from-month=3&date_from-year=2026"
        "&date_to-day=1&date_to-month=3&date_to-year=2026"
    )

    assert "The date to must be the same as or after the date from" in response.content.decode()


def test_the_export_is_csv_safe_for_spreadsheets_and_is_itself_recorded(
    area, coordinator, area_admin, staff_client, in_march
):
    case = receive(area, coordinator)
    request = RequestFactory().get("/", HTTP_USER_AGENT="=HYPERLINK(1)")
    request.user = coordinator
    record_view(request, case, "case page")

    response = staff_client(area_admin).get(
        f"/staff/audit/export.csv?case_reference={case.reference}&kind=view"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["what"] for row in rows] == ["case page"]
    assert rows[0]["user agent"] == "'=HYPERLINK(1)"
    export = AuditRecord.objects.get(kind="export")
    assert (export.user, export.area_id, export.what) == (
        area_admin,
        area.pk,
        "audit log export",
    )


def test_a_coordinator_cannot_see_the_audit_log(coordinator, staff_client):
    assert staff_client(coordinator).get("/staff/audit/").status_code == 403
    assert staff_client(coordinator).get("/staff/audit/export.csv").status_code == 403


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get("/staff/audit/")

    assert response.status_code == 302
    assert "/sign-in" in response["Location"] or "login" in response["Location"]
