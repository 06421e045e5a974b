"""The fixes benchmark 4 made (bench/fixes/b4.toml), as query counts, not timings: a staff page
reads the signed-in person's roles for its navigation once, and the case page reads the case's
meetings once (its action buttons use the latest of them rather than asking again)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.cases.views.pages import case_page
from tests.reviews.helpers import held

pytestmark = pytest.mark.usefixtures("before_christmas")

ROLES_QUERY = 'SELECT "accounts_membership"."role" AS "role" FROM "accounts_membership"'
MEETINGS_QUERY = 'SELECT "reviews_meeting"."id"'


def _count(queries: CaptureQueriesContext, start: str, unless: str = "\0") -> int:
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith(start) and unless not in query["sql"]
    )


def test_the_dashboard_reads_the_roles_for_its_navigation_once(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/staff/cases/")

    assert response.status_code == 200
    assert _count(queries, ROLES_QUERY) == 1


def test_the_case_page_reads_the_meetings_once_and_still_offers_the_review_steps(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = held(area, coordinator)
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_page(case))

    assert response.status_code == 200
    # The appeal windows look for the last meeting held, which is another question.
    assert _count(queries, MEETINGS_QUERY, unless='"held_on" IS NULL') == 1
    assert _count(queries, ROLES_QUERY) == 1
    # The buttons that depend on the latest meeting are still there.
    shown = response.content.decode()
    assert "Correct the record of the meeting" in shown
    assert "Send the minutes to the panel" in shown
