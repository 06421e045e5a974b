"""The demo incident data gives every partner page something to show, through the real ingest
service: a proposed match of one occasion at two agencies (and of the victim known to both), a
second-report prompt, and a person on the repeat-victim list; running it again changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.areas.models import Area
from casereview.partners.demo import seed_demo_incidents
from casereview.partners.duties.repeat_victims import repeat_victims
from casereview.partners.models import (
    Incident,
    IncidentLink,
    LinkStatus,
    SecondReportPrompt,
    VictimLink,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 16)


def test_the_demo_data_shows_a_match_a_second_report_and_a_repeat_victim(
    area: Area, in_march: None
) -> None:
    result = seed_demo_incidents(area, today=TODAY)

    assert result.created == 6
    assert IncidentLink.objects.filter(area=area, status=LinkStatus.PROPOSED).count() == 1
    assert VictimLink.objects.filter(area=area, status=LinkStatus.PROPOSED).count() == 1
    # Jordan reported more than once within six months too.
    prompts = SecondReportPrompt.objects.filter(area=area)
    assert sorted(prompt.victim.name for prompt in prompts) == ["Alex Demo", "Jordan Sample"]
    assert [row.name for row in repeat_victims(area, on=TODAY)] == ["Jordan Sample"]


def test_running_it_again_the_same_day_changes_nothing(area: Area, in_march: None) -> None:
    seed_demo_incidents(area, today=TODAY)

    again = seed_demo_incidents(area, today=TODAY)

    assert (again.created, again.unchanged) == (0, 6)
    assert Incident.objects.filter(area=area).count() == 6
    assert SecondReportPrompt.objects.filter(area=area).count() == 2
