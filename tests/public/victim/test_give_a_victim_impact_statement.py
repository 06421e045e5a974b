"""Giving a victim impact statement online: typed, or uploaded as a file (a form without
JavaScript), with the service's checks of the file's type and size as the errors."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.cases.workflow import Step
from casereview.reviews.models import VictimVoice
from tests.public.victim.helpers import ACTION_URLS, success_messages, text_of, tracking
from tests.reviews.helpers import consulting, met_case, voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]

URL = ACTION_URLS["victim_statement"]


def test_a_typed_statement_is_saved_as_the_victims_own(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"statement": "  The shouting wakes my children.  "})

    assert response["Location"] == reverse("public:track")
    assert success_messages(response) == [
        "Your victim impact statement is saved. The review panel will read it before the meeting."
    ]
    voice = VictimVoice.objects.get(case=case)
    assert (voice.choice, voice.statement, voice.contacted_how) == (
        "impact_statement",
        "The shouting wakes my children.",
        "online",
    )
    assert case.events.get(step=Step.RECORD_VICTIM_VOICE).data["by_applicant"] is True


def test_an_uploaded_statement_is_kept_as_the_victims_file(area, coordinator):
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("my statement.pdf", b"%PDF-1.4 mine", "application/pdf")

    response = tracking(case).post(URL, {"statement": "", "upload": upload})

    assert response.status_code == 302
    voice = VictimVoice.objects.get(case=case)
    assert voice.statement_file_name == "my statement.pdf"
    assert voice.statement_file is not None
    assert bytes(voice.statement_file) == b"%PDF-1.4 mine"


def test_a_file_that_is_too_big_is_refused_with_the_typed_text_kept(area, coordinator):
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("big.pdf", b"x" * (10 * 1024 * 1024 + 1), "application/pdf")

    response = tracking(case).post(URL, {"statement": "Kept words", "upload": upload})

    assert response.status_code == 200
    page = text_of(response)
    assert "The statement must be smaller than 10 MB." in page
    assert 'href="#id_upload"' in page
    assert "Kept words" in page
    assert not VictimVoice.objects.filter(case=case).exists()


def test_a_file_of_the_wrong_type_is_refused(area, coordinator):
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("run-me.exe", b"MZ", "application/octet-stream")

    response = tracking(case).post(URL, {"upload": upload})

    assert response.status_code == 200
    assert (
        "The statement must be a PDF, Word, OpenDocument, text, RTF, JPEG or PNG file."
        in text_of(response)
    )


def test_an_empty_file_is_refused(area, coordinator):
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("empty.pdf", b"", "application/pdf")

    response = tracking(case).post(URL, {"upload": upload})

    assert response.status_code == 200
    assert "The file is empty." in text_of(response)


def test_nothing_typed_or_uploaded_is_an_error(area, coordinator):
    case = met_case(area, coordinator)

    response = tracking(case).post(URL, {"statement": "   "})

    assert response.status_code == 200
    assert "Type your statement, or choose a file to upload" in text_of(response)


def test_someone_attending_keeps_their_choice_and_adds_a_statement(area, coordinator):
    case = voiced(area, coordinator, choice="attend_in_person")

    tracking(case).post(URL, {"statement": "Written down too."})

    voice = VictimVoice.objects.get(case=case)
    assert (voice.choice, voice.statement) == ("attend_in_person", "Written down too.")


def test_the_page_shows_the_statement_already_given_to_change_it(area, coordinator):
    case = voiced(area, coordinator, choice="impact_statement")

    page = text_of(tracking(case).get(URL))

    assert "The noise every night has made me ill." in page
    assert 'enctype="multipart/form-data"' in page


def test_after_the_meeting_the_statement_can_no_longer_be_changed(area, coordinator):
    case = consulting(area, coordinator)

    response = tracking(case).post(URL, {"statement": "Too late, kept to copy"})

    assert response.status_code == 200
    page = text_of(response)
    assert "You cannot do this now" in page
    assert "Too late, kept to copy" in page
    assert not case.events.filter(step=Step.RECORD_VICTIM_VOICE, data__by_applicant=True).exists()
