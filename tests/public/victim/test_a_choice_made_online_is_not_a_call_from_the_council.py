"""The victim choosing online is recorded honestly: as made on the tracking page, not as a call
from the council, so the council's call after the decision is still owed; and staff recording
the choice later keep what the victim said they need."""

from __future__ import annotations

import pytest
from django.utils import timezone

from casereview.cases.models import DeadlineKind
from casereview.reviews.models import VictimVoice
from casereview.reviews.services import Voice, review_record_victim_voice
from tests.public.victim.helpers import ACTION_URLS, tracking
from tests.reviews.helpers import met_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_the_councils_call_is_still_due_after_an_online_choice(area, coordinator):
    case = met_case(area, coordinator)

    tracking(case).post(ACTION_URLS["victim_involvement"], {"choice": "none"})

    case.refresh_from_db()
    assert case.victim_contacted_on is None
    call = case.deadlines.get(kind=DeadlineKind.VICTIM_CONTACT)
    assert call.met_on is None


def test_a_call_recorded_by_staff_still_meets_it(area, coordinator):
    case = met_case(area, coordinator)
    tracking(case).post(ACTION_URLS["victim_involvement"], {"choice": "none"})

    review_record_victim_voice(
        case,
        by=coordinator,
        voice=Voice(choice="attend_in_person", contacted_on=timezone.localdate()),
    )

    case.refresh_from_db()
    assert case.victim_contacted_on == timezone.localdate()


def test_staff_recording_the_choice_keep_the_victims_support_needs(area, coordinator):
    case = met_case(area, coordinator)
    tracking(case).post(
        ACTION_URLS["victim_involvement"],
        {"choice": "attend_in_person", "support_needs": "Step-free access"},
    )

    review_record_victim_voice(
        case,
        by=coordinator,
        voice=Voice(choice="attend_in_person", contacted_on=timezone.localdate()),
    )

    voice = VictimVoice.objects.get(case=case)
    assert voice.support_needs == "Step-free access"
    assert voice.contacted_how == "phone"
