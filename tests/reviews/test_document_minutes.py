"""The minutes, once the meeting is recorded: attendance with the relevant bodies marked, the
minutes, the assessment, the recommendations with the body each is addressed to, the plan."""

from __future__ import annotations

import re

import pytest

from casereview.reviews.documents import DocumentNotAvailable, render_document
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import ASSESSMENT_MARKER, HIDDEN_ACTION, held, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "minutes", "panel", "pdf"))),
        docx_text(render_document(case, "minutes", "panel", "docx")),
    )


def test_the_minutes_record_attendance_the_discussion_and_what_was_agreed(area, coordinator):
    case = held(area, coordinator)

    for text in texts(case):
        assert "Minutes: ASB Case Review meeting" in text
        assert "Held on 21 December 2026" in text
        assert "Member 1, Manager East Hertfordshire Council Yes: relevant body Yes" in text
        assert "Fire Officer Hertfordshire Fire and Rescue Service No Yes" in text
        assert "3 relevant bodies attended; the policy asks for at least 3." in text
        assert "The panel reviewed the case and agreed the actions below." in text
        assert "The panel agreed a plan to stop the noise." in text
        assert ASSESSMENT_MARKER in text
        assert "Review how noise reports are triaged. East Hertfordshire Council" in text
        assert "Install noise monitoring equipment" in text
        assert HIDDEN_ACTION in text


def test_there_are_no_minutes_before_the_meeting_is_recorded(area, coordinator):
    case = scheduled(area, coordinator)

    with pytest.raises(DocumentNotAvailable):
        render_document(case, "minutes", "panel", "pdf")
