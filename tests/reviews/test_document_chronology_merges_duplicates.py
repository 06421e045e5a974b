"""The chair's pack lists the complaints one row per incident or occasion, grouped as the rules
engine grouped them for the threshold: one incident reported to several agencies, or several
reports about the same day, is one row naming every agency it was reported to."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from docx import Document

from casereview.areas.models import AgencyKind
from casereview.cases.services import case_decide_threshold
from casereview.reviews.documents import chronology, render_document
from casereview.reviews.services import review_schedule_meeting
from tests.cases.helpers import confirm, gathering
from tests.reviews.helpers import meeting_plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

POLICE = "Hertfordshire Constabulary"
COUNCIL = "East Hertfordshire Council"


def reported_twice(area, by):
    """Three occasions: one incident (a shared key) and one day (no key) each reported to the
    police and to the council, and one more reported to the police only."""
    case = gathering(area, by)
    today = timezone.localdate()
    first, second, third = (today - dt.timedelta(days=n) for n in (10, 7, 3))
    confirm(case, by, [(first, first, "inc-1"), (second, second, ""), (third, third, "")])
    confirm(
        case,
        by,
        [(first, first + dt.timedelta(days=1), "inc-1"), (second, second, "")],
        kind=AgencyKind.COUNCIL,
    )
    return case_decide_threshold(
        case, by=by, on=today, route="threshold", met=True, reasons="Three occasions."
    )


def test_each_occasion_is_one_row_naming_every_agency_it_was_reported_to(area, coordinator):
    case = reported_twice(area, coordinator)

    occasions = chronology(case)

    assert case.complaints.count() == 5
    assert [o.behaviour_on for o in occasions] == [
        dt.date(2026, 12, 11),
        dt.date(2026, 12, 14),
        dt.date(2026, 12, 18),
    ]
    assert [sorted(o.agencies) for o in occasions] == [
        sorted([POLICE, COUNCIL]),
        sorted([POLICE, COUNCIL]),
        [POLICE],
    ]
    assert all(o.counted for o in occasions)


def test_the_packs_chronology_table_has_one_row_per_occasion(area, coordinator):
    case = reported_twice(area, coordinator)

    case = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).case

    document = Document(io.BytesIO(render_document(case, "chairs-pack", "panel", "docx")))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Occasion"]
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [row[1] for row in rows] == ["11 December 2026", "14 December 2026", "18 December 2026"]
    assert POLICE in rows[0][2]
    assert COUNCIL in rows[0][2]
    assert "12 December 2026" in rows[0][2]  # the council was told the next day
    assert COUNCIL not in rows[2][2]
