"""A repeat application declined as vexatious gets a letter with the reasons."""

from casereview.cases.services import case_decline_repeat
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind
from casereview.letters.services import write_letters
from tests.cases.helpers import close_after_window, receive
from tests.letters.helpers import decided_not_met, texts

REASONS = "The same five incidents were reviewed in the earlier case and nothing new has happened."


def test_declined_names_the_earlier_case_and_gives_the_reasons(area, coordinator):
    earlier = decided_not_met(area, coordinator)
    close_after_window(earlier, coordinator, "Decision given.")
    repeat = receive(area, coordinator, material_change="Says it has got worse.")
    repeat = case_decline_repeat(repeat, by=coordinator, reasons=REASONS)

    [letter] = write_letters(repeat, Step.DECLINE_REPEAT).written

    assert letter.kind == LetterKind.DECLINED
    for text in texts(letter):
        assert f"(reference {earlier.reference})" in text
        assert REASONS in text
        assert "EHE-2026-0002" in text
