"""THE REDACTION TEST: no victim's version of any document ever shows restricted data.

A case whose restricted fields hold known markers (the people alleged responsible, the
proportionality assessment, an action the victim may not see) is taken through every stage of
the review; at each, every victim-audience document is rendered as PDF and as Word, and no marker
appears in the extracted text. The panel's versions of the same case do show them, so the test
would fail if the markers were simply absent."""

from __future__ import annotations

import pytest

from casereview.reviews.documents import available_documents, render_document
from casereview.reviews.models import VoiceChoice
from tests.cases.helpers import victim
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import (
    ALLEGED,
    ASSESSMENT_MARKER,
    HIDDEN_ACTION,
    consulting,
    held,
    met_case,
    monitoring,
    scheduled,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

# The assessment's other answers (tests/reviews/helpers.py record()) are restricted too.
MARKERS = (
    ALLEGED,
    ASSESSMENT_MARKER,
    HIDDEN_ACTION,
    "Proceed with a warning first.",
)

STAGES = {
    "threshold met": met_case,
    "meeting scheduled": scheduled,
    "meeting held": held,
    "victim consulted": consulting,
    "plan final": monitoring,
}


def squeezed(text: str) -> str:
    """Without any whitespace, so a marker broken across lines or cells is still found."""
    return "".join(text.split()).casefold()


def files(case, kind, audience):
    return {
        fmt: squeezed(
            pdf_text(render_document(case, kind, audience, fmt))
            if fmt == "pdf"
            else docx_text(render_document(case, kind, audience, fmt))
        )
        for fmt in ("pdf", "docx")
    }


def victim_documents(case):
    return [d.kind for d in available_documents(case) if d.available and d.audience == "victim"]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("stage", list(STAGES))
def test_no_victims_version_shows_a_marker(area, coordinator, stage, language):
    case = STAGES[stage](area, coordinator, victim=victim(language=language))
    kinds = victim_documents(case)
    assert kinds  # every stage has at least the terms of reference

    for kind in kinds:
        for fmt, text in files(case, kind, "victim").items():
            for marker in MARKERS:
                assert squeezed(marker) not in text, f"{marker!r} in {kind} ({fmt}) at {stage}"


def test_every_victim_document_is_covered_once_the_plan_is_final(area, coordinator):
    case = monitoring(area, coordinator)

    assert victim_documents(case) == ["agenda", "terms-of-reference", "action-plan"]


def test_the_victims_impact_statement_choice_changes_nothing(area, coordinator):
    case = monitoring(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)

    for kind in victim_documents(case):
        for text in files(case, kind, "victim").values():
            for marker in MARKERS:
                assert squeezed(marker) not in text


def test_the_panels_versions_do_show_the_markers(area, coordinator):
    case = monitoring(area, coordinator)

    pack = files(case, "chairs-pack", "panel")
    minutes = files(case, "minutes", "panel")
    plan = files(case, "action-plan", "panel")
    for fmt in ("pdf", "docx"):
        assert squeezed(ALLEGED) in pack[fmt]
        assert squeezed(ASSESSMENT_MARKER) in pack[fmt]
        assert squeezed(ASSESSMENT_MARKER) in minutes[fmt]
        assert squeezed("Proceed with a warning first.") in minutes[fmt]
        assert squeezed(HIDDEN_ACTION) in minutes[fmt]
        assert squeezed(HIDDEN_ACTION) in plan[fmt]
    # And the victim's plan does have the action they may see, so it is not simply empty.
    assert (
        squeezed("Install noise monitoring equipment")
        in files(case, "action-plan", "victim")["pdf"]
    )
