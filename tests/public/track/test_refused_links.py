"""A tracking link that has expired, was tampered with, is of another kind, or whose address is
no longer on the case opens nothing: a friendly page offers a new one."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from casereview.cases.models import Case
from casereview.public import links
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, link_for


@pytest.fixture
def case(area, coordinator, in_march):
    return receive(area, coordinator)


def assert_refused(client: Client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    text = page.content.decode()
    assert "This link no longer works" in text
    assert reverse("public:track_start") in text
    # And the session was given nothing.
    assert client.get(TRACK_URL)["Location"] == reverse("public:track_start")


def test_a_link_older_than_the_tracking_period_is_refused(case, client):
    path = link_for(case)
    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=settings.TRACKING_LINK_DAYS, hours=1)

    with time_machine.travel(later, tick=False):
        assert_refused(client, path)


def test_a_link_just_inside_the_tracking_period_still_opens(case, client):
    path = link_for(case)
    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=settings.TRACKING_LINK_DAYS - 1)

    with time_machine.travel(later, tick=False):
        assert client.get(path).status_code == 302


def test_a_tampered_link_is_refused(case, client):
    token = links.tracking_token(case, "sam@example.test")
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")

    assert_refused(client, reverse("public:track_open", kwargs={"token": tampered}))


def test_a_link_cut_short_or_added_to_is_refused(case, client):
    token = links.tracking_token(case, "sam@example.test")
    payload = token.partition(":")[0]

    assert_refused(client, reverse("public:track_open", kwargs={"token": "x" + token}))
    assert_refused(client, reverse("public:track_open", kwargs={"token": payload}))


def test_a_resume_link_is_not_a_tracking_link(case, client, area):
    draft = ApplicationDraft.objects.create(area=area, resume_email="sam@example.test")
    token = links.resume_token(draft)

    assert_refused(client, reverse("public:track_open", kwargs={"token": token}))


def test_a_link_dies_when_the_email_address_on_the_case_changes(case, client):
    path = link_for(case)
    Case.objects.filter(pk=case.pk).update(victim_email="new@example.test")

    assert_refused(client, path)


def test_an_open_page_closes_when_the_email_address_on_the_case_changes(case, client):
    assert client.get(link_for(case)).status_code == 302
    assert client.get(TRACK_URL).status_code == 200

    Case.objects.filter(pk=case.pk).update(victim_email="new@example.test")

    assert client.get(TRACK_URL)["Location"] == reverse("public:track_start")
