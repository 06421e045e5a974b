"""A third party without the victim's recorded consent is refused, with an error on each
missing piece and everything typed kept."""

from __future__ import annotations

from casereview.cases.models import Case
from tests.cases.views_intake.conftest import RECEIVE_URL, application, text_of


def test_a_friend_applying_without_consent_is_refused(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(on_behalf="yes", applicant_name="Kim Friend", applicant_relationship="friend"),
    )

    assert response.status_code == 200
    assert not Case.objects.exists()
    page = text_of(response)
    assert "There is a problem" in page
    assert "Say how the victim gave their consent to this application." in page
    assert 'href="#id_consent_given_how"' in page
    assert 'href="#id_consent_given_on-day"' in page
    # Nothing typed is lost.
    assert 'value="Kim Friend"' in page
    assert "Loud music and shouting most nights." in page
    assert response.context_data["form"].errors["consent_given_on"] == ["Enter a date."]


def test_an_applicant_without_a_name_is_refused(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(on_behalf="yes", applicant_relationship="partner_agency", applicant_name=" "),
    )

    assert response.status_code == 200
    assert not Case.objects.exists()
    assert response.context_data["form"].errors["applicant_name"] == ["Enter the applicant's name."]
