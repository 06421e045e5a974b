"""The repeat-victim check lists the people whose agency-recorded incidents already meet the
area's threshold (the reference procedure: three occasions, each reported within 30 days, the
last six months, diary sheets not counted), unless they have an open application."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import AgencyKind, Area
from casereview.partners.duties.repeat_victims import earliest_report, repeat_victims
from casereview.partners.models import PartnerVictim
from tests.cases.helpers import agency_of, receive, victim
from tests.factories import add_agency, make_agency
from tests.partners.duties.helpers import incident, same_occasion, same_person, victim_record

ON = dt.date(2026, 3, 16)


def _three_reports(area: Area, record: PartnerVictim, *days: dt.date) -> None:
    for day in days or (dt.date(2026, 1, 5), dt.date(2026, 2, 9), dt.date(2026, 3, 2)):
        incident(area, record.agency, record, day)


@pytest.fixture
def sam(area: Area) -> PartnerVictim:
    return victim_record(area, area.police_force, "Sam Victim")


def test_a_person_with_three_qualifying_occasions_is_listed(area: Area, sam: PartnerVictim) -> None:
    _three_reports(area, sam)

    [row] = repeat_victims(area, on=ON)

    assert (row.person_key, row.name, row.count) == (sam.pk, "Sam Victim", 3)
    assert row.agencies == ("Hertfordshire Constabulary",)
    assert row.latest_reported_on == dt.date(2026, 3, 2)


def test_two_occasions_are_below_the_threshold(area: Area, sam: PartnerVictim) -> None:
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))

    assert repeat_victims(area, on=ON) == []


def test_a_report_older_than_the_application_window_does_not_count(
    area: Area, sam: PartnerVictim
) -> None:
    _three_reports(area, sam, dt.date(2025, 9, 15), dt.date(2026, 2, 9), dt.date(2026, 3, 2))
    assert repeat_victims(area, on=ON) == []

    incident(area, area.police_force, sam, dt.date(2025, 9, 16))  # exactly six months ago
    assert [row.count for row in repeat_victims(area, on=ON)] == [3]


def test_a_report_made_too_long_after_the_behaviour_does_not_count(
    area: Area, sam: PartnerVictim
) -> None:
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))
    incident(area, area.police_force, sam, dt.date(2026, 1, 20), dt.date(2026, 2, 20))  # 31 days

    assert repeat_victims(area, on=ON) == []

    incident(area, area.police_force, sam, dt.date(2026, 1, 21), dt.date(2026, 2, 20))  # 30 days
    assert [row.count for row in repeat_victims(area, on=ON)] == [3]


def test_diary_sheets_do_not_count_under_a_policy_that_excludes_them(
    area: Area, sam: PartnerVictim
) -> None:
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))
    incident(area, area.police_force, sam, dt.date(2026, 3, 2), kind="diary_sheet")

    assert repeat_victims(area, on=ON) == []


def test_reports_after_the_day_of_the_check_do_not_count(area: Area, sam: PartnerVictim) -> None:
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9), dt.date(2026, 3, 17))

    assert repeat_victims(area, on=ON) == []


def test_a_person_with_an_open_application_is_not_listed(
    area: Area, sam: PartnerVictim, coordinator: User
) -> None:
    _three_reports(area, sam)
    case = receive(area, coordinator, victim=victim("SAM victim", postcode="sg14 1ab"))

    assert repeat_victims(area, on=ON) == []

    case.status = "closed"
    case.save(update_fields=["status"])
    assert len(repeat_victims(area, on=ON)) == 1


def test_one_occasion_reported_to_two_agencies_counts_once(area: Area, sam: PartnerVictim) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    at_housing = victim_record(area, housing, "Sam Victim")
    same_person(sam, at_housing)
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))
    told_police = incident(area, area.police_force, sam, dt.date(2026, 3, 2))
    told_housing = incident(area, housing, at_housing, dt.date(2026, 3, 3))
    assert [row.count for row in repeat_victims(area, on=ON)] == [4]

    same_occasion(told_police, told_housing)

    [row] = repeat_victims(area, on=ON)
    assert row.count == 3
    assert row.agencies == ("Demo Housing Association", "Hertfordshire Constabulary")


def test_reports_about_the_same_day_count_once(area: Area, sam: PartnerVictim) -> None:
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9), dt.date(2026, 2, 9))

    assert repeat_victims(area, on=ON) == []


def test_records_at_two_agencies_count_together_only_as_one_person(
    area: Area, sam: PartnerVictim
) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    at_housing = victim_record(area, housing, "Sam Victim")
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))
    incident(area, housing, at_housing, dt.date(2026, 3, 2))
    assert repeat_victims(area, on=ON) == []

    same_person(sam, at_housing)

    assert [(row.person_key, row.count) for row in repeat_victims(area, on=ON)] == [(sam.pk, 3)]


def test_reports_to_a_body_that_is_not_a_relevant_body_do_not_count(
    area: Area, sam: PartnerVictim
) -> None:
    charity = make_agency("Neighbourhood Mediation Charity")
    add_agency(area, charity, relevant_body=False)
    at_charity = victim_record(area, charity, "Sam Victim")
    same_person(sam, at_charity)
    _three_reports(area, sam, dt.date(2026, 1, 5), dt.date(2026, 2, 9))
    incident(area, charity, at_charity, dt.date(2026, 3, 2))

    assert repeat_victims(area, on=ON) == []


def test_other_areas_incidents_are_not_listed(
    area: Area, other_area: Area, sam: PartnerVictim
) -> None:
    _three_reports(area, sam)

    assert repeat_victims(other_area, on=ON) == []


@pytest.mark.parametrize(
    ("on", "months", "earliest"),
    [
        (dt.date(2026, 3, 16), 6, dt.date(2025, 9, 16)),
        # 28 to 31 August all reach 28 February six months on; 27 August does not.
        (dt.date(2026, 2, 28), 6, dt.date(2025, 8, 28)),
        # Nothing in February reaches 31 March a month later: the window starts on 1 March.
        (dt.date(2026, 3, 31), 1, dt.date(2026, 3, 1)),
        (dt.date(2026, 4, 30), 2, dt.date(2026, 3, 1)),
    ],
)
def test_the_oldest_report_an_application_can_rely_on_follows_month_end_clamping(
    on: dt.date, months: int, earliest: dt.date
) -> None:
    assert earliest_report(on, months) == earliest
