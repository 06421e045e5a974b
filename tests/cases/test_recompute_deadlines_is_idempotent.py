"""Recomputing a case's deadlines twice changes nothing; a changed case changes only its rows."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.cases.deadlines import recompute_deadlines
from casereview.cases.models import Deadline, DeadlineKind
from tests.cases.helpers import gathering

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def snapshot(case):
    return sorted(
        Deadline.objects.filter(case=case).values_list(
            "pk", "kind", "information_request", "start_on", "due_on", "met_on", "explanation"
        ),
        key=lambda row: row[0],
    )


def test_recomputing_an_unchanged_case_changes_nothing(area, coordinator):
    case = gathering(area, coordinator)
    before = snapshot(case)

    first = recompute_deadlines(case)
    second = recompute_deadlines(case)

    assert not first.changed
    assert not second.changed
    assert snapshot(case) == before


def test_stray_and_stale_rows_are_put_right(area, coordinator):
    case = gathering(area, coordinator)
    Deadline.objects.filter(case=case, kind=DeadlineKind.ACKNOWLEDGE).update(met_on=None)
    Deadline.objects.filter(case=case, kind=DeadlineKind.DECISION).delete()
    Deadline.objects.create(
        case=case,
        kind=DeadlineKind.VICTIM_CONTACT,
        start_on=dt.date(2026, 12, 21),
        due_on=dt.date(2026, 12, 22),
    )

    result = recompute_deadlines(case)

    assert (result.created, result.updated, result.deleted) == (1, 1, 1)
    assert not recompute_deadlines(case).changed
    assert case.deadlines.get(kind=DeadlineKind.ACKNOWLEDGE).met_on == dt.date(2026, 12, 21)
