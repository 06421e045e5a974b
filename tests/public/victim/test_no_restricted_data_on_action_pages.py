"""Nothing restricted appears on any action page, in any stage of the review: not who is
alleged to be responsible, not the proportionality assessment, not the actions kept from the
victim."""

from __future__ import annotations

import pytest

from tests.public.victim.helpers import ACTION_URLS, text_of, tracking
from tests.reviews.helpers import (
    ALLEGED,
    ASSESSMENT_MARKER,
    HIDDEN_ACTION,
    consulting,
    held,
    met_case,
    scheduled,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


@pytest.mark.parametrize("build", [met_case, scheduled, held, consulting])
def test_no_action_page_shows_restricted_data(area, coordinator, build):
    case = build(area, coordinator)
    browser = tracking(case)

    for url in ACTION_URLS.values():
        page = text_of(browser.get(url))
        assert ALLEGED not in page, url
        assert ASSESSMENT_MARKER not in page, url
        assert HIDDEN_ACTION not in page, url
