"""Property: whatever is posted to the form asking for a link, and whatever token is put in a
tracking link, the answer is never a server error."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.public import links
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db

values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["EHE-2026-0001", "ehe 2026 0001", "sam@example.test", "@", "\x00", "٣"]),
)
posts = st.dictionaries(
    st.one_of(st.sampled_from(["reference", "email", "csrfmiddlewaretoken"]), st.text(max_size=10)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=6,
)
relaxed = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def case(area, coordinator, in_march):
    # Fixtures run once for all the examples of a test: one case, there to be matched.
    return receive(area, coordinator)


@relaxed
@given(data=posts)
def test_no_post_or_get_to_the_start_page_is_a_server_error(case, data):
    client = Client()

    assert client.post(reverse("public:track_start"), data).status_code < 500
    assert client.get(reverse("public:track_start"), data).status_code < 500


def tokens(genuine: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(min_size=1, max_size=300),
        st.builds(
            lambda cut, extra: genuine[:cut] + extra,
            st.integers(0, len(genuine)),
            st.text(max_size=20),
        ),
        st.just(genuine + ":" + genuine),
    )


@relaxed
@given(data=st.data())
def test_no_token_in_a_tracking_link_is_a_server_error(case, data):
    token = data.draw(tokens(links.tracking_token(case, case.victim_email)))

    response = Client().get("/track/open/" + quote(token, safe="") + "/")

    assert response.status_code < 500
