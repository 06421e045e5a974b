"""An application the local policy says is not suitable is recorded and screened out at once,
with the signposting the applicant is given; staff start from the usual text for the reason."""

from __future__ import annotations

from casereview.cases.intake_forms import default_signposting
from casereview.cases.models import Case
from casereview.cases.workflow import Status
from tests.cases.views_intake.conftest import RECEIVE_URL, application, messages_of, text_of


def test_a_cps_decision_is_screened_out_with_the_signposting(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(
            not_suitable_reason="cps_decision",
            signposting="Ask the CPS under the Victims' Right to Review scheme.",
        ),
    )

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == Status.NOT_SUITABLE
    assert case.not_suitable_reason == "cps_decision"
    assert case.signposting == "Ask the CPS under the Victims' Right to Review scheme."
    assert messages_of(response) == [
        f"Application {case.reference} recorded and screened out as not suitable: a letter "
        "with the signposting follows."
    ]


def test_blank_signposting_is_filled_with_the_usual_text_to_check(staff_client, coordinator, area):
    client = staff_client(coordinator)

    response = client.post(RECEIVE_URL, application(not_suitable_reason="officer_conduct"))

    assert response.status_code == 200
    assert not Case.objects.exists()
    usual = default_signposting("officer_conduct")
    assert "Independent Office for Police Conduct" in usual
    assert "Check where the applicant is signposted instead" in text_of(response)
    form = response.context_data["form"]
    assert form["signposting"].value() == usual

    # Submitting again as shown records the case with the usual text.
    again = client.post(
        RECEIVE_URL, application(not_suitable_reason="officer_conduct", signposting=usual)
    )

    assert again.status_code == 302
    assert Case.objects.get().signposting == usual


def test_an_anonymous_applicant_needs_no_victim_name(staff_client, coordinator, area):
    response = staff_client(coordinator).post(
        RECEIVE_URL,
        application(
            victim_name="",
            victim_email="",
            victim_phone="",
            not_suitable_reason="anonymous_applicant",
            signposting="Crimestoppers on 0800 555 111.",
        ),
    )

    assert response.status_code == 302
    assert Case.objects.get().status == Status.NOT_SUITABLE


def test_a_suitable_application_still_needs_the_victims_name(staff_client, coordinator, area):
    response = staff_client(coordinator).post(RECEIVE_URL, application(victim_name=""))

    assert response.status_code == 200
    assert response.context_data["form"].errors["victim_name"] == ["Enter the victim's name."]
