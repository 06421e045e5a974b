"""A case closed after its review tells the victim when and why, that the review meeting was
held, and what became of each action they were shown."""

import pytest
from django.utils import timezone

from casereview.cases.services import case_close
from casereview.cases.workflow import Step
from casereview.letters.services import write_letters
from casereview.reviews.models import ActionStatus
from casereview.reviews.services import review_update_action
from tests.letters.helpers import texts
from tests.reviews.helpers import HIDDEN_ACTION, monitoring

pytestmark = pytest.mark.django_db


def test_the_closure_letter_after_a_review_says_the_actions_are_complete(area, coordinator):
    case = monitoring(area, coordinator)
    for action in case.meetings.get().actions.order_by("pk"):
        case = review_update_action(
            case,
            action,
            by=coordinator,
            status=ActionStatus.DONE,
            completed_on=timezone.localdate(),
        )
    case = case_close(case, by=coordinator, reason="Every action of the plan is complete.")

    [letter] = write_letters(case, Step.CLOSE).written

    for text in texts(letter):
        assert "We closed your ASB Case Review, reference EHE-2026-0001, on 16 March 2026." in text
        assert "Every action of the plan is complete." in text
        assert "The case review meeting for your case was held on 16 March 2026." in text
        assert "Every action of the plan we shared with you has been completed or cancelled" in text
        assert "Install noise monitoring equipment" in text
        assert "Done on 16 March 2026" in text
        assert HIDDEN_ACTION not in text


def test_the_closure_letter_of_a_case_without_a_review_does_not_mention_one(area, coordinator):
    from tests.cases.helpers import close_after_window
    from tests.letters.helpers import decided_not_met

    case = decided_not_met(area, coordinator)
    case = close_after_window(case, coordinator, "No review was requested within 28 days.")

    [letter] = write_letters(case, Step.CLOSE).written

    for text in texts(letter):
        assert "No review was requested within 28 days." in text
        assert "case review meeting" not in text
