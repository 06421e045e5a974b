"""Information requests go to every relevant body of the area, each with its own due date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casereview.areas.models import AgencyKind
from casereview.cases.models import DeadlineKind
from casereview.cases.services import case_acknowledge, case_request_information
from casereview.cases.workflow import IllegalStep, Status, Step
from casereview.partners.models import InformationRequest
from tests.cases.helpers import receive
from tests.factories import add_agency, make_agency

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def acknowledged(area, by):
    case = receive(area, by)
    return case_acknowledge(case, by=by, on=case.received_on)


def test_every_relevant_body_is_asked(area, coordinator):
    case = case_request_information(
        acknowledged(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21)
    )

    asked = set(case.information_requests.values_list("agency__kind", flat=True))
    assert asked == {
        AgencyKind.COUNCIL,
        AgencyKind.COUNTY_COUNCIL,
        AgencyKind.POLICE,
        AgencyKind.HEALTH,
        AgencyKind.HOUSING,
    }
    assert case.status == Status.GATHERING_INFORMATION
    assert case.events.latest("pk").step == Step.REQUEST_INFORMATION


def test_a_body_that_is_not_a_relevant_body_is_not_asked(area, coordinator):
    add_agency(area, make_agency("Fire Service", AgencyKind.FIRE), relevant_body=False)

    case = case_request_information(
        acknowledged(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21)
    )

    assert not case.information_requests.filter(agency__kind=AgencyKind.FIRE).exists()


def test_each_request_has_its_own_deadline_five_working_days_on(area, coordinator):
    case = case_request_information(
        acknowledged(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21)
    )

    deadlines = case.deadlines.filter(kind=DeadlineKind.INFORMATION)
    assert deadlines.count() == case.information_requests.count() == 5
    # Tue 22, Wed 23, Thu 24, (Christmas, weekend, Boxing Day substitute) Tue 29, Wed 30.
    assert set(deadlines.values_list("due_on", flat=True)) == {dt.date(2026, 12, 30)}


def test_asking_again_asks_only_bodies_added_since(area, coordinator):
    case = case_request_information(
        acknowledged(area, coordinator), by=coordinator, on=dt.date(2026, 12, 21)
    )
    events = case.events.count()

    case_request_information(case, by=coordinator, on=dt.date(2026, 12, 21))
    assert case.events.count() == events  # nothing new to ask: nothing happens

    add_agency(area, make_agency("Second Housing Trust", AgencyKind.HOUSING))
    case = case_request_information(case, by=coordinator, on=dt.date(2026, 12, 21))

    assert case.information_requests.count() == 6
    assert case.events.latest("pk").data["agencies"] == [
        InformationRequest.objects.get(agency__name="Second Housing Trust").agency.code
    ]


def test_information_is_requested_only_after_acknowledgement(area, coordinator):
    case = receive(area, coordinator)

    with pytest.raises(IllegalStep, match="newly received cannot have information requested"):
        case_request_information(case, by=coordinator, on=case.received_on)

    assert not InformationRequest.objects.exists()


def test_a_request_dated_before_the_acknowledgement_is_refused(area, coordinator):
    case = receive(area, coordinator, received_on=dt.date(2026, 12, 17))
    case = case_acknowledge(case, by=coordinator, on=dt.date(2026, 12, 18))

    with pytest.raises(ValidationError) as refused:
        case_request_information(case, by=coordinator, on=dt.date(2026, 12, 17))

    assert "on" in refused.value.message_dict
    assert not InformationRequest.objects.exists()
