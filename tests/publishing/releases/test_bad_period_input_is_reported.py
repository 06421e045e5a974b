"""Bad input on the form preparing a draft: an error summary naming the field, what was typed
kept, no draft made."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release
from tests.publishing.releases.helpers import AFTER_YEAR_END
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"kind": "financial_year", "year": "twenty"}, "Enter the year as a number, like 2025."),
        ({"kind": "financial_year", "year": ""}, "Enter the year the period starts in."),
        ({"year": "2025"}, "Choose the kind of period."),
        ({"kind": "fortnight", "year": "2025"}, "Select a valid choice"),
        ({"kind": "quarter", "year": "2025"}, "Choose which quarter."),
        ({"kind": "calendar_year", "year": "2025", "quarter": "2"}, "Choose a quarter only when"),
        ({"kind": "financial_year", "year": "1999"}, "Enter a year from 2014 to 2999."),
        ({"kind": "financial_year", "year": "2027"}, "has not started yet"),
    ],
)
def test_each_bad_period_is_named_and_nothing_is_prepared(
    staff_client: Callable[[User], Client],
    area: Area,
    area_admin: User,
    posted: dict[str, str],
    message: str,
) -> None:
    with on(AFTER_YEAR_END):
        response = staff_client(area_admin).post(
            reverse("publishing:release-prepare", kwargs={"slug": area.slug}), posted
        )

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert message in html
    if posted.get("year"):
        assert f'value="{posted["year"]}"' in html
    assert not Release.objects.exists()
