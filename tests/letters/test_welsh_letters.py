"""A victim who asked for Cymraeg gets their letters in Welsh, in the PDF and in the Word copy,
with the dates in Welsh too; a victim who asked for English still gets English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.utils import translation
from jinja2.ext import babel_extract

from casereview.cases.presenters import result_summary
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import write_letters
from casereview.letters.tasks import covering_note
from tests.cases.helpers import stated, victim
from tests.letters.helpers import acknowledged, decided_met, decided_not_met, texts, third_party

LETTER_TEMPLATES = Path(__file__).resolve().parents[2] / "casereview/letters/jinja2/letters"


def test_ct1_to_a_welsh_speaking_victim_is_in_welsh(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(language="cy"), spoc=coordinator)

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    assert letter.language == "cy"
    assert letter.subject == "Rydym wedi cael eich cais am Adolygiad Achos ASB (EHE-2026-0001)"
    for text in texts(letter):
        assert "Dyddiad: 16 Mawrth 2026" in text
        assert "Annwyl Sam Victim," in text
        assert "Diolch am eich cais am Adolygiad Achos ASB" in text
        assert "Cawsom eich cais ar 16 Mawrth 2026 a'ch cyfeirnod yw EHE-2026-0001." in text
        # 14 working days from Monday 16 March 2026, past Good Friday and Easter Monday.
        assert "erbyn 7 Ebrill 2026, o fewn 14 diwrnod gwaith i'ch cais" in text
        assert "o fewn 30 diwrnod i'r ymddygiad" in text
        assert "ymddygiad gwrthgymdeithasol" in text
        assert "Eich pwynt cyswllt unigol yw Casey Coord." in text
        assert "Yn gywir," in text
        assert "Dear Sam Victim," not in text
        assert "Thank you for your application" not in text
        assert "What happens next" not in text
        assert "March" not in text


def test_ct3_to_a_welsh_speaking_victim_explains_the_decision_and_the_ct3a_form_in_welsh(
    area, coordinator
):
    case = decided_not_met(area, coordinator, victim=victim(language="cy"))

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3}).written

    for text in texts(letter):
        assert "Annwyl Sam Victim," in text
        assert (
            "Ar 16 Mawrth 2026, gwnaethom benderfynu nad yw'r trothwy ar gyfer adolygiad "
            "wedi'i gyrraedd." in text
        )
        assert "Mae 0 cwyn yn cyfrif tuag at drothwy o 3: nid yw'r trothwy wedi'i gyrraedd." in text
        # 28 calendar days from the decision on 16 March 2026.
        assert "erbyn 13 Ebrill 2026, o fewn 28 diwrnod i'r penderfyniad" in text
        assert "uwch reolwr nad oedd yn rhan o'r penderfyniad" in text
        assert "CT3a: cais am adolygiad o'r penderfyniad" in text
        assert "Pam ydych chi'n credu y dylid adolygu'r penderfyniad?" in text
        assert "the threshold for a review is not met" not in text
        assert "CT3a: request for a review of the decision" not in text
        assert "Why do you think the decision should be reviewed?" not in text


def test_each_complaints_verdict_in_ct3_is_in_welsh(area, coordinator, police):
    case = decided_not_met(
        area,
        coordinator,
        victim=victim(language="cy"),
        complaints=[stated(police, dt.date(2026, 3, 2))],
    )

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3}).written

    for text in texts(letter):
        assert "Heb ei chadarnhau gan yr asiantaeth" in text
        assert "Nid oes unrhyw gorff perthnasol wedi cadarnhau'r gŵyn hon" in text
        assert "Not confirmed by the agency" not in text


def test_ct4_to_a_welsh_speaking_victim_is_in_welsh(area, coordinator):
    case = decided_met(area, coordinator, victim=victim(language="cy"), spoc=coordinator)

    [letter] = write_letters(case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.CT4}).written

    assert letter.subject == (
        "Eich Adolygiad Achos ASB: mae'r trothwy ar gyfer adolygiad wedi'i gyrraedd (EHE-2026-0001)"
    )
    for text in texts(letter):
        assert "Annwyl Sam Victim," in text
        assert "gwnaethom benderfynu ei fod yn cyrraedd y trothwy ar gyfer adolygiad achos" in text
        assert "Mae'r adolygiad yn mynd rhagddo oherwydd: Trothwy'r cwynion cymwys." in text
        # 7 working days from Monday 16 March 2026.
        assert "yn eich ffonio erbyn 25 Mawrth 2026, o fewn 7 diwrnod gwaith" in text
        assert "Sut y bydd eich llais yn cael ei glywed" in text
        assert "datganiad effaith ar y dioddefwr" in text
        assert "Cymorth i Ddioddefwyr" in text
        assert "How your voice will be heard" not in text
        assert "meets the threshold for a case review" not in text


def test_a_third_party_applicants_copy_follows_the_cases_language(area, coordinator):
    case = decided_not_met(area, coordinator, victim=victim(language="cy"), applicant=third_party())

    letters = write_letters(case, Step.DECIDE_THRESHOLD_NOT_MET, kinds={LetterKind.CT3}).written

    copy = next(x for x in letters if x.recipient == Recipient.APPLICANT)
    pdf, docx = texts(copy)
    for text in (pdf, docx):
        assert "Annwyl Jo Helper," in text
        assert "Dyma gopi, i chi fel y person a wnaeth gais ar ran Sam Victim" in text


def test_the_email_carrying_a_welsh_letter_is_in_welsh(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(language="cy", preferred_contact="email"))

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    note = covering_note(letter)

    assert note.startswith("Annwyl Sam Victim,")
    assert "Mae llythyr gan East Hertfordshire District Council" in note
    assert "Please find attached" not in note


def test_an_english_speaking_victim_still_gets_english(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(language="en"), spoc=coordinator)

    [letter] = write_letters(case, Step.ACKNOWLEDGE).written

    assert letter.language == "en"
    assert (
        letter.subject == "We have received your application for an ASB Case Review (EHE-2026-0001)"
    )
    for text in texts(letter):
        assert "Dear Sam Victim," in text
        assert "with our decision by 7 April 2026" in text
        assert "Annwyl" not in text
        assert "Adolygiad Achos" not in text
        assert "Mawrth" not in text


def test_the_welsh_count_of_complaints_agrees_with_the_number():
    def summary(count: int) -> str:
        result = {"qualifying_count": count, "threshold": 3, "threshold_met": count >= 3}
        with translation.override("cy"):
            return result_summary(result)

    # Cwyn is feminine: "un gŵyn", "dwy gŵyn", then "tair cwyn".
    assert (
        summary(1) == "Mae 1 gŵyn yn cyfrif tuag at drothwy o 3: nid yw'r trothwy wedi'i gyrraedd."
    )
    assert (
        summary(2) == "Mae 2 gŵyn yn cyfrif tuag at drothwy o 3: nid yw'r trothwy wedi'i gyrraedd."
    )
    assert summary(3) == "Mae 3 cwyn yn cyfrif tuag at drothwy o 3: mae'r trothwy wedi'i gyrraedd."


def test_every_sentence_of_the_letter_templates_has_a_welsh_translation():
    """A sentence added to a letter without a Welsh translation would reach a Welsh-speaking
    victim in English; the staff pages under pages/ are not letters and are left out."""
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
                if not isinstance(message, str):
                    continue
                checked += 1
                if translation.gettext(message) == message:
                    missing.append(f"{template.name}: {message}")

    assert checked > 0, "no sentences were read from the letter templates"
    assert missing == []
