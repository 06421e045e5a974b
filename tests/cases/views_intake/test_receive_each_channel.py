"""A coordinator records an application that arrived by any channel, and lands on its case
page with its reference."""

from __future__ import annotations

import pytest

from casereview.cases.models import Case, Channel
from casereview.cases.workflow import Status
from tests.cases.views_intake.conftest import RECEIVE_URL, application, messages_of, page_url


@pytest.mark.parametrize("channel", Channel.values)
def test_an_application_from_each_channel_is_received(staff_client, coordinator, area, channel):
    response = staff_client(coordinator).post(RECEIVE_URL, application(channel=channel))

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page_url("cases:case", case.reference)
    assert case.channel == channel
    assert case.status == Status.RECEIVED
    assert case.area == area
    assert case.victim_name == "Sam Victim"
    assert case.alleged_responsible == "The tenant of flat 3"
    assert case.applicant_is_victim is True
    assert messages_of(response) == [f"Application received: its reference is {case.reference}."]


def test_the_form_offers_every_channel(staff_client, coordinator, area):
    response = staff_client(coordinator).get(RECEIVE_URL)

    assert response.status_code == 200
    page = response.content.decode()
    for channel in Channel.values:
        assert f'value="{channel}"' in page
