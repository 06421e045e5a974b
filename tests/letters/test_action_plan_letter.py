"""Making the action plan final writes the victim (and a third-party applicant) the final plan,
the actions they may see, that their comments were considered, and how the actions are
monitored."""

import datetime as dt

import pytest

from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from casereview.reviews.services import review_change_lead_agency, review_finalise_plan
from tests.letters.helpers import texts, third_party
from tests.reviews.helpers import consulting, later, monitoring

pytestmark = pytest.mark.django_db


def test_the_final_plan_letter_lists_the_actions_and_how_they_are_monitored(area, coordinator):
    case = monitoring(area, coordinator, spoc=coordinator)

    [letter] = write_letters(case, Step.FINALISE_PLAN).written

    assert letter.kind == LetterKind.ACTION_PLAN
    assert letter.key == "action_plan:1"
    assert letter.subject == "Your ASB Case Review: the final action plan (EHE-2026-0001)"
    for text in texts(letter):
        assert "On 16 March 2026 we made the action plan of your ASB Case Review" in text
        assert "The panel considered them before the plan was made final." in text
        assert "Install noise monitoring equipment East Hertfordshire Council 6 April 2026" in text
        assert "How the actions are monitored" in text
        assert "reports its progress to your single point of contact" in text
        assert "we will write to you to tell you that your case is closing, and why" in text


def test_a_plan_made_final_without_comments_says_so(area, coordinator):
    case = consulting(area, coordinator)
    # The window ends on Monday 30 March 2026; the plan is made final the day after.
    assert case.meetings.get().comment_until == dt.date(2026, 3, 30)
    with later(15):
        case = review_finalise_plan(case, by=coordinator)
        [letter] = write_letters(case, Step.FINALISE_PLAN).written

    for text in texts(letter):
        assert "We did not receive comments from you on the draft plan by 30 March 2026" in text


def test_the_lead_agency_is_named(area, coordinator):
    case = monitoring(area, coordinator)
    case = review_change_lead_agency(
        case, by=coordinator, agency=area.police_force, reason="The police hold the most."
    )

    [letter] = write_letters(case, Step.FINALISE_PLAN).written

    for text in texts(letter):
        assert f"{area.police_force.name} is the lead agency for your case" in text


def test_the_final_plan_goes_to_the_victim_and_the_applicant_once(area, coordinator):
    case = monitoring(area, coordinator, applicant=third_party())

    planned = plan_letters(case, Step.FINALISE_PLAN)
    written = write_letters(case, Step.FINALISE_PLAN).written
    again = write_letters(case, Step.FINALISE_PLAN).written

    assert [(p.key, p.to.recipient) for p in planned] == [
        ("action_plan:1", Recipient.VICTIM),
        ("action_plan:1:applicant", Recipient.APPLICANT),
    ]
    assert len(written) == 2
    assert again == []
