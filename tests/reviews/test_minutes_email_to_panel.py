"""Circulating the minutes e-mails the chair and each panel member the panel's minutes and action
plan as two PDFs, through the worker and a real SMTP server."""

from __future__ import annotations

import pytest

from casereview.reviews.services import review_circulate_minutes
from casereview.reviews.tasks import send_minutes
from tests.letters.helpers import pdf_text
from tests.reviews.helpers import ALLEGED, HIDDEN_ACTION, held
from tests.tasks import run_tasks, waiting_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


@pytest.fixture
def circulated(area, coordinator, smtp_server, django_capture_on_commit_callbacks):
    case = held(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        review_circulate_minutes(case, by=coordinator)
    return case


def pdfs(message) -> dict[str, bytes]:
    return {
        part.get_filename(): part.get_content()
        for part in message.iter_attachments()
        if part.get_content_type() == "application/pdf"
    }


def test_circulating_the_minutes_queues_them_for_the_worker(circulated, smtp_server):
    assert "casereview.reviews.tasks.send_minutes" in waiting_tasks()
    assert smtp_server.messages == []

    run_tasks()

    assert sorted(to for [to] in smtp_server.recipients) == [
        "chair@example.org",
        "fire@example.org",
        "member1@example.org",
        "member2@example.org",
        "member3@example.org",
    ]


def test_each_email_carries_the_minutes_and_the_action_plan_as_pdfs(circulated, smtp_server):
    case = circulated
    run_tasks()

    for message in smtp_server.messages:
        files = pdfs(message)
        assert set(files) == {
            f"{case.reference}-minutes-panel.pdf",
            f"{case.reference}-action-plan-panel.pdf",
        }
        minutes = pdf_text(files[f"{case.reference}-minutes-panel.pdf"])
        plan = pdf_text(files[f"{case.reference}-action-plan-panel.pdf"])
        assert "The panel reviewed the case and agreed the actions below." in minutes
        # The panel's version: every action, including the one the victim may not see.
        assert "Install noise monitoring equipment" in plan
        # (A table cell may break the marker's hyphenated first word across lines.)
        assert "warn the neighbour at number 99" in plan


def test_the_covering_email_names_the_case_and_not_the_people_in_it(circulated, smtp_server):
    case = circulated
    run_tasks()

    message = next(m for m in smtp_server.messages if m["To"] == "member1@example.org")
    text = " ".join(message.get_body(preferencelist=("plain",)).get_content().split())
    assert message["Subject"] == f"Minutes and action plan: ASB Case Review {case.reference}"
    assert text.startswith("Dear Member 1,")
    assert "held on 21 December 2026" in text
    assert "The action plan is a draft" in text
    assert "OFFICIAL-SENSITIVE" in text
    for restricted in (case.victim_name, ALLEGED, HIDDEN_ACTION):
        assert restricted not in text
        assert restricted not in message["Subject"]


def test_minutes_of_a_meeting_not_yet_held_are_not_sent(area, coordinator, smtp_server):
    from tests.reviews.helpers import scheduled

    meeting = scheduled(area, coordinator).meetings.get()

    send_minutes.enqueue(meeting.pk)
    run_tasks()

    assert smtp_server.messages == []
