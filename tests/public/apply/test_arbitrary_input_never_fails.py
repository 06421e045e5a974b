"""Whatever is posted to any page of the application (text, dates, junk keys, huge strings),
the answer is a page or a redirect, never a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.areas.models import Area
from casereview.public.apply.flow import QUESTIONS
from tests.public.apply.helpers import answer_all, check_url, for_myself, page_url, start

pytestmark = pytest.mark.usefixtures("in_march")

FIELD_NAMES = [
    "about", "who", "applicant_name", "applicant_relationship", "applicant_email",
    "consent", "consent_given_on-day", "consent_given_on-month", "consent_given_on-year",
    "victim_kind", "victim_name", "victim_postcode", "victim_email", "victim_phone",
    "asb_description", "complaint_rows", "complaint_1_agency", "complaint_1_behaviour_on-day",
    "complaint_1_behaviour_on-month", "complaint_1_behaviour_on-year", "complaint_2_reference",
    "remove_complaint", "add_complaint", "save_for_later", "change", "preferred_contact",
    "language", "declaration", "website", "applied_before",
]  # fmt: skip

values = st.one_of(
    st.text(max_size=40),
    st.text(min_size=5_000, max_size=30_000, alphabet="ab \n"),
    st.sampled_from(["", "0", "-1", "31", "2026", "99999999999", "myself", "someone_else",
                     "none", "yes", "no", "cy", "email", "person", "1", "30", "true"]),
)  # fmt: skip
posts = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=20)),
    values,
    max_size=12,
)
SLUGS = [question.slug for question in QUESTIONS]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(slug=st.sampled_from([*SLUGS, "check"]), data=posts)
def test_no_post_to_a_question_or_the_check_page_fails(
    area: Area, slug: str, data: dict[str, Any]
) -> None:
    client = Client(raise_request_exception=False)
    start(client, area)
    answer_all(client, area, for_myself(area))
    url = check_url(area) if slug == "check" else page_url(area, slug)

    response = client.post(url, data)

    assert response.status_code < 500
    # And the page it leads to opens too.
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code < 500
