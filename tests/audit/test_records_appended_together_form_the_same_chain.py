"""Records appended together (``chain.append_all``, and ``record_batch`` within
``batch_records``, as each chunk of an import does) take one lock of the chain head and one
INSERT, and make exactly the chain that appending them one at a time makes: the same sequence
numbers, previous hashes and hashes, which ``verify_audit`` passes. On PostgreSQL, threads
appending together and one at a time at once never fork the chain."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit import chain
from casereview.audit.log import batch_records, record_batch, record_view
from casereview.audit.models import AuditRecord, Kind
from casereview.cases.models import Case
from tests.audit.helpers import assert_chain_is_whole, run_in_threads, verify_audit
from tests.cases.helpers import receive

AT = dt.datetime(2026, 3, 16, 10, 30, tzinfo=dt.UTC)


def _records(area: Area, count: int) -> list[AuditRecord]:
    """``count`` unsaved records, the same every time they are made (their moment fixed)."""
    return [
        AuditRecord(
            kind=Kind.CHANGE,
            at=AT + dt.timedelta(microseconds=number),
            actor="system",
            area_id=area.pk,
            object_label="partners.incident",
            what=f"partners.incident from police: {number} created, 0 changed",
        )
        for number in range(count)
    ]


class _Undo(Exception):
    pass


def _links(records: list[AuditRecord]) -> list[tuple[int, str, str]]:
    return [(r.seq, r.prev_hash, r.hash) for r in records]


@pytest.mark.django_db
def test_records_appended_together_get_the_sequence_and_hashes_of_appends_one_by_one(
    area: Area, coordinator: User
) -> None:
    receive(area, coordinator)  # a chain that does not start at the beginning
    one_by_one = _records(area, 5)
    try:
        with transaction.atomic():
            for record in one_by_one:
                chain.append(record)
            raise _Undo
    except _Undo:
        pass

    together = chain.append_all(_records(area, 5))

    assert _links(together) == _links(one_by_one)
    stored = list(AuditRecord.objects.filter(seq__gte=together[0].seq).order_by("seq"))
    assert _links(stored) == _links(together)
    assert all(chain.hash_of(r) == r.hash for r in stored)
    status, _out, error = verify_audit()
    assert (status, error) == (0, "")


@pytest.mark.django_db
def test_records_appended_together_lock_the_head_once_and_insert_once(area: Area) -> None:
    chain.append_all(_records(area, 1))  # the head exists, as it does outside a flushed test

    with CaptureQueriesContext(connection) as queries:
        chain.append_all(_records(area, 4))

    statements = [q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries]
    inserts = [q for q in queries.captured_queries if "audit_auditrecord" in q["sql"]]
    assert statements.count("SELECT") == 1  # the head, locked
    assert len(inserts) == 1
    assert statements.count("UPDATE") == 1  # the head, moved on
    assert verify_audit()[0] == 0


@pytest.mark.django_db
def test_a_single_append_is_three_statements(
    area: Area, coordinator: User, django_assert_num_queries: Any
) -> None:
    case = receive(area, coordinator)
    request = RequestFactory().get(f"/staff/cases/{case.reference}/")
    request.user = coordinator
    mine = Case.objects.select_related("area").get(pk=case.pk)

    # The head locked, the record inserted, the head moved on: a staff page view's cost.
    with django_assert_num_queries(3):
        record_view(request, mine, "case page")

    assert verify_audit()[0] == 0


@pytest.mark.django_db
def test_record_batch_within_batch_records_appends_at_the_end_in_order(area: Area) -> None:
    before = AuditRecord.objects.count()

    with batch_records():
        record_batch(None, area.pk, "partners.partnervictim from police: 3 created", "x.victim")
        with batch_records():  # a nested block joins the outer one
            record_batch(None, area.pk, "partners.incident from police: 9 created", "x.incident")
        assert AuditRecord.objects.count() == before

    appended = list(AuditRecord.objects.order_by("seq")[before:])
    assert [r.object_label for r in appended] == ["x.victim", "x.incident"]
    assert verify_audit()[0] == 0


@pytest.mark.django_db
def test_records_held_by_a_block_that_fails_are_never_appended(area: Area) -> None:
    before = AuditRecord.objects.count()

    def fails() -> None:
        with transaction.atomic(), batch_records():
            record_batch(None, area.pk, "partners.incident from police: 9 created", "x.incident")
            raise _Undo

    with pytest.raises(_Undo):
        fails()

    assert AuditRecord.objects.count() == before
    record_batch(None, area.pk, "after", "x.after")  # outside a block: at once, no gap
    seqs = list(AuditRecord.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
    assert verify_audit()[0] == 0


THREADS = 6
EACH = 8


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need a database server (see the note)"
)
@pytest.mark.django_db(transaction=True)
def test_threads_appending_together_and_one_by_one_never_fork_the_chain(
    area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)
    before = AuditRecord.objects.count()

    def append(number: int) -> None:
        mine = Case.objects.get(pk=case.pk)
        for each in range(EACH):
            if number % 2:
                with transaction.atomic(), batch_records():
                    for part in range(3):
                        record_batch(None, area.pk, f"thread {number} {each} {part}", "x.y")
            else:
                request = RequestFactory().get(f"/staff/cases/{mine.reference}/")
                request.user = coordinator
                record_view(request, mine, f"thread {number} view {each}")

    run_in_threads(append, THREADS)

    batched = (THREADS // 2) * EACH * 3
    assert_chain_is_whole(before + batched + (THREADS - THREADS // 2) * EACH)
