"""A Welsh case's tracking link opens the action pages in Welsh, errors included."""

from __future__ import annotations

import pytest

from tests.cases.helpers import victim
from tests.public.victim.helpers import ACTION_URLS, text_of, tracking
from tests.reviews.helpers import met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_the_involvement_page_and_its_errors_are_in_welsh(area, coordinator):
    case = met_case(area, coordinator, victim=victim(language="cy"))

    response = tracking(case).post(ACTION_URLS["victim_involvement"], {})

    page = text_of(response)
    assert 'lang="cy"' in page
    assert "Mae problem wedi codi" in page
