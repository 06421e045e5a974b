"""Applications the Case Review does not cover are signposted elsewhere at the start, with the
reason, where to go instead, a way to change the answer and the council's contact details."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from django.urls import reverse

from casereview.areas.models import Area, Nation
from casereview.rules import REFERENCE_PROCEDURE, Exclusion
from tests.factories import make_area, make_policy
from tests.public.apply.helpers import answer, page_url, start

pytestmark = pytest.mark.usefixtures("in_march")


@pytest.mark.parametrize(
    ("reason", "where_instead"),
    [
        ("court_decision", "Citizens Advice"),
        ("cps_decision", "Right to Review scheme"),
        ("officer_conduct", "Independent Office for Police Conduct"),
        ("service_complaint_only", "Local Government and Social Care Ombudsman"),
        ("anonymous_applicant", "kept confidential"),
    ],
)
def test_each_reason_says_where_to_go_instead(area: Area, reason: str, where_instead: str) -> None:
    client = Client()
    start(client, area)

    response = answer(client, area, "screening", {"about": reason})

    signpost = reverse("public:apply_not_covered", kwargs={"slug": area.slug})
    assert response["Location"] == signpost
    page = client.get(signpost).content.decode()
    assert where_instead in page
    assert page_url(area, "screening") in page
    assert "community.safety@eastherts.gov.uk" in page


def test_a_service_complaint_in_wales_goes_to_the_welsh_ombudsman(db: None) -> None:
    wales = make_area("Ceredigion", nation=Nation.WALES, contact_phone="01545 570881")
    make_policy(wales)
    client = Client()
    start(client, wales)

    answer(client, wales, "screening", {"about": "service_complaint_only"})
    page = client.get(
        reverse("public:apply_not_covered", kwargs={"slug": wales.slug})
    ).content.decode()

    assert "Public Services Ombudsman for Wales" in page
    assert "Local Government and Social Care Ombudsman" not in page


def test_nothing_after_the_screening_can_be_reached(area: Area) -> None:
    client = Client()
    start(client, area)
    answer(client, area, "screening", {"about": "court_decision"})

    response = client.get(page_url(area, "who"))

    assert response["Location"] == reverse("public:apply_not_covered", kwargs={"slug": area.slug})


def test_only_the_exclusions_of_the_areas_policy_are_offered(db: None) -> None:
    only_court = make_area("Courtshire")
    make_policy(only_court, replace(REFERENCE_PROCEDURE, exclusions=(Exclusion.COURT_DECISION,)))
    client = Client()
    start(client, only_court)

    page = client.get(page_url(only_court, "screening")).content.decode()

    assert 'value="court_decision"' in page
    assert 'value="cps_decision"' not in page
    assert 'value="none"' in page


def test_an_area_excluding_nothing_starts_with_who_is_applying(db: None) -> None:
    open_area = make_area("Openshire")
    make_policy(open_area, replace(REFERENCE_PROCEDURE, exclusions=()))
    client = Client()

    response = client.post(reverse("public:apply", kwargs={"slug": open_area.slug}))

    assert response["Location"] == page_url(open_area, "who")
