"""Too many submissions from one connection get a friendly page (429) naming the council's
phone and e-mail, instead of a CAPTCHA."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public import ratelimit
from casereview.public.models import PublicRateHit
from tests.public.apply.helpers import answer_all, for_myself, start, submit

pytestmark = pytest.mark.usefixtures("in_march")


def test_over_the_limit_nothing_is_stored_and_the_council_is_named(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))
    key = ratelimit.client_key(RequestFactory().get("/"))
    PublicRateHit.objects.bulk_create(
        PublicRateHit(bucket=ratelimit.SUBMIT.bucket, client=key, at=timezone.now())
        for _ in range(ratelimit.SUBMIT.count)
    )

    response = submit(client, area)

    assert response.status_code == 429
    page = response.content.decode()
    assert "01279 655261" in page
    assert "community.safety@eastherts.gov.uk" in page
    assert Case.objects.count() == 0
