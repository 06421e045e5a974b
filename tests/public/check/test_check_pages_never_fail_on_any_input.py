"""Property: whatever is posted to any page of the check, with or without answers already in
the session, the response is never a server error."""

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.public.check.answers import SESSION_KEY
from tests.public.check.helpers import POLICE, body, check_url

pytestmark = pytest.mark.django_db

PAGES = ("check", "check_complaints", "check_application_date", "check_result", "check_forget")
FIELD_NAMES = [
    "complaint_rows",
    "add",
    "remove",
    "apply_on-day",
    "apply_on-month",
    "apply_on-year",
    *(
        f"complaint_{n}_{part}"
        for n in (0, 1, 2, 30, 31)
        for part in (
            "happened-day",
            "happened-month",
            "happened-year",
            "reported-day",
            "reported-month",
            "reported-year",
            "body",
            "diary_sheet",
        )
    ),
]
values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["1", "2", "30", "31", "0", "-1", "²", "٣", "2026", "Feb", "someone-else"]),
)
posts = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=12,
)


def answered(area) -> dict[str, Any]:
    return {
        "slug": area.slug,
        "complaints": [
            {"happened": "2026-03-01", "reported": "2026-03-02", "body": body(area, POLICE)}
        ],
        "apply_on": "2026-03-16",
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(page=st.sampled_from(PAGES), data=posts, with_answers=st.booleans())
def test_no_post_to_a_check_page_is_a_server_error(area, in_march, page, data, with_answers):
    client = Client()
    if with_answers:
        session = client.session
        session[SESSION_KEY] = answered(area)
        session.save()
    response = client.post(check_url(page, area), data)
    assert response.status_code < 500
    response = client.get(check_url(page, area), data)
    assert response.status_code < 500
