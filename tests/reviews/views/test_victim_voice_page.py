"""The victim's-voice page records the victim's choice (with a typed or uploaded impact
statement), pre-fills the current choice to change it, refuses a bad upload with its reason and
keeps what was typed, and serves the uploaded statement back to staff."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.log import views_of
from casereview.reviews.models import VictimVoice, VoiceChoice
from casereview.reviews.services import Voice, review_record_victim_voice
from tests.cases.views.pages import date_fields, error_summary, main_text
from tests.reviews.helpers import met_case, voiced
from tests.reviews.views.pages import field_value, review_url

TODAY = dt.date(2026, 12, 21)


def _choice(choice: str, **extra: object) -> dict[str, object]:
    return {
        "choice": choice,
        **date_fields("contacted_on", TODAY),
        "contacted_how": "phone",
        **extra,
    }


def test_choosing_to_attend_records_the_choice_and_the_contact(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)

    response = coordinator_client.post(
        review_url("voice", case),
        _choice(VoiceChoice.ATTEND_BY_VIDEO, support_offered="Victim Support referral"),
        follow=True,
    )

    assert "The victim's choice for the review is recorded." in main_text(response)
    voice = VictimVoice.objects.get(case=case)
    assert voice.choice == VoiceChoice.ATTEND_BY_VIDEO
    assert voice.support_offered == "Victim Support referral"
    case.refresh_from_db()
    assert case.victim_contacted_on == TODAY


def test_an_uploaded_statement_is_kept_and_can_be_downloaded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("statement.pdf", b"%PDF-1.4 my statement", "application/pdf")

    coordinator_client.post(
        review_url("voice", case), _choice(VoiceChoice.IMPACT_STATEMENT, upload=upload)
    )
    download = coordinator_client.get(review_url("statement", case))

    assert download.status_code == 200
    assert download.content == b"%PDF-1.4 my statement"
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="statement.pdf"'
    assert "victim impact statement file" in [record.what for record in views_of(case)]


def test_an_upload_of_the_wrong_type_is_refused_and_what_was_typed_is_kept(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)
    upload = SimpleUploadedFile("statement.exe", b"MZ binary", "application/octet-stream")

    response = coordinator_client.post(
        review_url("voice", case),
        _choice(
            VoiceChoice.IMPACT_STATEMENT,
            upload=upload,
            advocate_organisation="Kept Victim Support",
        ),
    )

    assert response.status_code == 200
    assert "The statement must be a PDF, Word, OpenDocument, text, RTF, JPEG or PNG file." in (
        error_summary(response)
    )
    assert field_value(response, "advocate_organisation") == "Kept Victim Support"
    assert not VictimVoice.objects.filter(case=case).exists()


def test_an_impact_statement_with_neither_text_nor_file_is_refused(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)

    response = coordinator_client.post(
        review_url("voice", case), _choice(VoiceChoice.IMPACT_STATEMENT)
    )

    assert "Type the victim impact statement, or upload it as a file." in error_summary(response)
    assert not VictimVoice.objects.filter(case=case).exists()


def test_a_missing_choice_and_date_are_named_and_nothing_is_recorded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = met_case(area, coordinator)

    response = coordinator_client.post(
        review_url("voice", case), {"contacted_how": "phone", "support_offered": "Kept text"}
    )

    summary = error_summary(response)
    assert "Choose how the victim wants to be heard" in summary
    assert "Enter the date you spoke to the victim" in summary
    assert "Kept text" in response.content.decode()
    assert not VictimVoice.objects.filter(case=case).exists()


def test_changing_the_choice_starts_from_the_current_one(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = review_record_victim_voice(
        met_case(area, coordinator),
        by=coordinator,
        voice=Voice(choice=VoiceChoice.ADVOCATE, contacted_on=TODAY, advocate_name="Ann Advocate"),
    )

    response = coordinator_client.get(review_url("voice", case))

    page = response.content.decode()
    assert "Change how the victim is heard at the review" in main_text(response)
    assert 'value="advocate" checked' in page
    assert field_value(response, "advocate_name") == "Ann Advocate"


def test_there_is_no_statement_to_download_before_one_is_uploaded(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = voiced(area, coordinator)

    response = coordinator_client.get(review_url("statement", case))

    assert response.status_code == 404
