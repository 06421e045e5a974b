"""The chair's pack: the case summary (restricted data included), the chronology, the partners'
responses and actions already taken, the victim impact statement and the proportionality
assessment form."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from casereview.partners.services import information_response_record
from casereview.reviews.documents import render_document
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import Upload, Voice, review_record_victim_voice
from tests.cases.helpers import request_to
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import ALLEGED, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "chairs-pack", "panel", "pdf"))),
        docx_text(render_document(case, "chairs-pack", "panel", "docx")),
    )


def test_the_pack_summarises_the_case_for_the_panel_with_the_people_alleged_responsible(
    area, coordinator
):
    case = scheduled(area, coordinator)

    for text in texts(case):
        assert "OFFICIAL-SENSITIVE: for the review panel only" in text
        assert "Sam Victim" in text
        assert "Loud music and shouting most nights." in text
        assert ALLEGED in text
        assert "Met on 21 December 2026" in text
        assert "Three complaints." in text
        assert "Perpetrator proportionality assessment" in text
        assert "Interventions considered" in text


def test_the_pack_lists_each_partners_response_and_the_actions_it_already_took(area, coordinator):
    case = scheduled(area, coordinator)
    information_response_record(
        request_to(case, "housing"),
        by=coordinator,
        received_on=timezone.localdate(),
        actions_taken="Two warning letters sent to the tenant.",
        documents="Tenancy file notes",
        exemption_relied_on="Third-party medical information withheld",
    )

    for text in texts(case):
        assert "Demo Housing Association" in text
        assert "Two warning letters sent to the tenant." in text
        assert "Tenancy file notes" in text
        assert "Third-party medical information withheld" in text
        assert "No response received" in text  # the bodies that have not answered


def test_a_typed_impact_statement_is_in_the_pack(area, coordinator):
    case = scheduled(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)

    for text in texts(case):
        assert "The noise every night has made me ill." in text


def test_an_uploaded_statement_is_named_as_attached_separately(area, coordinator):
    case = scheduled(area, coordinator)
    case = review_record_victim_voice(
        case,
        by=coordinator,
        voice=Voice(
            choice=VoiceChoice.IMPACT_STATEMENT,
            contacted_on=timezone.localdate(),
            upload=Upload("my-statement.pdf", "application/pdf", b"%PDF-1.4 statement"),
        ),
    )

    for text in texts(case):
        assert "Uploaded statement my-statement.pdf, attached separately." in text
