"""The second-report duty runs the same statements however many people it concerns: its reads
are one query each, and its prompts one INSERT (per thousand), not one statement a prompt."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casereview.areas.models import Area
from casereview.partners.duties import second_report
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.models import Incident, SecondReportPrompt
from tests.partners.duties.helpers import incident, victim_record

pytestmark = pytest.mark.usefixtures("in_march")  # today is Monday 16 March 2026


def second_reports(area: Area, people: int) -> list[Incident]:
    """Two reports a month apart by each of ``people`` victims."""
    incidents = []
    for number in range(people):
        person = victim_record(area, area.police_force, f"Victim {number}", postcode="SG14 1AB")
        incidents.append(incident(area, area.police_force, person, dt.date(2026, 1, 10)))
        incidents.append(incident(area, area.police_force, person, dt.date(2026, 2, 10)))
    return incidents


def statements_raising(incidents: list[Incident]) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        raise_second_report_prompts(incidents)
    return [query["sql"] for query in queries.captured_queries]


def test_prompts_for_many_people_take_the_statements_prompts_for_one_take(area: Area) -> None:
    one = statements_raising(second_reports(area, 1))
    many = statements_raising(second_reports(area, 25))

    assert len(many) == len(one)
    inserts = [sql for sql in many if sql.startswith('INSERT INTO "partners_secondreportprompt"')]
    assert len(inserts) == 1
    assert SecondReportPrompt.objects.count() == 26


def test_past_a_thousand_prompts_each_thousand_is_one_insert(
    area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two prompts an INSERT stand for a thousand, so that the test needs five people, not 2,001.
    monkeypatch.setattr(second_report, "_PROMPTS_PER_INSERT", 2)
    incidents = second_reports(area, 5)

    statements = statements_raising(incidents)

    inserts = [s for s in statements if s.startswith('INSERT INTO "partners_secondreportprompt"')]
    assert len(inserts) == 3
    assert sorted(SecondReportPrompt.objects.values_list("second_incident_id", flat=True)) == [
        i.pk for i in incidents[1::2]
    ]
    raised = SecondReportPrompt.objects.values_list(
        "raised_on", "explained_on", "explained_how", "explained_by_id", "note"
    )
    assert set(raised) == {(dt.date(2026, 3, 16), None, "", None, "")}


def test_raising_the_prompts_again_inserts_nothing_more(area: Area) -> None:
    incidents = second_reports(area, 3)
    raise_second_report_prompts(incidents)
    before = list(SecondReportPrompt.objects.order_by("pk").values_list("pk", "second_incident"))

    statements = statements_raising(incidents)

    assert not any(s.startswith("INSERT") for s in statements)
    assert list(SecondReportPrompt.objects.order_by("pk").values_list("pk", "second_incident")) == (
        before
    )
