"""An application is stored exactly once, however often Submit is pressed and whatever happens
to the connection: the first submission claims the draft, the others get its case."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.apply import selectors, services
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import at
from tests.public.apply.helpers import answer_all, done_url, for_myself, start, submit


@pytest.mark.usefixtures("in_march")
def test_pressing_submit_twice_stores_one_case(area: Area) -> None:
    client = Client()
    start(client, area)
    answer_all(client, area, for_myself(area))

    first = submit(client, area)
    second = submit(client, area)

    assert first["Location"] == second["Location"] == done_url(area)
    assert Case.objects.count() == 1


@pytest.mark.usefixtures("in_march")
def test_a_resent_request_after_a_dropped_connection_gets_the_same_case(area: Area) -> None:
    client = Client()
    draft = start(client, area)
    answer_all(client, area, for_myself(area))
    where = selectors.taking_applications(area)
    assert where is not None

    # The first request went through, but its answer never reached the browser: the browser
    # sends the same request again with the draft as it had it (not yet submitted).
    case = services.submit(where, ApplicationDraft.objects.get(pk=draft.pk))
    stale = ApplicationDraft.objects.get(pk=draft.pk)
    stale.case = None

    again = services.submit(where, stale)

    assert again.pk == case.pk
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent transactions: run the suite on PostgreSQL (make test-postgres)",
)
def test_two_requests_submitting_at_the_same_moment_store_one_case(area: Area) -> None:
    with time_machine.travel(at(2026, 3, 16), tick=False):
        client = Client()
        draft = start(client, area)
        answer_all(client, area, for_myself(area))
    where = selectors.taking_applications(area)
    assert where is not None
    together = threading.Barrier(2)

    def one_submission() -> int:
        try:
            with time_machine.travel(at(2026, 3, 16), tick=True):
                mine = ApplicationDraft.objects.get(pk=draft.pk)
                together.wait()
                return services.submit(where, mine).pk
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        cases = list(pool.map(lambda _: one_submission(), range(2)))

    assert cases[0] == cases[1]
    assert Case.objects.count() == 1
