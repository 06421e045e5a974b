"""The perpetrator proportionality assessment: a blank form with the case's details before the
meeting is recorded, the panel's completed assessment after."""

from __future__ import annotations

import re

import pytest

from casereview.reviews.documents import render_document
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import ALLEGED, ASSESSMENT_MARKER, held, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "proportionality-assessment", "panel", "pdf"))),
        docx_text(render_document(case, "proportionality-assessment", "panel", "docx")),
    )


def test_before_the_meeting_it_is_a_blank_form_with_the_cases_details(area, coordinator):
    case = scheduled(area, coordinator)

    for text in texts(case):
        assert "Perpetrator proportionality assessment" in text
        assert case.reference in text
        assert ALLEGED in text
        assert "To be completed at the meeting" in text
        assert "Signed by the chair" in text
        assert "Rights considered" in text


def test_after_the_meeting_it_holds_the_panels_assessment(area, coordinator):
    case = held(area, coordinator)

    for text in texts(case):
        assert "Completed at the meeting held on 21 December 2026" in text
        assert ASSESSMENT_MARKER in text
        assert "Necessary and proportionate." in text
        assert "Proceed with a warning first." in text
        assert "Signed by the chair" not in text
