"""Property: whatever is posted to any of the victim's action pages, files included, in any
status of the case, the response is never a server error."""

from __future__ import annotations

import os
from itertools import count
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cases.helpers import victim
from tests.letters.helpers import decided_not_met
from tests.public.victim.helpers import ACTION_URLS, tracking
from tests.reviews.helpers import consulting, met_case

pytestmark = [pytest.mark.django_db]

FIELD_NAMES = [
    "choice",
    "advocate_name",
    "advocate_organisation",
    "advocate_contact",
    "support_needs",
    "statement",
    "text",
    "what_the_victim_says",
    "late_reason",
    "reason",
    "ground",
    "received_on",
]
values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "attend_in_person",
            "impact_statement",
            "advocate",
            "none",
            "online",
            " ",
            "\x00",
            "x" * 300,
        ]
    ),
)
files = st.builds(
    lambda name, data: SimpleUploadedFile(name, data),
    st.one_of(
        st.sampled_from(["s.pdf", "s.exe", "s", ".docx", "a" * 300 + ".txt"]),
        # Names a browser could send (the test client refuses to send no name at all).
        st.text(min_size=1, max_size=20).filter(
            lambda n: os.path.basename(n) not in {"", ".", ".."}
        ),
    ),
    st.binary(max_size=64),
)
posts = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=10)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=8,
)

BUILDERS = {"met": met_case, "consulting": consulting, "not_met": decided_not_met}
# Examples share the test's database: each builds a case for a different victim, so none is
# screened as a repeat of the one before.
numbers = count(1)


@pytest.mark.parametrize("stage", BUILDERS)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=st.sampled_from(list(ACTION_URLS.values())), data=posts, upload=st.none() | files)
def test_no_post_to_an_action_page_is_a_server_error(
    area, coordinator, in_march, stage, url, data, upload
):
    n = next(numbers)
    someone = victim(
        f"Victim {n}",
        email=f"victim{n}@example.test",
        phone=f"07700 9{n:05d}",
        postcode=f"SG{n % 99} {n % 9}AB",
        address=f"{n} High Street",
    )
    case = BUILDERS[stage](area, coordinator, victim=someone)
    posted: dict[str, Any] = dict(data)
    if upload is not None:
        posted["upload"] = upload

    response = tracking(case).post(url, posted)

    assert response.status_code < 500
