"""After submitting, the applicant gets an e-mail in their chosen language with the reference,
what happens next, and a tracking link that opens the case."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.mail import render_email
from tests.public.apply.helpers import answer_all, for_myself, for_someone_else, start, submit
from tests.smtp import Mailbox
from tests.tasks import run_tasks

pytestmark = pytest.mark.usefixtures("in_march")


def test_the_receipt_arrives_with_the_reference_and_a_working_tracking_link(
    area: Area, smtp_server: Mailbox, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, area)
    run_tasks()

    case = Case.objects.get()
    assert smtp_server.recipients == [["sam@example.test"]]
    message = smtp_server.messages[0]
    assert case.reference in message["Subject"]
    text = message.get_content()
    # The applicant chose Welsh (tests/public/apply/helpers.for_myself): the receipt is in Welsh.
    assert case.language == "cy"
    with translation.override("cy"):
        acknowledge = gettext(
            "We will acknowledge your application within %(days)s working days."
        ) % {"days": "3"}
    assert acknowledge != "We will acknowledge your application within 3 working days."
    assert acknowledge in text
    link = re.search(r"https?://\S+/track/open/\S+/", text)
    assert link is not None
    opened = Client().get(urlsplit(link.group(0)).path)
    assert opened.status_code == 302
    assert opened["Location"] == reverse("public:track")


def test_someone_applying_for_the_victim_gets_the_receipt(
    area: Area, smtp_server: Mailbox, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_someone_else(area))

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, area)
    run_tasks()

    assert smtp_server.recipients == [["alex@example.test"]]


def test_the_receipt_never_names_who_is_responsible() -> None:
    _subject, body = render_email(
        "apply_received",
        {"reference": "EHE-2026-0001", "council_name": "East Herts", "acknowledge_days": "3",
         "decision_days": "14", "tracking_url": "http://x/track/open/t/", "tracking_days": "90"},
        "en",
    )  # fmt: skip

    assert "EHE-2026-0001" in body
    assert "alleged" not in body.lower()
