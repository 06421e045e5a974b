"""Choosing online how to be involved in the review: the choice goes through the same service as
staff use, is recorded as the applicant's own step made online, and can be changed until the
meeting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from casereview.cases.workflow import Step
from casereview.reviews.models import VictimVoice
from tests.public.victim.helpers import ACTION_URLS, success_messages, text_of, tracking
from tests.reviews.helpers import held, met_case, voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

URL = ACTION_URLS["victim_involvement"]


def test_choosing_to_attend_is_saved_as_the_victims_own_online_choice(area, coordinator):
    case = met_case(area, coordinator)
    browser = tracking(case)

    response = browser.post(
        URL, {"choice": "attend_by_video", "support_needs": " A BSL interpreter, please. "}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("public:track")
    assert success_messages(response) == [
        "Your choice is saved: Join the first part of the meeting by video call. You can "
        "change it until the review meeting."
    ]
    voice = VictimVoice.objects.get(case=case)
    assert voice.choice == "attend_by_video"
    assert voice.contacted_how == "online"
    assert voice.support_needs == "A BSL interpreter, please."
    event = case.events.get(step=Step.RECORD_VICTIM_VOICE)
    assert event.by is None
    assert event.data["by_applicant"] is True


def test_an_advocate_needs_a_name_or_an_organisation(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"choice": "advocate", "advocate_contact": "07700 900999"})

    assert response.status_code == 200
    page = text_of(response)
    assert "There is a problem" in page
    assert "Enter the name of the person who will speak for you, or their organisation" in page
    # What was typed is shown again.
    assert 'value="07700 900999"' in page
    assert not VictimVoice.objects.filter(case=case).exists()


def test_an_advocate_is_recorded_with_their_details(area, coordinator):
    case = met_case(area, coordinator)

    tracking(case).post(
        URL,
        {
            "choice": "advocate",
            "advocate_name": "Jo Helper",
            "advocate_organisation": "Victim Support",
        },
    )

    voice = VictimVoice.objects.get(case=case)
    assert (voice.choice, voice.advocate_name, voice.advocate_organisation) == (
        "advocate",
        "Jo Helper",
        "Victim Support",
    )


def test_no_choice_is_an_error_in_the_summary(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"choice": "shout_loudly"})

    assert response.status_code == 200
    assert "Choose how you want to be involved in the review meeting" in text_of(response)


def test_changing_the_choice_keeps_the_statement_and_the_support_staff_offered(area, coordinator):
    case = voiced(area, coordinator, choice="impact_statement")

    tracking(case).post(URL, {"choice": "attend_in_person"})

    voice = VictimVoice.objects.get(case=case)
    assert voice.choice == "attend_in_person"
    assert voice.statement == "The noise every night has made me ill."
    assert voice.support_offered == "Victim Support, referral accepted"
    assert case.events.filter(step=Step.RECORD_VICTIM_VOICE).count() == 2


def test_the_page_shows_the_current_choice(area, coordinator):
    case = voiced(area, coordinator, choice="attend_in_person")

    page = text_of(tracking(case).get(URL))

    assert "Your choice at the moment: Go to the first part of the meeting in person." in page
    assert 'value="attend_in_person" checked' in page


def test_choosing_a_statement_without_one_leads_to_the_statement_page(area, coordinator):
    case = met_case(area, coordinator)
    browser = tracking(case)

    response = browser.post(URL, {"choice": "impact_statement", "support_needs": "Large print"})

    assert response.status_code == 302
    assert response["Location"] == reverse("public:victim_statement")
    assert not VictimVoice.objects.filter(case=case).exists()
    page = text_of(browser.get(response["Location"]))
    assert "You chose to give a victim impact statement." in page

    browser.post(reverse("public:victim_statement"), {"statement": "I cannot sleep."})

    voice = VictimVoice.objects.get(case=case)
    assert (voice.choice, voice.statement, voice.support_needs) == (
        "impact_statement",
        "I cannot sleep.",
        "Large print",
    )


def test_after_the_meeting_the_page_explains_the_choice_is_closed(area, coordinator):
    case = held(area, coordinator)

    response = tracking(case).post(URL, {"choice": "none", "support_needs": "My words"})

    assert response.status_code == 200
    page = text_of(response)
    assert "You cannot do this now" in page
    assert "The review meeting has already been held" in page
    # Nothing typed is lost: it is shown to copy.
    assert "My words" in page
