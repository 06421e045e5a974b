"""A victim who asked for Cymraeg gets the letters of the review and of an appeal in Welsh,
and every sentence of every letter template, those with values in them included, has a Welsh
translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation
from jinja2.ext import babel_extract

from casereview.appeals.services import appeal_hear, appeal_lodge, appeal_send_outcome
from casereview.cases.workflow import Step
from casereview.letters.services import write_letters
from tests.cases.helpers import victim
from tests.letters.helpers import texts
from tests.reviews.helpers import consulting, monitoring, scheduled

pytestmark = pytest.mark.django_db

LETTER_TEMPLATES = Path(__file__).resolve().parents[2] / "casereview/letters/jinja2/letters"
WELSH = {"victim": victim(language="cy")}


def test_the_meeting_invitation_is_in_welsh(area, coordinator):
    case = scheduled(area, coordinator, **WELSH)

    [letter] = write_letters(case, Step.SCHEDULE_MEETING).written

    assert letter.subject == (
        "Eich Adolygiad Achos ASB: gwahoddiad i gyfarfod yr adolygiad (EHE-2026-0001)"
    )
    for text in texts(letter):
        assert "Annwyl Sam Victim," in text
        assert "Mae'n bleser gennym eich gwahodd i ran gyntaf y cyfarfod." in text
        assert "16 Mawrth 2026" in text
        assert "O 2pm tan 2:30pm" in text
        assert "Gallwch ddod â ffrind, perthynas neu weithiwr cymorth" in text
        assert "invite you" not in text


def test_the_outcome_letter_is_in_welsh(area, coordinator):
    case = consulting(area, coordinator, **WELSH)

    [letter] = write_letters(case, Step.SEND_OUTCOME).written

    for text in texts(letter):
        assert "Canlyniad yr adolygiad" in text
        assert "Argymhellion y panel" in text
        assert "Rhaid i bob corff y gwneir argymhelliad iddo roi sylw" in text
        assert "Y cynllun gweithredu drafft" in text
        assert "beth yw eich barn am y cynllun drafft erbyn 30 Mawrth 2026" in text
        assert "Dywedwch wrthym pam erbyn 13 Ebrill 2026, o fewn 28 diwrnod" in text
        assert "uwch reolwr nad oedd yn rhan o'r adolygiad" in text
        assert "The outcome of the review" not in text
        assert "must have regard" not in text


def test_the_final_plan_letter_is_in_welsh(area, coordinator):
    case = monitoring(area, coordinator, **WELSH)

    [letter] = write_letters(case, Step.FINALISE_PLAN).written

    for text in texts(letter):
        assert "gwnaethom gynllun gweithredu eich Adolygiad Achos ASB" in text
        assert "Sut mae'r camau gweithredu'n cael eu monitro" in text
        assert "How the actions are monitored" not in text


def test_the_appeal_letters_are_in_welsh(area, coordinator):
    case = consulting(area, coordinator, **WELSH)
    appeal = appeal_lodge(
        case, by=coordinator, ground="review_conduct", received_on=case.received_on
    )
    [received] = write_letters(case, Step.LODGE_APPEAL).written
    appeal = appeal_hear(
        appeal, by=coordinator, heard_on=case.received_on, outcome="not_upheld", reasons="Teg."
    )
    appeal_send_outcome(appeal, by=coordinator)
    [outcome] = write_letters(case, Step.SEND_APPEAL_OUTCOME).written

    assert received.subject == (
        "Eich Adolygiad Achos ASB: rydym wedi cael eich apêl (EHE-2026-0001)"
    )
    for text in texts(received):
        assert "Mae eich apêl yn erbyn: y ffordd y cynhaliwyd yr adolygiad." in text
        assert "erbyn 8 Ebrill 2026, o fewn 15 diwrnod gwaith" in text
    for text in texts(outcome):
        assert "Nid yw eich apêl wedi'i chadarnhau." in text
        assert "yr Ombwdsmon Llywodraeth Leol a Gofal Cymdeithasol" in text
        assert "not upheld" not in text


def test_every_sentence_with_values_in_the_letter_templates_has_a_welsh_translation():
    """The sentences that take values (``_("... %(day)s", day=...)``) are read too: a letter's
    key sentences carry dates and names, and one left in English would reach a Welsh reader."""
    missing = []
    checked = 0
    for template in sorted(LETTER_TEMPLATES.rglob("*.html")):
        if "pages" in template.relative_to(LETTER_TEMPLATES).parts:
            continue
        with template.open("rb") as source:
            found = babel_extract(source, ("_", "gettext"), (), {"extensions": "jinja2.ext.i18n"})
            messages = [message for _line, _function, message, _comments in found]
        with translation.override("cy"):
            for message in messages:
                if not isinstance(message, tuple) or not isinstance(message[0], str):
                    continue
                checked += 1
                if translation.gettext(message[0]) == message[0]:
                    missing.append(f"{template.name}: {message[0]}")

    assert checked > 20
    assert missing == []
