"""Someone who can only read a case cannot take an appeal's steps (403); someone from another
area is told the case does not exist (404), whatever the page."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.appeals.models import Appeal
from casereview.areas.models import Area
from tests.appeals.helpers import lodge
from tests.appeals.views.urls import appeal_page, lodge_url
from tests.letters.helpers import decided_not_met

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


@pytest.fixture
def appeal(area: Area, coordinator: User) -> Appeal:
    return lodge(decided_not_met(area, coordinator), coordinator)


def urls(appeal: Appeal) -> list[str]:
    return [lodge_url(appeal.case), appeal_page(appeal, "hear"), appeal_page(appeal, "outcome")]


def test_a_read_only_member_is_refused_every_step(appeal: Appeal, read_only_client: Client) -> None:
    for url in urls(appeal):
        assert read_only_client.get(url).status_code == 403, url
        assert read_only_client.post(url, {}).status_code == 403, url
    appeal.refresh_from_db()
    assert appeal.heard_on is None


def test_someone_from_another_area_finds_nothing(appeal: Appeal, outsider_client: Client) -> None:
    for url in [*urls(appeal), appeal_page(appeal)]:
        assert outsider_client.get(url).status_code == 404, url
        assert outsider_client.post(url, {}).status_code == 404, url


def test_an_unknown_appeal_is_not_found(appeal: Appeal, coordinator_client: Client) -> None:
    missing = appeal_page(appeal).replace(f"/{appeal.pk}/", "/999999/")

    assert coordinator_client.get(missing).status_code == 404
