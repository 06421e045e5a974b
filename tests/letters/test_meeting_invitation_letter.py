"""A victim who chose to attend is invited by letter to the first part of the review meeting:
when it starts and when their part ends, where (or the video link), who chairs it, that they
may bring a supporter, and who to contact. Arranged again for another time, a new letter goes;
a victim who chooses to attend after the meeting was arranged is invited then."""

import dataclasses
import datetime as dt

import pytest
from django.utils import timezone

from casereview.cases.workflow import Step
from casereview.letters.models import Letter, LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import Voice, review_record_victim_voice, review_schedule_meeting
from tests.letters.helpers import texts, third_party
from tests.reviews.helpers import LONDON, held, meeting_plan, scheduled

pytestmark = pytest.mark.django_db


def test_the_invitation_gives_the_time_place_chair_supporter_and_contact(area, coordinator):
    case = scheduled(area, coordinator, spoc=coordinator)

    [letter] = write_letters(case, Step.SCHEDULE_MEETING).written

    assert letter.kind == LetterKind.MEETING_INVITATION
    assert letter.key == "meeting_invitation:1:202603161400"
    assert letter.subject == (
        "Your ASB Case Review: invitation to the review meeting (EHE-2026-0001)"
    )
    for text in texts(letter):
        assert "invite you to the first part of the meeting" in text
        assert "16 March 2026" in text
        assert "From 2pm to 2:30pm" in text
        assert "Your part of the meeting ends at 2:30pm." in text
        assert "Wallfields, Pegs Lane, Hertford" in text
        assert "The meeting is chaired by Pat Chair of Broxbourne Borough Council." in text
        assert "The chair is independent of the agencies that handled your case." in text
        assert "You may bring a friend, a relative or a support worker with you" in text
        assert "Your single point of contact is Casey Coord." in text


def test_a_meeting_by_video_gives_the_link(area, coordinator):
    case = scheduled(area, coordinator, choice=VoiceChoice.ATTEND_BY_VIDEO)
    plan = dataclasses.replace(
        meeting_plan(area), place="", video_link="https://meet.example.org/asb-review"
    )
    case = review_schedule_meeting(case, by=coordinator, plan=plan).case

    [letter] = write_letters(case, Step.SCHEDULE_MEETING).written

    for text in texts(letter):
        assert "To join by video https://meet.example.org/asb-review" in text
        assert "You chose to join by video." in text


def test_the_applicant_gets_a_copy(area, coordinator):
    case = scheduled(area, coordinator, applicant=third_party())

    planned = plan_letters(case, Step.SCHEDULE_MEETING)

    assert [(p.to.recipient, p.is_copy) for p in planned] == [
        (Recipient.VICTIM, False),
        (Recipient.APPLICANT, True),
    ]
    assert planned[1].key == "meeting_invitation:1:202603161400:applicant"


def test_a_victim_who_chose_a_written_statement_is_not_invited(area, coordinator):
    case = scheduled(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)

    assert plan_letters(case, Step.SCHEDULE_MEETING) == []


def test_a_victim_who_chooses_to_attend_later_is_invited_then(area, coordinator):
    case = scheduled(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
    case = review_record_victim_voice(
        case,
        by=coordinator,
        voice=Voice(choice=VoiceChoice.ATTEND_IN_PERSON, contacted_on=timezone.localdate()),
    )

    [letter] = write_letters(case, Step.RECORD_VICTIM_VOICE).written

    assert letter.kind == LetterKind.MEETING_INVITATION


def test_a_meeting_moved_to_another_time_sends_a_new_invitation_once(area, coordinator):
    case = scheduled(area, coordinator)
    write_letters(case, Step.SCHEDULE_MEETING)
    plan = dataclasses.replace(
        meeting_plan(area), starts_at=dt.datetime(2026, 3, 20, 10, 30, tzinfo=LONDON)
    )
    case = review_schedule_meeting(case, by=coordinator, plan=plan).case

    [moved] = write_letters(case, Step.SCHEDULE_MEETING).written
    again = write_letters(case, Step.SCHEDULE_MEETING).written

    assert moved.key == "meeting_invitation:1:202603201030"
    assert again == []
    for text in texts(moved):
        assert "This letter replaces our earlier invitation." in text
        assert "20 March 2026" in text
        assert "From 10:30am to 11am" in text


def test_a_meeting_arranged_again_at_the_same_time_sends_nothing_new(area, coordinator):
    case = scheduled(area, coordinator)
    write_letters(case, Step.SCHEDULE_MEETING)
    case = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area)).case

    assert write_letters(case, Step.SCHEDULE_MEETING).written == []
    assert Letter.objects.filter(case=case, kind=LetterKind.MEETING_INVITATION).count() == 1


def test_no_invitation_once_the_meeting_is_held(area, coordinator):
    case = held(area, coordinator)

    assert plan_letters(case, Step.RECORD_VICTIM_VOICE) == []
