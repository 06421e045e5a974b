"""The dashboard's bucket counts (overdue, due today, due this week, and all) are taken in SQL
around the cases' own query: they must equal what each case's urgency says, day by day across
Christmas, for every filter, and be nought for someone who sees no area."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import time_machine

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases import dashboard
from casereview.cases.services import case_acknowledge, case_request_information
from tests.cases.helpers import at, receive
from tests.cases.views.pages import someone
from tests.factories import make_user


def _open_some_cases(area: Area, by: User) -> None:
    """Cases received on different days, some acknowledged, one waiting for information: their
    next deadlines fall before, on and after the days counted below."""
    for number, day in enumerate((14, 16, 18, 21, 22)):
        with time_machine.travel(at(2026, 12, day), tick=False):
            case = receive(area, by, victim=someone(number, f"Person {number}"))
            if number % 2:
                case = case_acknowledge(case, by=by, on=dt.date(2026, 12, day))
            if number == 3:
                case_request_information(case, by=by, on=dt.date(2026, 12, day))


def _by_urgency(user: User, filters: dashboard.Filters, today: dt.date) -> tuple[Counter[str], int]:
    """Each case's urgency worked out one by one, as the table's rows show it."""
    codes: Counter[str] = Counter()
    cases = list(dashboard.base_cases(user, filters).select_related("area"))
    for case in cases:
        next_due = getattr(case, "next_due", None)
        codes[dashboard.urgency_of(next_due, today, case.area.nation).code] += 1
    return codes, len(cases)


def test_the_counts_equal_each_cases_urgency_on_every_day_and_filter(
    area: Area, coordinator: User
) -> None:
    _open_some_cases(area, coordinator)
    seen: Counter[str] = Counter()

    for filters in (
        dashboard.Filters(),
        dashboard.Filters(status=dashboard.STATUS_ANY),
        dashboard.Filters(show=dashboard.SHOW_MINE),
        dashboard.Filters(q="Person 3"),
    ):
        for offset in range(0, 40, 2):
            today = dt.date(2026, 12, 10) + dt.timedelta(days=offset)
            counts, total = dashboard.bucket_counts(
                dashboard.base_cases(coordinator, filters), today
            )
            codes, expected_total = _by_urgency(coordinator, filters, today)

            assert total == expected_total, (filters, today)
            assert counts == {due: codes[due] for due in dashboard.BUCKETS}, (filters, today)
            seen.update(due for due in dashboard.BUCKETS if counts[due])

    # The days chosen put cases in every bucket at some point.
    assert set(seen) == set(dashboard.BUCKETS)


def test_someone_who_sees_no_area_counts_nothing(area: Area, coordinator: User) -> None:
    _open_some_cases(area, coordinator)
    stranger = make_user("stranger@elsewhere.test")  # no membership: no area

    counts, total = dashboard.bucket_counts(
        dashboard.base_cases(stranger, dashboard.Filters()), dt.date(2026, 12, 22)
    )

    assert (counts, total) == (dict.fromkeys(dashboard.BUCKETS, 0), 0)
