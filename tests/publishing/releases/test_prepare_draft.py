"""An administrator prepares a draft of a period's statistics from the case history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.periods import Period
from casereview.publishing.releases.services import ReleaseRefused, prepare_draft
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY, applications
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db


def test_a_draft_holds_the_figures_computed_for_the_period(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 3, received_on=dt.date(2025, 6, 2))
    applications(area, coordinator, 1, received_on=dt.date(2026, 4, 1))

    with on(AFTER_YEAR_END):
        draft = prepare_draft(area, FY, by=area_admin)

    assert draft.status == ReleaseStatus.DRAFT
    assert draft.revision == 1
    assert draft.period_slug == "2025-26"
    assert (draft.period_start, draft.period_end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert draft.figures["statutory"]["applications"] == 3
    assert draft.prepared_by == area_admin
    assert draft.suppression_threshold == 5
    assert draft.document == {}


def test_preparing_again_refreshes_the_one_draft(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 2, received_on=dt.date(2025, 6, 2))
    with on(AFTER_YEAR_END):
        first = prepare_draft(area, FY, by=area_admin)
    applications(area, coordinator, 1, received_on=dt.date(2025, 7, 1))

    with on(AFTER_YEAR_END + dt.timedelta(days=3)):
        again = prepare_draft(area, FY, by=None)

    assert again.pk == first.pk
    assert again.figures["statutory"]["applications"] == 3
    assert again.prepared_by is None
    assert Release.objects.filter(area=area).count() == 1


def test_a_period_that_has_not_started_is_refused(area: Area, area_admin: User) -> None:
    with on(AFTER_YEAR_END), pytest.raises(ReleaseRefused, match="has not started yet"):
        prepare_draft(area, Period.quarter_of(2026, 2), by=area_admin)

    assert not Release.objects.exists()


def test_the_current_period_may_be_prepared_before_it_ends(area: Area, area_admin: User) -> None:
    with on(AFTER_YEAR_END):
        draft = prepare_draft(area, Period.quarter_of(2026, 1), by=area_admin)

    assert draft.period_slug == "2026-27-q1"


@pytest.mark.parametrize("who", ["coordinator", "read_only", "outsider"])
def test_only_an_administrator_of_the_area_prepares_a_draft(
    request: pytest.FixtureRequest, area: Area, who: str
) -> None:
    user = request.getfixturevalue(who)

    with on(AFTER_YEAR_END), pytest.raises(PermissionDenied):
        prepare_draft(area, FY, by=user)

    assert not Release.objects.exists()
