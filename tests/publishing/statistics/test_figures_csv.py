"""Every figure of a period as CSV (key, label, value), for the area's own use."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.figures import BREAKDOWNS, INTERNAL_DEFINITIONS, STATUTORY_KEYS
from tests.publishing.statistics.helpers import on, someone
from tests.reviews.helpers import held

pytestmark = pytest.mark.django_db


def test_the_csv_holds_every_figure_of_the_period(
    area: Area, read_only: User, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    address = reverse("publishing:statistics-csv", kwargs={"slug": area.slug})
    with on(dt.date(2026, 5, 4)):
        held(area, coordinator, victim=someone())
        response = staff_client(read_only).get(address, {"kind": "financial_year", "year": "2026"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "east-hertfordshire-figures-2026-27.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["key", "label", "value"]
    values = {key: value for key, _label, value in rows[1:]}
    expected = [
        *STATUTORY_KEYS,
        *(f"{name}.{code}" for name, codes in BREAKDOWNS.items() for code in codes),
        *(d.key for d in INTERNAL_DEFINITIONS),
    ]
    assert [row[0] for row in rows[1:]] == expected
    assert values["applications"] == "1"
    assert values["reviews_with_recommendations"] == "1"
    assert values["channel.phone"] == "1"
    assert values["median_working_days_to_outcome"] == ""
    assert values["median_working_days_to_decision"] == "0.0"


def test_a_bad_period_gets_the_page_with_the_error(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    address = reverse("publishing:statistics-csv", kwargs={"slug": area.slug})

    response = staff_client(coordinator).get(address, {"kind": "quarter", "year": "2025"})

    assert response["Content-Type"].startswith("text/html")
    assert "Choose the quarter." in response.content.decode()
