"""A coordinator of another area gets 404 on a case's intake pages, never 403, and records
applications only in their own area."""

from __future__ import annotations

import pytest

from casereview.cases.models import Case
from tests.cases.helpers import gathering
from tests.cases.views_intake.conftest import RECEIVE_URL, application, page_url


@pytest.mark.parametrize("name", ["cases:decide", "cases:decline-repeat"])
def test_another_areas_case_is_not_found(staff_client, outsider, coordinator, area, name):
    case = gathering(area, coordinator)
    client = staff_client(outsider)

    assert client.get(page_url(name, case.reference)).status_code == 404
    assert client.post(page_url(name, case.reference), {"reasons": "x"}).status_code == 404


def test_an_outsider_records_applications_in_their_own_area(
    staff_client, outsider, area, other_area
):
    response = staff_client(outsider).post(RECEIVE_URL, application())

    assert response.status_code == 302
    assert Case.objects.get().area == other_area


def test_an_area_not_in_the_coordinators_scope_cannot_be_chosen(
    staff_client, coordinator, area, other_area
):
    response = staff_client(coordinator).get(RECEIVE_URL, {"area": other_area.gss_code})

    # A coordinator of one area is not asked to choose: the application is for their area.
    assert response.status_code == 200
    assert response.context_data["area"] == area
