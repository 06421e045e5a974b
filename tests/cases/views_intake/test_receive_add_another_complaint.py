"""Complaints are rows of the form: "Add another complaint" comes back with one more row and
everything typed kept, without error messages; blank rows are ignored."""

from __future__ import annotations

import datetime as dt

from casereview.areas.models import AgencyKind
from casereview.cases.models import Case, ComplaintSource
from tests.cases.helpers import agency_of
from tests.cases.views_intake.conftest import (
    RECEIVE_URL,
    application,
    complaint_row,
    text_of,
)


def test_adding_a_row_keeps_what_was_typed(staff_client, coordinator, area):
    police = agency_of(area, AgencyKind.POLICE)
    data = application(
        victim_name="",  # missing, but nothing is checked until the form is submitted
        add_complaint="1",
        **complaint_row(1, police.pk, dt.date(2026, 3, 2), dt.date(2026, 3, 3), incident_key="A"),
    )

    response = staff_client(coordinator).post(RECEIVE_URL, data)

    assert response.status_code == 200
    assert not Case.objects.exists()
    form = response.context_data["form"]
    assert form.rows == 2
    assert not form.is_bound
    page = text_of(response)
    assert "There is a problem" not in page
    assert "Complaint 2" in page
    assert 'name="complaint_rows" value="2"' in page
    assert f'<option value="{police.pk}" selected>' in page
    assert 'name="complaint_1_behaviour_on-day" type="text" value="2"' in page
    assert 'value="A"' in page
    assert "Loud music and shouting most nights." in page


def test_filled_rows_become_stated_complaints_and_blank_rows_are_ignored(
    staff_client, coordinator, area
):
    police = agency_of(area, AgencyKind.POLICE)
    housing = agency_of(area, AgencyKind.HOUSING)
    data = application(
        complaint_rows="3",
        **complaint_row(1, police.pk, dt.date(2026, 3, 2), dt.date(2026, 3, 3), incident_key="A"),
        **complaint_row(2),
        **complaint_row(
            3, housing.pk, dt.date(2026, 3, 9), dt.date(2026, 3, 9), agency_reference="H-1"
        ),
    )

    response = staff_client(coordinator).post(RECEIVE_URL, data)

    assert response.status_code == 302
    complaints = list(Case.objects.get().complaints.order_by("behaviour_on"))
    assert [(c.agency, c.behaviour_on, c.reported_on) for c in complaints] == [
        (police, dt.date(2026, 3, 2), dt.date(2026, 3, 3)),
        (housing, dt.date(2026, 3, 9), dt.date(2026, 3, 9)),
    ]
    assert complaints[0].incident_key == "A"
    assert complaints[1].agency_reference == "H-1"
    assert {c.source for c in complaints} == {ComplaintSource.STATED_BY_APPLICANT}


def test_only_the_areas_relevant_bodies_are_offered(staff_client, coordinator, area, other_area):
    response = staff_client(coordinator).get(RECEIVE_URL)

    offered = {
        name for _pk, name in response.context_data["form"].fields["complaint_1_agency"].choices
    }
    assert "Hertfordshire Constabulary" in offered
    assert "Demo Housing Association" in offered
    assert other_area.police_force.name not in offered
