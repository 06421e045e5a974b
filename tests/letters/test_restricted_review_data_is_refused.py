"""A victim-facing letter that would show the perpetrator proportionality assessment or an
action the victim may not see is refused and not stored, like one naming the people alleged
responsible; ordinary short answers in the assessment do not block letters."""

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import Letter, LetterKind
from casereview.letters.services import (
    RestrictedDataInLetter,
    restricted_values,
    write_letters,
)
from casereview.reviews.models import Action, Meeting
from tests.letters.helpers import texts
from tests.reviews.helpers import ASSESSMENT_MARKER, HIDDEN_ACTION, consulting

pytestmark = pytest.mark.django_db


def test_restricted_values_cover_the_assessment_and_the_hidden_actions(area, coordinator):
    case = consulting(area, coordinator)

    values = restricted_values(case)

    assert ("meeting.interventions_considered", ASSESSMENT_MARKER.casefold()) in values
    assert ("hidden_action", HIDDEN_ACTION.casefold()) in values
    assert not any("install noise monitoring" in text for _name, text in values)


def test_an_outcome_that_quotes_the_assessment_is_refused(area, coordinator):
    case = consulting(area, coordinator)
    Meeting.objects.filter(case=case).update(outcome=f"The panel noted: {ASSESSMENT_MARKER}.")

    with pytest.raises(RestrictedDataInLetter) as refused:
        write_letters(case, Step.SEND_OUTCOME)

    assert refused.value.field_name == "meeting.interventions_considered"
    assert not Letter.objects.filter(case=case, kind=LetterKind.OUTCOME).exists()


def test_a_recommendation_that_repeats_a_hidden_action_is_refused(area, coordinator):
    case = consulting(area, coordinator)
    case.meetings.get().recommendations.update(text=f"Police to {HIDDEN_ACTION}")

    with pytest.raises(RestrictedDataInLetter) as refused:
        write_letters(case, Step.SEND_OUTCOME)

    assert refused.value.field_name == "hidden_action"


def test_a_short_assessment_answer_does_not_block_letters(area, coordinator):
    case = consulting(area, coordinator)
    # A one-word answer that any letter about a review contains.
    Meeting.objects.filter(case=case).update(rights_considered="Review.")

    [letter] = write_letters(case, Step.SEND_OUTCOME).written

    pdf, _docx = texts(letter)
    assert "The outcome of the review" in pdf


def test_a_hidden_action_worded_like_a_visible_one_does_not_block_it(area, coordinator):
    case = consulting(area, coordinator)
    Action.objects.filter(meeting__case=case, victim_may_see=False).update(
        description="Install noise monitoring equipment"
    )

    [letter] = write_letters(case, Step.SEND_OUTCOME).written

    assert "Install noise monitoring equipment" in texts(letter)[0]
