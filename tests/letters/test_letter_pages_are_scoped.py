"""Another area's letters do not exist for a person: every letter URL answers 404, as its case's
pages do, and a letter is only found under its own case."""

import pytest

from tests.cases.helpers import victim
from tests.letters.helpers import letter_urls, posted_ct1


@pytest.mark.parametrize("name", ["letter", "pdf", "docx"])
def test_another_areas_coordinator_gets_404_reading(
    name, area, coordinator, outsider, staff_client
):
    letter = posted_ct1(area, coordinator)

    client = staff_client(outsider)

    assert client.get(letter_urls(letter)[name]).status_code == 404
    # Not even a "method not allowed" hints that the letter exists.
    assert client.post(letter_urls(letter)[name]).status_code == 404


@pytest.mark.parametrize("name", ["mark-posted", "resend"])
def test_another_areas_coordinator_gets_404_changing(
    name, area, coordinator, outsider, staff_client
):
    letter = posted_ct1(area, coordinator)

    response = staff_client(outsider).post(letter_urls(letter)[name])

    assert response.status_code == 404
    letter.refresh_from_db()
    assert letter.posted_on is None


def test_a_letter_is_not_found_under_another_case(area, coordinator, staff_client):
    letter = posted_ct1(area, coordinator)
    other = posted_ct1(
        area,
        coordinator,
        victim=victim("Kim Other", postcode="SG13 8EQ", email="kim@example.test", phone="01279 1"),
    )
    url = letter_urls(letter)["pdf"].replace(letter.case.reference, other.case.reference)

    response = staff_client(coordinator).get(url)

    assert response.status_code == 404


def test_an_agency_representative_gets_404_for_now(area, coordinator, agency_rep, staff_client):
    """Agency representatives see no cases until a later issue grants them some."""
    letter = posted_ct1(area, coordinator)

    response = staff_client(agency_rep).get(letter_urls(letter)["letter"])

    assert response.status_code == 404
