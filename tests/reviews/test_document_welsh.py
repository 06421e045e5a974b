"""The victim's versions are in the case's language: a victim who asked for Cymraeg gets the
agenda, the terms of reference and the action plan in Welsh (dates too); the panel's versions stay
in English. Every sentence a victim's version can show has a Welsh translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation
from jinja2.ext import babel_extract

from casereview.reviews.documents import AUDIENCES, DOCUMENTS, render_document
from casereview.reviews.models import ActionStatus
from tests.cases.helpers import victim
from tests.letters.helpers import docx_text, pdf_text
from tests.reviews.helpers import consulting, monitoring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

DOCUMENT_TEMPLATES = (
    Path(__file__).resolve().parents[2] / "casereview/reviews/jinja2/reviews/documents"
)
# The templates a victim's version is made from (the others are the panel's alone).
VICTIM_TEMPLATES = (
    "base.html",
    "parts.html",
    "agenda.html",
    "terms-of-reference.html",
    "action-plan.html",
)
# The same word in both languages.
SAME_IN_WELSH = {"Agenda"}


def texts(case, kind, audience):
    return (
        pdf_text(render_document(case, kind, audience, "pdf")),
        docx_text(render_document(case, kind, audience, "docx")),
    )


def test_a_welsh_speaking_victims_documents_are_in_welsh(area, coordinator):
    case = monitoring(area, coordinator, victim=victim(language="cy"))

    for text in texts(case, "agenda", "victim"):
        assert "Agenda: cyfarfod yr Adolygiad Achos ASB" in text
        assert "Lluniwyd ar 21 Rhagfyr 2026" in text
        assert "Fe'ch gwahoddir i ran gyntaf y cyfarfod" in text
        assert "Croeso, cyflwyniadau ac ymddiheuriadau." in text
        assert "Welcome" not in text
        assert "December" not in text
    for text in texts(case, "terms-of-reference", "victim"):
        assert "Cylch gorchwyl: Adolygiad Achos ASB" in text
        assert "Ddeddf Ymddygiad Gwrthgymdeithasol, Troseddu a Phlismona 2014" in text
        assert "o leiaf 3 o'r cyrff perthnasol" in text
        assert "Purpose" not in text
    for text in texts(case, "action-plan", "victim"):
        assert "Gwnaed y cynllun hwn yn derfynol ar 21 Rhagfyr 2026." in text
        assert "Heb ddechrau" in text  # the action's status
        assert "11 Ionawr 2027" in text


def test_the_draft_plan_asks_a_welsh_speaking_victim_for_comments_in_welsh(area, coordinator):
    case = consulting(area, coordinator, victim=victim(language="cy"))

    for text in texts(case, "action-plan", "victim"):
        assert "Cynllun gweithredu drafft" in text
        assert "DRAFFT: nid yw'r cynllun hwn yn derfynol eto." in text
        assert "Rhowch wybod i'ch pwynt cyswllt unigol beth yw eich barn amdano erbyn" in text


def test_the_panels_versions_stay_in_english(area, coordinator):
    case = monitoring(area, coordinator, victim=victim(language="cy"))

    for text in texts(case, "agenda", "panel"):
        assert "Agenda: ASB Case Review meeting" in text
        assert "21 December 2026" in text
        assert "Rhagfyr" not in text


def test_every_sentence_of_a_victims_version_has_a_welsh_translation():
    missing = []
    checked = 0
    messages: list[str] = [str(spec.title) for spec in DOCUMENTS.values()]
    messages += [str(label) for label in AUDIENCES.values()]
    messages += [str(label) for label in ActionStatus.labels]
    for name in VICTIM_TEMPLATES:
        with (DOCUMENT_TEMPLATES / name).open("rb") as source:
            found = babel_extract(source, ("_", "gettext"), (), {"extensions": "jinja2.ext.i18n"})
            for _line, _function, message, _comments in found:
                # A sentence with values comes as (msgid, None...).
                text = message if isinstance(message, str) else (message or ("",))[0]
                messages.append(str(text))
    with translation.override("cy"):
        for message in messages:
            checked += 1
            if message not in SAME_IN_WELSH and translation.gettext(message) == message:
                missing.append(message)

    assert checked > 100
    assert missing == []
