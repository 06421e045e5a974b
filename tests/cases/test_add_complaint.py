"""Complaints the applicant mentions later are added to the case before the decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.areas.models import AgencyKind
from casereview.cases.services import case_add_complaint, case_decide_threshold
from casereview.cases.workflow import IllegalStep, Step
from tests.cases.helpers import agency_of, gathering, receive, stated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_a_complaint_is_added_as_stated_by_the_applicant(area, coordinator):
    case = receive(area, coordinator)

    added = case_add_complaint(
        case,
        by=coordinator,
        complaint=stated(
            agency_of(area, AgencyKind.HOUSING), dt.date(2026, 12, 14), kind="diary_sheet"
        ),
    )

    assert not added.is_confirmed
    assert added.kind == "diary_sheet"
    event = case.events.latest("pk")
    assert (event.step, event.data["complaint"]) == (Step.ADD_COMPLAINT, added.pk)


def test_a_complaint_with_impossible_dates_is_refused(area, coordinator):
    case = receive(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        case_add_complaint(
            case,
            by=coordinator,
            complaint=stated(
                agency_of(area, AgencyKind.POLICE), dt.date(2026, 12, 14), dt.date(2027, 1, 2)
            ),
        )

    assert refused.value.message_dict["complaint"] == [
        "Complaint 1, the reported date: The date cannot be in the future."
    ]
    assert not case.complaints.exists()


def test_no_complaint_is_added_after_the_decision(area, coordinator):
    case = gathering(area, coordinator)
    case = case_decide_threshold(
        case, by=coordinator, on=case.received_on, route="threshold", met=False, reasons="-"
    )

    with pytest.raises(IllegalStep, match="cannot have complaints added"):
        case_add_complaint(
            case,
            by=coordinator,
            complaint=stated(agency_of(area, AgencyKind.POLICE), dt.date(2026, 12, 14)),
        )
