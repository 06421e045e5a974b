"""Property: whatever is posted to the letter form (including the download and change buttons,
and with or without a tracked case), the response is never a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.public.information.forms import FAILINGS, POSTED_NAMES
from tests.public.information.helpers import track

pytestmark = pytest.mark.django_db

values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        ["", "1", "31", "13", "2026", "Feb", "pdf", "docx", "yes", "\x00", "\x0b", "x" * 6000]
    ),
    st.sampled_from([code for code, _label in FAILINGS]),
)
posts = st.dictionaries(
    st.one_of(st.sampled_from([*POSTED_NAMES, "download", "change"]), st.text(max_size=10)),
    st.one_of(values, st.lists(values, max_size=4)),
    max_size=12,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=posts, tracked=st.booleans(), complete=st.booleans())
def test_no_post_to_the_letter_form_is_a_server_error(
    area, tracked_case, in_march, data, tracked, complete
):
    client = Client()
    if tracked:
        track(client, tracked_case)
    if complete:
        # Valid answers underneath, so that the arbitrary fields reach the letter and its files.
        data = {"name": "Sam", "contact": "sam@example.test", "details": "Noise.", **data}
    response = client.post(reverse("public:commissioner_letter", args=[area.slug]), data)
    assert response.status_code < 500
