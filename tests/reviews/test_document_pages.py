"""The review documents page lists every document of the case with its PDF and Word links, and
each link downloads the file, recorded in the audit log; anything else is a 404, never a 500."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.audit.log import views_of
from casereview.reviews.services import (
    ActionEntry,
    review_record_meeting,
)
from tests.cases.views.pages import main_text
from tests.reviews.helpers import ALLEGED, held, record, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def list_url(case):
    return reverse("reviews:documents", kwargs={"reference": case.reference})


def file_url(case, kind, audience, fmt):
    return reverse(
        "reviews:document",
        kwargs={"reference": case.reference, "kind": kind, "audience": audience, "fmt": fmt},
    )


def test_the_page_lists_each_document_with_links_or_when_it_will_exist(
    staff_client, coordinator, area
):
    case = scheduled(area, coordinator)

    response = staff_client(coordinator).get(list_url(case))

    assert response.status_code == 200
    text = main_text(response)
    assert "Review documents" in text
    assert "Back to case EHE-2026-0001" in response.content.decode()
    assert "Chair's pack" in text
    assert "Once the meeting is recorded." in text
    page = response.content.decode()
    assert file_url(case, "agenda", "victim", "pdf") in page
    assert file_url(case, "chairs-pack", "panel", "docx") in page
    assert file_url(case, "minutes", "panel", "pdf") not in page
    assert [record.what for record in views_of(case)] == ["review documents"]


def test_a_reader_may_see_the_documents(staff_client, read_only, coordinator, area):
    case = scheduled(area, coordinator)

    response = staff_client(read_only).get(file_url(case, "agenda", "panel", "pdf"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("pdf", "application/pdf"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_a_document_downloads_as_an_attachment_and_the_view_is_recorded(
    staff_client, coordinator, area, fmt, content_type
):
    case = held(area, coordinator)

    response = staff_client(coordinator).get(file_url(case, "action-plan", "victim", fmt))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="EHE-2026-0001-action-plan-victim.{fmt}"'
    )
    assert response.content[:4] in (b"%PDF", b"PK\x03\x04")
    [view] = views_of(case)
    assert view.what == f"document action-plan (victim, {fmt})"
    assert view.user == coordinator


@pytest.mark.parametrize(
    ("kind", "audience", "fmt"),
    [
        ("letter", "panel", "pdf"),
        ("chairs-pack", "victim", "pdf"),
        ("agenda", "everyone", "pdf"),
        ("agenda", "panel", "odt"),
        ("minutes", "panel", "pdf"),  # not recorded yet
    ],
)
def test_an_unknown_or_absent_document_is_a_404(
    staff_client, coordinator, area, kind, audience, fmt
):
    case = scheduled(area, coordinator)

    response = staff_client(coordinator).get(file_url(case, kind, audience, fmt))

    assert response.status_code == 404
    assert views_of(case) == []


def test_another_areas_coordinator_gets_404(staff_client, outsider, coordinator, area):
    case = scheduled(area, coordinator)
    client = staff_client(outsider)

    assert client.get(list_url(case)).status_code == 404
    assert client.get(file_url(case, "agenda", "panel", "pdf")).status_code == 404
    assert views_of(case) == []


def test_a_signed_out_visitor_is_sent_to_sign_in(client, coordinator, area):
    case = scheduled(area, coordinator)

    response = client.get(file_url(case, "agenda", "panel", "pdf"))

    assert response.status_code == 302
    assert views_of(case) == []


def test_a_victims_version_showing_restricted_data_is_refused_with_the_reason(
    staff_client, coordinator, area
):
    case = scheduled(area, coordinator)
    meeting_record = record(case, timezone.localdate())
    council = case.area.council
    leaky = ActionEntry(
        description=f"Speak to {ALLEGED}", owner=council, due_on=timezone.localdate()
    )
    case = review_record_meeting(
        case,
        by=coordinator,
        record=replace(meeting_record, actions=[*meeting_record.actions, leaky]),
    )
    client = staff_client(coordinator)

    response = client.get(file_url(case, "action-plan", "victim", "pdf"), follow=True)

    assert response.redirect_chain == [(list_url(case), 302)]
    assert "was not produced: its text contains restricted information" in main_text(response)
    assert "document action-plan (victim, pdf)" not in [r.what for r in views_of(case)]
    assert client.get(file_url(case, "action-plan", "panel", "pdf")).status_code == 200


def test_a_post_is_not_allowed_but_only_for_someone_who_may_see_the_case(
    staff_client, coordinator, outsider, area
):
    case = scheduled(area, coordinator)

    assert staff_client(coordinator).post(list_url(case)).status_code == 405
    assert (
        staff_client(coordinator).post(file_url(case, "agenda", "panel", "pdf")).status_code == 405
    )
    assert staff_client(outsider).post(list_url(case)).status_code == 404
