"""More cases than fit on a page are split into pages with GOV.UK pagination that keeps the
filters."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.dashboard import PAGE_SIZE
from tests.cases.helpers import receive
from tests.cases.views.pages import dashboard_url, main_text, someone

pytestmark = pytest.mark.usefixtures("in_march")


def test_the_second_page_holds_the_rest_and_links_keep_the_filters(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    references = [
        receive(area, coordinator, victim=someone(n)).reference for n in range(PAGE_SIZE + 2)
    ]

    first = coordinator_client.get(dashboard_url(show="all", q="EHE"))
    second = coordinator_client.get(dashboard_url(show="all", q="EHE", page="2"))

    page = first.content.decode()
    assert "govuk-pagination" in page
    assert "page=2" in page
    assert "q=EHE" in page
    on_first = [r for r in references if r in main_text(first)]
    on_second = [r for r in references if r in main_text(second)]
    assert len(on_first) == PAGE_SIZE
    assert len(on_second) == 2
    assert not set(on_first) & set(on_second)
