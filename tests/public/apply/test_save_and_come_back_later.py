"""Save and come back later: the answers are kept, a link arrives by e-mail (over SMTP), and it
reopens the application where it was left. A tampered or expired link is refused politely."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from casereview.areas.models import Area
from casereview.public import links
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import at
from tests.public.apply.helpers import (
    answer,
    answer_all,
    done_url,
    for_myself,
    page_url,
    start,
    submit,
)
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.usefixtures("in_march")


def _save_url(area: Area) -> str:
    return reverse("public:apply_save", kwargs={"slug": area.slug})


def _save_part_way(client: Client, area: Area) -> ApplicationDraft:
    draft = start(client, area)
    answer_all(client, area, for_myself(area)[:6])
    response = answer(
        client,
        area,
        "behaviour",
        {"asb_description": "Shouting at night", "save_for_later": "1"},
    )
    assert response["Location"].startswith(_save_url(area))
    return draft


def test_saving_keeps_the_page_and_asks_for_an_email_address(area: Area) -> None:
    client = Client()
    draft = _save_part_way(client, area)

    page = client.get(_save_url(area) + "?from=behaviour").content.decode()

    draft.refresh_from_db()
    assert draft.answers["asb_description"] == "Shouting at night"
    # Prefilled with the address already given.
    assert 'value="sam@example.test"' in page
    assert page_url(area, "behaviour") in page


def test_the_link_arrives_and_opens_the_application_where_it_was_left(
    area: Area, smtp_server: Mailbox, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    _save_part_way(client, area)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_save_url(area), {"email": "sam@example.test"})
    sent = client.get(response["Location"]).content.decode()
    run_tasks()

    assert "We have sent you a link" in sent
    assert "28 days" in sent
    assert smtp_server.recipients == [["sam@example.test"]]
    message = smtp_server.messages[0].get_content()
    assert "28 days" in message
    link = re.search(r"https?://\S+/resume/\S+/", message)
    assert link is not None
    elsewhere = Client()
    opened = elsewhere.get(urlsplit(link.group(0)).path)
    # The next page not yet answered: the behaviour page was saved, so where-and-when.
    assert opened["Location"] == page_url(area, "where-and-when")
    page = elsewhere.get(page_url(area, "behaviour")).content.decode()
    assert "Shouting at night" in page


def test_a_tampered_link_offers_to_start_again(area: Area) -> None:
    client = Client()
    draft = _save_part_way(client, area)
    client.post(_save_url(area), {"email": "sam@example.test"})
    draft.refresh_from_db()
    token = links.resume_token(draft)

    response = Client().get(
        reverse("public:apply_resume", kwargs={"slug": area.slug, "token": token[:-2] + "xx"})
    )

    assert response.status_code == 404
    assert "This link has expired or does not work" in response.content.decode()
    assert reverse("public:apply", kwargs={"slug": area.slug}) in response.content.decode()


def test_an_expired_link_offers_to_start_again(area: Area) -> None:
    client = Client()
    draft = _save_part_way(client, area)
    client.post(_save_url(area), {"email": "sam@example.test"})
    draft.refresh_from_db()
    url = reverse(
        "public:apply_resume", kwargs={"slug": area.slug, "token": links.resume_token(draft)}
    )

    with time_machine.travel(at(2026, 4, 14), tick=False):
        response = Client().get(url)

    assert response.status_code == 404
    assert "This link has expired or does not work" in response.content.decode()


def test_a_link_for_a_sent_application_shows_its_confirmation(area: Area) -> None:
    client = Client()
    draft = start(client, area)
    answer_all(client, area, for_myself(area))
    client.post(_save_url(area), {"email": "sam@example.test"})
    submit(client, area)
    draft.refresh_from_db()

    response = Client().get(
        reverse(
            "public:apply_resume", kwargs={"slug": area.slug, "token": links.resume_token(draft)}
        )
    )

    assert response["Location"] == done_url(area)


def test_the_link_carries_on_in_the_language_the_person_was_using(
    area: Area, smtp_server: Mailbox, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    draft = _save_part_way(client, area)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_save_url(area), {"email": "sam@example.test"})
    run_tasks()
    link = re.search(r"https?://\S+/resume/\S+/", smtp_server.messages[0].get_content())
    assert link is not None
    elsewhere = Client()
    opened = elsewhere.get(urlsplit(link.group(0)).path)

    draft.refresh_from_db()
    assert draft.language == "cy"
    assert opened.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert 'lang="cy"' in elsewhere.get(opened["Location"]).content.decode()
