"""Releases in tests: applications received through the real services, drafts prepared and
published through the release services, on frozen days."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.publishing.models import Release
from casereview.publishing.periods import Period
from casereview.publishing.releases.services import prepare_draft, publish_release
from tests.cases.helpers import receive
from tests.publishing.statistics.helpers import on, someone

FY = Period.financial_year(2025)
# A working day after the financial year 2025-26 ended.
AFTER_YEAR_END = dt.date(2026, 5, 1)


def applications(
    area: Area, by: User, count: int, *, received_on: dt.date, channel: str = "phone"
) -> list[Case]:
    """``count`` applications from different victims, received on one day (entered on
    AFTER_YEAR_END unless that is before it)."""
    with on(max(received_on, AFTER_YEAR_END)):
        return [
            receive(area, by, received_on=received_on, victim=someone(), channel=channel)
            for _ in range(count)
        ]


def published(
    area: Area, by: User, period: Period = FY, *, note: str = "", on_day: dt.date = AFTER_YEAR_END
) -> Release:
    """A release of ``period`` prepared and published on ``on_day``."""
    with on(on_day):
        return publish_release(prepare_draft(area, period, by=by), by=by, note=note)
