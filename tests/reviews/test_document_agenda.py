"""The agenda of the review meeting: when and where, who chairs, the items in order with the
victim's part first when they attend, and a victim's version that tells them their part."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from casereview.reviews.documents import render_document
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import Voice, review_record_victim_voice
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def unbreak(text):
    return re.sub(r"-\s+", "-", text)


def texts(case, audience):
    # A narrow table column may break a word at its hyphen: join it again.
    return (
        unbreak(pdf_text(render_document(case, "agenda", audience, "pdf"))),
        docx_text(render_document(case, "agenda", audience, "docx")),
    )


def test_the_panel_agenda_gives_the_time_place_chair_and_items_with_the_victims_part_first(
    area, coordinator
):
    case = scheduled(area, coordinator)

    for text in texts(case, "panel"):
        assert "OFFICIAL-SENSITIVE: for the review panel only" in text
        assert "Agenda: ASB Case Review meeting" in text
        assert "21 December 2026" in text
        assert "2pm to 4pm" in text
        assert "Wallfields, Pegs Lane, Hertford" in text
        assert "Pat Chair, Broxbourne Borough Council" in text
        order = [
            "Welcome, introductions and apologies.",
            "The victim's part.",
            "Summary of the case.",
            "Information from the partners.",
            "Proportionality assessment.",
            "Recommendations and action plan.",
            "Next steps.",
        ]
        positions = [text.index(item) for item in order]
        assert positions == sorted(positions)
        assert "This part ends at 2:30pm." in text
        assert "Member 1, Manager" in text


def test_without_the_victim_attending_their_statement_is_read_after_the_case_summary(
    area, coordinator
):
    case = scheduled(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)

    pdf, docx = texts(case, "panel")

    for text in (pdf, docx):
        assert "The victim's part." not in text
        assert text.index("Summary of the case.") < text.index("The victim's voice.")
        assert "The panel reads the victim impact statement." in text


def test_the_victims_agenda_invites_them_to_the_first_part_and_names_no_panel_member(
    area, coordinator
):
    case = scheduled(area, coordinator)

    for text in texts(case, "victim"):
        assert "OFFICIAL-SENSITIVE" not in text
        assert "You are invited to the first part of the meeting, from 2pm until 2:30pm" in text
        assert "within 5 working days of the meeting" in text
        assert "Hertfordshire Fire and Rescue Service" in text
        assert "Member 1" not in text


def test_a_victim_who_chose_not_to_attend_is_told_the_panel_meets_without_them(area, coordinator):
    case = scheduled(area, coordinator, choice=VoiceChoice.NONE)

    for text in texts(case, "victim"):
        assert "You are invited" not in text
        assert "The panel meets without you" in text
        assert "The victim's voice." in text


def test_a_victims_advocate_is_invited_to_the_first_part(area, coordinator):
    case = scheduled(area, coordinator)
    case = review_record_victim_voice(
        case,
        by=coordinator,
        voice=Voice(
            choice=VoiceChoice.ADVOCATE,
            contacted_on=timezone.localdate(),
            advocate_name="Alex Advocate",
            advocate_organisation="Victim Support",
        ),
    )

    for text in texts(case, "victim"):
        assert (
            "Your advocate, Alex Advocate, Victim Support, is invited to the first part of the "
            "meeting, from 2pm until 2:30pm" in text
        )
    for text in texts(case, "panel"):
        assert "The victim's advocate speaks to the panel" in text
