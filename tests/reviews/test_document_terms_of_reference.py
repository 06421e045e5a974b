"""The terms of reference: the purpose under the 2014 Act, the panel and its quorum from the
area's policy, the chair, information sharing, the victim's voice, the duty to have regard to
recommendations and the policy's timescales."""

from __future__ import annotations

import re

import pytest

from casereview.reviews.documents import render_document
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import met_case, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case, audience):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "terms-of-reference", audience, "pdf"))),
        docx_text(render_document(case, "terms-of-reference", audience, "docx")),
    )


def test_the_terms_cite_the_act_and_take_the_quorum_and_timescales_from_the_policy(
    area, coordinator
):
    case = scheduled(area, coordinator)

    for text in texts(case, "panel"):
        assert (
            "section 104 of and Schedule 4 to the Anti-social Behaviour, Crime and Policing Act 2014"
            in text
        )
        assert "at least 3 of the relevant bodies" in text
        assert "Demo Housing Association" in text
        assert "Hertfordshire Constabulary" in text
        assert "Schedule 4, paragraph 7" in text
        assert "must have regard to it" in text
        assert (
            "This review is chaired by Pat Chair of Broxbourne Borough Council, who is independent"
            in text
        )
        assert "Within 5 working days of the meeting" in text
        assert "has 10 working days to give them" in text


def test_the_terms_exist_once_the_threshold_is_met_before_any_meeting(area, coordinator):
    case = met_case(area, coordinator)

    for text in texts(case, "victim"):
        assert "Terms of reference: ASB Case Review" in text
        assert "This review is chaired by" not in text
        assert "never given to the victim" in text
