"""The action plan: every action and the victim's comments for the panel, only the actions the
victim may see for the victim; a draft until the plan is made final."""

from __future__ import annotations

import re

import pytest

from casereview.reviews.documents import render_document
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import HIDDEN_ACTION, consulting, held, monitoring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case, audience):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "action-plan", audience, "pdf"))),
        docx_text(render_document(case, "action-plan", audience, "docx")),
    )


def test_the_panels_plan_has_every_action_and_says_which_the_victim_may_not_see(area, coordinator):
    case = monitoring(area, coordinator)

    for text in texts(case, "panel"):
        assert "Install noise monitoring equipment" in text
        assert HIDDEN_ACTION in text
        assert "No: restricted" in text
        assert "Happy with the plan." in text
        assert "This plan was made final on 21 December 2026." in text


def test_the_victims_plan_has_only_the_actions_they_may_see(area, coordinator):
    case = monitoring(area, coordinator)

    for text in texts(case, "victim"):
        assert (
            "Install noise monitoring equipment East Hertfordshire Council 11 January 2027" in text
        )
        assert HIDDEN_ACTION not in text
        assert "Hertfordshire Constabulary" not in text  # the hidden action's owner
        assert "Victim may see it" not in text
        assert "The victim's comments on the draft were considered." in text


def test_the_plan_is_a_draft_until_it_is_made_final(area, coordinator):
    case = consulting(area, coordinator)

    for text in texts(case, "victim"):
        assert "Draft action plan" in text
        assert "DRAFT: this plan is not yet final." in text
        assert "Please tell your single point of contact what you think of it by" in text
        assert "made final on" not in text


def test_before_the_outcome_is_sent_the_draft_says_it_will_be_shared(area, coordinator):
    case = held(area, coordinator)

    for text in texts(case, "panel"):
        assert (
            "It will be shared with the victim for their comments before it is made final." in text
        )
