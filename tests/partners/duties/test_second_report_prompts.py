"""A victim's second ASB report within six months raises a prompt to explain the Case Review
(statutory guidance, 2025), once, and only for a second report about another occasion."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.areas.models import AgencyKind, Area
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.models import SecondReportPrompt
from tests.cases.helpers import agency_of, receive, victim
from tests.partners.duties.helpers import incident, same_occasion, same_person, victim_record

pytestmark = pytest.mark.usefixtures("in_march")  # today is Monday 16 March 2026


def test_a_second_report_within_six_months_raises_a_prompt(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    first = incident(area, area.police_force, sam, dt.date(2026, 1, 10))
    second = incident(area, area.police_force, sam, dt.date(2026, 3, 2))

    raise_second_report_prompts([first, second])

    prompt = SecondReportPrompt.objects.get()
    assert (prompt.victim, prompt.earlier_incident, prompt.second_incident) == (sam, first, second)
    assert prompt.raised_on == dt.date(2026, 3, 16)
    assert prompt.explained_on is None


def test_a_report_exactly_six_months_after_the_first_is_within_six_months(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    first = incident(area, area.police_force, sam, dt.date(2025, 9, 16))
    second = incident(area, area.police_force, sam, dt.date(2026, 3, 16))

    raise_second_report_prompts([second])

    assert SecondReportPrompt.objects.get().earlier_incident == first


def test_a_report_six_months_and_a_day_after_the_first_raises_nothing(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    incident(area, area.police_force, sam, dt.date(2025, 9, 15))
    second = incident(area, area.police_force, sam, dt.date(2026, 3, 16))

    raise_second_report_prompts([second])

    assert not SecondReportPrompt.objects.exists()


def test_a_report_seven_months_after_the_first_raises_nothing(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    first = incident(area, area.police_force, sam, dt.date(2025, 8, 1))
    second = incident(area, area.police_force, sam, dt.date(2026, 3, 1))

    raise_second_report_prompts([first, second])

    assert not SecondReportPrompt.objects.exists()


def test_one_occasion_reported_to_two_agencies_is_not_a_second_report(area: Area) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    at_police = victim_record(area, area.police_force)
    at_housing = victim_record(area, housing)
    same_person(at_police, at_housing)
    told_police = incident(area, area.police_force, at_police, dt.date(2026, 3, 1))
    told_housing = incident(area, housing, at_housing, dt.date(2026, 3, 1), dt.date(2026, 3, 3))
    same_occasion(told_police, told_housing)

    raise_second_report_prompts([told_police, told_housing])

    assert not SecondReportPrompt.objects.exists()


def test_reports_to_two_agencies_count_only_once_the_victims_are_confirmed_the_same_person(
    area: Area,
) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    at_police = victim_record(area, area.police_force)
    at_housing = victim_record(area, housing)
    first = incident(area, area.police_force, at_police, dt.date(2026, 1, 5))
    second = incident(area, housing, at_housing, dt.date(2026, 2, 20))

    raise_second_report_prompts([first, second])
    assert not SecondReportPrompt.objects.exists()

    same_person(at_police, at_housing)  # as confirming the victims' match does
    raise_second_report_prompts([first, second])

    prompt = SecondReportPrompt.objects.get()
    assert (prompt.earlier_incident, prompt.second_incident, prompt.victim) == (
        first,
        second,
        at_housing,
    )


def test_the_same_second_report_is_never_prompted_twice(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    first = incident(area, area.police_force, sam, dt.date(2026, 1, 10))
    second = incident(area, area.police_force, sam, dt.date(2026, 2, 10))

    raise_second_report_prompts([first, second])
    raise_second_report_prompts([first, second])
    raise_second_report_prompts([second])

    assert SecondReportPrompt.objects.count() == 1


def test_a_third_report_soon_after_a_prompt_raises_no_other(area: Area) -> None:
    sam = victim_record(area, area.police_force)
    incident(area, area.police_force, sam, dt.date(2026, 1, 10))
    second = incident(area, area.police_force, sam, dt.date(2026, 2, 10))
    raise_second_report_prompts([second])

    third = incident(area, area.police_force, sam, dt.date(2026, 3, 12))
    raise_second_report_prompts([third])

    assert list(SecondReportPrompt.objects.values_list("second_incident", flat=True)) == [second.pk]


def test_an_earlier_report_arriving_after_the_later_one_still_raises_the_prompt(
    area: Area,
) -> None:
    sam = victim_record(area, area.police_force)
    later = incident(area, area.police_force, sam, dt.date(2026, 3, 1))
    raise_second_report_prompts([later])
    assert not SecondReportPrompt.objects.exists()

    earlier = incident(area, area.police_force, sam, dt.date(2026, 1, 20))
    raise_second_report_prompts([earlier])

    prompt = SecondReportPrompt.objects.get()
    assert (prompt.earlier_incident, prompt.second_incident) == (earlier, later)


def test_a_victim_with_an_open_application_is_not_prompted(area: Area, coordinator) -> None:
    receive(area, coordinator, victim=victim("Sam Victim", postcode="SG14 1AB"))
    sam = victim_record(area, area.police_force, "sam  VICTIM", postcode="sg141ab")
    first = incident(area, area.police_force, sam, dt.date(2026, 1, 10))
    second = incident(area, area.police_force, sam, dt.date(2026, 2, 10))

    raise_second_report_prompts([first, second])

    assert not SecondReportPrompt.objects.exists()


def test_incidents_without_a_victim_raise_nothing(area: Area) -> None:
    first = incident(area, area.police_force, None, dt.date(2026, 1, 10))
    second = incident(area, area.police_force, None, dt.date(2026, 2, 10))

    raise_second_report_prompts([first, second])

    assert not SecondReportPrompt.objects.exists()
