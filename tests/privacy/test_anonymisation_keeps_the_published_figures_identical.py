"""Anonymising closed cases changes no figure: the statistics count the case rows, their dates,
states, decisions and codes, every event's step and date, the meetings, recommendations and
appeals, all of which anonymisation keeps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.privacy.models import Anonymisation
from casereview.privacy.services import apply_retention
from casereview.publishing.periods import Period
from casereview.publishing.statistics.compute import compute_figures_for_areas
from tests.privacy.helpers import closed_set
from tests.tasks import run_tasks

SEVEN_YEARS_ON = dt.date(2033, 6, 1)


def test_the_figures_are_identical_before_and_after_retention_anonymises_every_case(
    in_march: None,
    area: Area,
    coordinator: User,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        cases = closed_set(area, coordinator)
    run_tasks()
    periods = [Period.financial_year(2025), Period.financial_year(2026)]
    before = [compute_figures_for_areas([area.pk], period) for period in periods]
    # Something real is counted: a review with recommendations, a "not met", an appeal.
    statutory = before[0][area.pk].statutory
    assert statutory.applications == 5
    assert statutory.reviews_with_recommendations == 1
    assert statutory.threshold_not_met == 2

    outcome = apply_retention(SEVEN_YEARS_ON)

    after = [compute_figures_for_areas([area.pk], period) for period in periods]
    assert after == before

    assert sorted(outcome.cases) == sorted(
        c.reference
        for c in (
            cases.reviewed,
            cases.not_met_appealed,
            cases.not_met,
            cases.not_suitable,
            cases.withdrawn,
        )
    )
    assert Anonymisation.objects.count() == 5
    assert Case.objects.filter(area=area).count() == 5
