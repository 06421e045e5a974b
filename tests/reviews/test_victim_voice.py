"""The victim's voice: their choice recorded after the SPOC's call, a statement typed or
uploaded, an advocate named, and the choice changed later."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.cases.models import CaseEvent
from casereview.cases.workflow import Step
from casereview.reviews.models import VoiceChoice
from casereview.reviews.services import (
    Upload,
    Voice,
    review_record_victim_voice,
    review_schedule_meeting,
)
from tests.reviews.helpers import meeting_plan, met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def voice(choice: str, **kw) -> Voice:
    return Voice(choice=choice, contacted_on=timezone.localdate(), **kw)


def test_a_statement_is_needed_typed_or_uploaded(area, coordinator):
    case = met_case(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_record_victim_voice(case, by=coordinator, voice=voice(VoiceChoice.IMPACT_STATEMENT))
    assert refused.value.message_dict["statement"] == [
        "Type the victim impact statement, or upload it as a file."
    ]

    upload = Upload("statement.pdf", "application/pdf", b"%PDF-1.4 statement")
    case = review_record_victim_voice(
        case, by=coordinator, voice=voice(VoiceChoice.IMPACT_STATEMENT, upload=upload)
    )
    assert case.victim_voice.statement_file_name == "statement.pdf"
    stored = case.victim_voice.statement_file
    assert stored is not None
    assert bytes(stored) == b"%PDF-1.4 statement"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("statement.exe", b"MZ", "The statement must be a PDF, Word, OpenDocument"),
        ("statement.pdf", b"", "The file is empty."),
        ("statement.pdf", b"x" * (10 * 1024 * 1024 + 1), "smaller than 10 MB"),
    ],
)
def test_a_bad_upload_is_refused_with_the_reason(area, coordinator, name, data, message):
    case = met_case(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_record_victim_voice(
            case,
            by=coordinator,
            voice=voice(VoiceChoice.IMPACT_STATEMENT, upload=Upload(name, "x", data)),
        )

    assert message in refused.value.message_dict["upload"][0]


def test_an_advocate_needs_a_name_or_an_organisation(area, coordinator):
    case = met_case(area, coordinator)

    with pytest.raises(ValidationError) as refused:
        review_record_victim_voice(case, by=coordinator, voice=voice(VoiceChoice.ADVOCATE))
    assert "advocate_name" in refused.value.message_dict

    case = review_record_victim_voice(
        case,
        by=coordinator,
        voice=voice(VoiceChoice.ADVOCATE, advocate_organisation="Victim Support"),
    )
    assert case.victim_voice.advocate_organisation == "Victim Support"


def test_a_changed_choice_is_kept_with_what_it_was_and_invites_the_victim(area, coordinator):
    case = met_case(area, coordinator)
    case = review_record_victim_voice(case, by=coordinator, voice=voice(VoiceChoice.NONE))
    scheduled = review_schedule_meeting(case, by=coordinator, plan=meeting_plan(area))
    assert scheduled.meeting.victim_invited is False

    case = review_record_victim_voice(
        scheduled.case, by=coordinator, voice=voice(VoiceChoice.ATTEND_BY_VIDEO)
    )

    last = CaseEvent.objects.filter(case=case, step=Step.RECORD_VICTIM_VOICE).last()
    assert last is not None
    assert last.data == {"choice": "attend_by_video", "changed_from": "none", "invited": True}
    scheduled.meeting.refresh_from_db()
    assert scheduled.meeting.victim_invited is True


def test_the_first_choice_records_when_the_victim_was_contacted(area, coordinator):
    case = met_case(area, coordinator)

    case = review_record_victim_voice(case, by=coordinator, voice=voice(VoiceChoice.NONE))

    assert case.victim_contacted_on == timezone.localdate()
