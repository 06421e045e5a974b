"""The victim's action pages as a person reaches them: through a tracking link opened in a
browser session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from casereview.cases.models import Case
from casereview.public import links

if TYPE_CHECKING:
    # Only in django-stubs: the test client's response, with the request it answered.
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

ACTION_URLS = {
    name: reverse(f"public:{name}")
    for name in (
        "victim_involvement",
        "victim_statement",
        "victim_comment",
        "victim_appeal",
        "victim_withdraw",
    )
}


def tracking(case: Case, email: str | None = None) -> Client:
    """A browser that has opened a tracking link of ``case`` (the victim's by default)."""
    client = Client()
    token = links.tracking_token(case, email or case.victim_email)
    response = client.get(reverse("public:track_open", kwargs={"token": token}))
    assert response.status_code == 302
    return client


def success_messages(response: Response) -> list[str]:
    request = response.wsgi_request
    return [str(m) for m in get_messages(request) if m.level_tag == "success"]


def text_of(response: Response) -> str:
    return response.content.decode()
