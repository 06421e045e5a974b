"""Someone with read-only access sees cases but takes no step: the intake pages answer 403."""

from __future__ import annotations

import pytest

from casereview.cases.models import Case
from casereview.cases.workflow import Status
from tests.cases.helpers import gathering
from tests.cases.views_intake.conftest import RECEIVE_URL, application, page_url


def test_read_only_cannot_open_or_post_the_receive_page(staff_client, read_only, area):
    client = staff_client(read_only)

    assert client.get(RECEIVE_URL).status_code == 403
    assert client.post(RECEIVE_URL, application()).status_code == 403
    assert not Case.objects.exists()


@pytest.mark.parametrize("name", ["cases:decide", "cases:decline-repeat"])
def test_read_only_cannot_open_or_post_a_step_page(
    staff_client, read_only, coordinator, area, name
):
    case = gathering(area, coordinator)
    client = staff_client(read_only)

    assert client.get(page_url(name, case.reference)).status_code == 403
    assert client.post(page_url(name, case.reference), {"reasons": "x"}).status_code == 403
    assert Case.objects.get().status == Status.GATHERING_INFORMATION
