"""Redaction, end to end: a case whose people alleged responsible, proportionality assessment
and hidden action hold known marker strings is taken through the meeting, the outcome, the
final plan, an appeal and closure. No letter to the victim or the applicant, in HTML, PDF or
Word, nor the e-mail carrying it, shows any marker."""

import pytest
from django.utils import timezone

from casereview.appeals.services import appeal_hear, appeal_lodge, appeal_send_outcome
from casereview.cases.services import case_close
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import LETTER_STEPS, write_letters
from casereview.letters.tasks import build_message
from casereview.reviews.models import ActionStatus
from casereview.reviews.services import (
    review_finalise_plan,
    review_record_meeting,
    review_record_victim_comment,
    review_send_outcome,
    review_update_action,
)
from tests.letters.helpers import texts, third_party
from tests.reviews.helpers import ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION, record, scheduled

pytestmark = pytest.mark.django_db

MARKERS = (ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION)
REVIEW_KINDS = (
    LetterKind.CT4,
    LetterKind.MEETING_INVITATION,
    LetterKind.OUTCOME,
    LetterKind.ACTION_PLAN,
    LetterKind.APPEAL_RECEIVED,
    LetterKind.APPEAL_OUTCOME,
    LetterKind.CLOSURE,
)


def test_no_victim_facing_letter_of_a_reviewed_case_shows_restricted_data(area, coordinator):
    today = timezone.localdate()
    case = scheduled(area, coordinator, applicant=third_party(), spoc=coordinator)
    # The invitation goes before the meeting is held.
    write_letters(case, Step.SCHEDULE_MEETING)
    case = review_record_meeting(case, by=coordinator, record=record(case, today))
    case = review_send_outcome(case, by=coordinator)
    case = review_record_victim_comment(
        case, by=coordinator, received_on=today, how="phone", text="Please act quickly."
    )
    case = review_finalise_plan(case, by=coordinator)
    appeal = appeal_lodge(case, by=coordinator, ground="review_conduct", received_on=today)
    appeal = appeal_hear(
        appeal, by=coordinator, heard_on=today, outcome="not_upheld", reasons="It was fair."
    )
    appeal_send_outcome(appeal, by=coordinator)
    for action in case.meetings.get().actions.all():
        case = review_update_action(
            case, action, by=coordinator, status=ActionStatus.DONE, completed_on=today
        )
    case = case_close(case, by=coordinator, reason="Every action is complete.")
    # The markers really are in the case, where only staff see them.
    meeting = case.meetings.get()
    assert case.alleged_responsible == ALLEGED
    assert meeting.interventions_considered == ASSESSMENT_MARKER
    assert meeting.actions.filter(description=HIDDEN_ACTION, victim_may_see=False).exists()

    for step in LETTER_STEPS:
        write_letters(case, step)

    letters = [letter for letter in case.letters.all() if letter.is_victim_facing]
    for kind in REVIEW_KINDS:
        # Each to the victim and, as a copy, to the applicant.
        sent_to = sorted(letter.recipient for letter in letters if letter.kind == kind)
        assert sent_to == [Recipient.APPLICANT, Recipient.VICTIM], kind
    for letter in letters:
        pdf, docx = texts(letter)
        message = build_message(letter)
        for text in (pdf, docx, letter.html, message.subject, message.body):
            for marker in MARKERS:
                assert marker.casefold() not in text.casefold(), (letter.key, marker)
