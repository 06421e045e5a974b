"""Appends from many threads at once never fork the chain: every record gets its own sequence
number and follows exactly one other.

On PostgreSQL, threads with their own connections race for the chain head's row lock. The
suite's SQLite database is in memory, shared between threads by a shared cache that answers
"table is locked" instead of waiting, so there the transactions are interleaved in one
connection instead: an append rolled back with the transaction around it leaves no gap.
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test import RequestFactory

from casereview.audit.log import record_view
from casereview.audit.models import AuditRecord, ChainHead
from casereview.cases.models import Case
from tests.audit.helpers import assert_chain_is_whole, run_in_threads, verify_audit
from tests.cases.helpers import receive

THREADS = 8
EACH = 10


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need a database server (see the note)"
)
@pytest.mark.django_db(transaction=True)
def test_records_appended_from_many_threads_form_one_intact_chain(area, coordinator):
    case = receive(area, coordinator)
    before = AuditRecord.objects.count()

    def append_views(number: int) -> None:
        mine = Case.objects.get(pk=case.pk)
        for each in range(EACH):
            request = RequestFactory().get(f"/staff/cases/{mine.reference}/")
            request.user = coordinator
            record_view(request, mine, f"thread {number} view {each}")

    run_in_threads(append_views, THREADS)

    assert_chain_is_whole(before + THREADS * EACH)


class Abandoned(Exception):
    pass


@pytest.mark.django_db
def test_appends_rolled_back_with_their_transaction_leave_no_gap(area, coordinator):
    case = receive(area, coordinator)
    request = RequestFactory().get(f"/staff/cases/{case.reference}/")
    request.user = coordinator

    for number in range(6):
        try:
            with transaction.atomic():
                record_view(request, case, f"view {number}")
                if number % 2:
                    raise Abandoned
        except Abandoned:
            pass

    seqs = list(AuditRecord.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
    assert [r.what for r in AuditRecord.objects.filter(kind="view")] == [
        "view 0",
        "view 2",
        "view 4",
    ]
    assert verify_audit()[0] == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need a database server (see the note)"
)
@pytest.mark.django_db(transaction=True)
def test_threads_that_all_find_the_chain_head_missing_still_form_one_chain(area, coordinator):
    # A database just flushed (a test's) has records but no head row: every thread finds it
    # missing at once, one recreates it from the last record, and none may set it back.
    case = receive(area, coordinator)
    before = AuditRecord.objects.count()
    assert before > 0
    for _ in range(3):
        ChainHead.objects.all().delete()

        def append_views(number: int) -> None:
            mine = Case.objects.get(pk=case.pk)
            for each in range(3):
                request = RequestFactory().get(f"/staff/cases/{mine.reference}/")
                request.user = coordinator
                record_view(request, mine, f"thread {number} view {each}")

        run_in_threads(append_views, THREADS)
        before += THREADS * 3
        assert_chain_is_whole(before)
