"""The minutes page lists who the minutes go to (panel members with an e-mail address) and
sends them."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.reviews.models import Meeting
from tests.cases.views.pages import main_text
from tests.reviews.helpers import held
from tests.reviews.views.pages import review_url


def test_the_page_lists_the_panel_members_the_minutes_go_to(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)
    Meeting.objects.get(case=case).panel.filter(name="Member 3").update(email="")

    response = coordinator_client.get(review_url("minutes", case))

    text = main_text(response)
    sent_to = text[text.index("are sent by e-mail to") : text.index("Not sent")]
    assert "member1@example.org" in sent_to
    assert "fire@example.org" in sent_to
    assert "Member 3" not in sent_to
    assert "Member 3" in text[text.index("Not sent") :]


def test_sending_the_minutes_records_the_day(
    area: Area, coordinator: User, coordinator_client: Client
) -> None:
    case = held(area, coordinator)

    response = coordinator_client.post(review_url("minutes", case), follow=True)

    assert "The minutes and the action plan are sent to the panel." in main_text(response)
    assert Meeting.objects.get(case=case).minutes_sent_on == dt.date(2026, 12, 21)
