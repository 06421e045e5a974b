"""The decision page and the CT3 letter explain each complaint's verdict in plain English, from
the evaluation stored with the decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from casereview.cases.evaluation import evaluate_case
from casereview.cases.presenters import complaint_verdicts, result_summary
from casereview.cases.services import case_add_complaint
from tests.cases.helpers import confirm, gathering, stated, victim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_each_complaint_says_whether_it_counts_and_why_not(area, coordinator, police):
    case = gathering(area, coordinator)
    confirm(
        case,
        coordinator,
        [
            (dt.date(2026, 12, 1), dt.date(2026, 12, 1), "A"),
            # The same incident reported again the next day: one occasion counts once.
            (dt.date(2026, 12, 1), dt.date(2026, 12, 2), "A"),
            # Reported 40 days after the behaviour; the reference procedure allows 30.
            (dt.date(2026, 10, 20), dt.date(2026, 11, 29), "B"),
        ],
    )
    case_add_complaint(case, by=coordinator, complaint=stated(police, dt.date(2026, 12, 10)))

    verdicts = complaint_verdicts(case, evaluate_case(case).to_json(case))

    by_reported = {v.complaint.reported_on: v for v in verdicts}
    assert [v.number for v in verdicts] == [1, 2, 3, 4]
    late = by_reported[dt.date(2026, 11, 29)]
    assert (late.counts, late.verdict) == (False, "Does not count")
    assert late.reasons == (
        "It was reported on 29 November 2026, more than 30 days after the behaviour on "
        "20 October 2026; to count it had to be reported by 19 November 2026.",
    )
    first = by_reported[dt.date(2026, 12, 1)]
    assert (first.counts, first.verdict, first.reasons) == (True, "Counts", ())
    again = by_reported[dt.date(2026, 12, 2)]
    assert again.verdict == f"Same occasion as complaint {first.number}"
    assert f"same occasion as complaint {first.number}" in again.reasons[0]
    unconfirmed = by_reported[dt.date(2026, 12, 10)]
    assert (unconfirmed.evaluated, unconfirmed.counts) == (False, False)
    assert unconfirmed.verdict == "Not confirmed by the agency"


def test_the_summary_gives_the_count_the_threshold_and_the_outcome():
    assert result_summary({"qualifying_count": 1, "threshold": 3, "threshold_met": False}) == (
        "1 complaint counts towards a threshold of 3: the threshold is not met."
    )
    assert result_summary({"qualifying_count": 4, "threshold": 3, "threshold_met": True}) == (
        "4 complaints count towards a threshold of 3: the threshold is met."
    )


def test_a_welsh_reason_gives_the_reporting_window_in_welsh(area, coordinator):
    case = gathering(area, coordinator, victim=victim(language="cy"))
    confirm(case, coordinator, [(dt.date(2026, 10, 20), dt.date(2026, 11, 29), "B")])

    with translation.override("cy"):
        (late,) = complaint_verdicts(case, evaluate_case(case).to_json(case))

    assert "30 diwrnod" in late.reasons[0]
    assert "days" not in late.reasons[0]
