"""The fixes benchmark 4 made (bench/fixes/b4.toml), as query counts, not timings: a staff page
reads the signed-in person's memberships once (their scope, kept for the request, also gives the
navigation its roles), the dashboard counts its buckets and its list in one query, and the case
page reads the case's meetings once (its action buttons use the latest of them rather than
asking again) and its policy, decider and lead agency with the case."""

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

MEMBERSHIPS_QUERY = "SELECT"
MEMBERSHIPS_TABLE = 'FROM "accounts_membership"'
COUNT_QUERY = "SELECT COUNT("
MEETINGS_QUERY = 'SELECT "reviews_meeting"."id"'


def _count(queries: CaptureQueriesContext, start: str, unless: str = "\0", having: str = "") -> int:
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].lstrip().startswith(start)
        and unless not in query["sql"]
        and having in query["sql"]
    )


def _memberships(queries: CaptureQueriesContext) -> int:
    """Queries of the memberships table itself (not those using it in a subquery)."""
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].partition(" FROM ")[2].startswith(MEMBERSHIPS_TABLE.removeprefix("FROM "))
    )


def test_the_dashboard_reads_the_memberships_once_and_counts_in_one_query(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/staff/cases/?show=all")

    assert response.status_code == 200
    assert _memberships(queries) == 1
    # The three urgency buckets and the number of cases listed: one conditional count.
    assert _count(queries, COUNT_QUERY) == 1
    assert len(queries.captured_queries) <= 10  # 15 before (bench/fixes/b4.toml)


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
    assert _memberships(queries) == 1
    # The case's policy, decider and lead agency come with the case, not from the template.
    assert _count(queries, MEMBERSHIPS_QUERY, having='FROM "areas_areapolicy" WHERE') == 0
    # The buttons that depend on the latest meeting are still there.
    shown = response.content.decode()
    assert "Correct the record of the meeting" in shown
    assert "Send the minutes to the panel" in shown
