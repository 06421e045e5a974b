"""Letters to the victim are written in the case's language; letters to agencies in English."""

from casereview.cases.workflow import Step
from casereview.letters.services import letter_language, plan_letters, render_html
from tests.cases.helpers import gathering, victim
from tests.letters.helpers import acknowledged


def test_a_welsh_speaking_victims_letter_is_rendered_in_welsh(area, coordinator):
    case = acknowledged(area, coordinator, victim=victim(language="cy"))
    [planned] = plan_letters(case, Step.ACKNOWLEDGE)

    page = render_html(case, planned, letter_language(case, planned.to))

    assert '<html lang="cy">' in page
    assert "16 Mawrth 2026" in page


def test_an_agencys_letter_is_in_english(area, coordinator):
    case = gathering(area, coordinator, victim=victim(language="cy"))
    planned = plan_letters(case, Step.REQUEST_INFORMATION)[0]
    language = letter_language(case, planned.to)

    page = render_html(case, planned, language)

    assert language == "en"
    assert '<html lang="en">' in page
    assert "16 March 2026" in page
