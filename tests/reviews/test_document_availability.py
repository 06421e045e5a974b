"""Which documents a case has, for whom, and from when; their file names; and a clear refusal
for a kind, audience or format that does not exist or is not available yet."""

from __future__ import annotations

import pytest

from casereview.reviews.documents import (
    DocumentNotAvailable,
    available_documents,
    document_filename,
    render_document,
)
from tests.cases.helpers import gathering
from tests.reviews.helpers import held, met_case, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

ALL = [
    ("agenda", "panel"),
    ("agenda", "victim"),
    ("terms-of-reference", "panel"),
    ("terms-of-reference", "victim"),
    ("chairs-pack", "panel"),
    ("proportionality-assessment", "panel"),
    ("minutes", "panel"),
    ("action-plan", "panel"),
    ("action-plan", "victim"),
]


def available(case):
    return [(d.kind, d.audience) for d in available_documents(case) if d.available]


def test_every_document_and_audience_is_listed_in_order(area, coordinator):
    case = held(area, coordinator)

    assert [(d.kind, d.audience) for d in available_documents(case)] == ALL
    assert available(case) == ALL


def test_there_are_no_documents_before_the_threshold_is_met(area, coordinator):
    assert available(gathering(area, coordinator)) == []


def test_once_the_threshold_is_met_the_terms_of_reference_exist(area, coordinator):
    assert available(met_case(area, coordinator)) == [
        ("terms-of-reference", "panel"),
        ("terms-of-reference", "victim"),
    ]


def test_once_the_meeting_is_arranged_all_but_the_minutes_and_plan_exist(area, coordinator):
    assert available(scheduled(area, coordinator)) == ALL[:6]


def test_a_document_not_yet_available_says_from_when(area, coordinator):
    case = scheduled(area, coordinator)

    minutes = next(d for d in available_documents(case) if d.kind == "minutes")

    assert minutes.available is False
    assert minutes.not_yet == "Once the meeting is recorded."


@pytest.mark.parametrize(
    ("kind", "audience", "fmt"),
    [
        ("letter", "panel", "pdf"),
        ("chairs-pack", "victim", "pdf"),
        ("agenda", "public", "pdf"),
        ("agenda", "panel", "odt"),
        ("minutes", "panel", "pdf"),
    ],
)
def test_an_unknown_or_absent_document_is_refused(area, coordinator, kind, audience, fmt):
    case = scheduled(area, coordinator)

    with pytest.raises(DocumentNotAvailable):
        render_document(case, kind, audience, fmt)


def test_the_file_name_says_case_kind_and_audience(area, coordinator):
    case = scheduled(area, coordinator)

    assert document_filename(case, "agenda", "victim", "pdf") == "EHE-2026-0001-agenda-victim.pdf"
    assert render_document(case, "agenda", "victim", "pdf").startswith(b"%PDF")
    assert render_document(case, "agenda", "victim", "docx").startswith(b"PK")
