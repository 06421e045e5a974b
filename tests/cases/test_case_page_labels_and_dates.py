"""What the case pages read once instead of per row (bench/fixes/b4.toml) gives what the slower
way gave: a choice's label by value is the model's get_<field>_display(), a kept date is the one
Django's dateformat writes, in the language active at the time, and the case page reads a
meeting's panel, recommendations and actions with their agencies by join, not extra queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import dateformat, translation

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case, Complaint
from casereview.cases.presenters import choice_labels
from casereview.core.formatting import govuk_date
from casereview.letters.models import Letter
from tests.cases.views.pages import case_page
from tests.reviews.helpers import monitoring

AGENCIES_BY_ID = 'FROM "areas_agency" WHERE "areas_agency"."id" IN'
RESPONSES = 'FROM "partners_informationresponse"'


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Letter, "kind"),
        (Letter, "recipient"),
        (Letter, "delivery"),
        (Letter, "status"),
        (Complaint, "kind"),
        (Case, "status"),
    ],
)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_choice_label_by_value_is_the_models_display(
    model: type[Letter | Complaint | Case], field: str, language: str
) -> None:
    with translation.override(language):
        labels = choice_labels(model, field)
        assert labels
        for value in labels:
            instance = model(**{field: value})
            assert labels[value] == getattr(instance, f"get_{field}_display")()


def test_a_kept_date_is_written_again_in_the_language_now_active() -> None:
    day = dt.date(2026, 1, 1)
    for language in ["en", "cy", "en", "cy"]:
        with translation.override(language):
            assert govuk_date(day) == dateformat.format(day, "j F Y")
    with translation.override("cy"):
        assert govuk_date(day) != "1 January 2026"
    with translation.override("en"):
        assert govuk_date(day) == "1 January 2026"


@pytest.mark.usefixtures("before_christmas")
def test_the_case_page_reads_the_meetings_agencies_by_join(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = monitoring(area, coordinator)
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_page(case))

    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    # The panel's, the recommendations' and the actions' agencies come with them, not by a
    # prefetch query each.
    assert [q for q in sql if AGENCIES_BY_ID in q] == []
    meeting = case.meetings.get()
    shown = response.content.decode()
    for member in meeting.panel.select_related("agency"):
        assert member.name in shown
    actions = list(meeting.actions.select_related("owner"))
    assert actions  # so that a prefetch of their owners would have been a query
    for action in actions:
        assert action.owner.name in shown
