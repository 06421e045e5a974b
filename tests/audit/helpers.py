"""Helpers of the audit tests: records written through the real log functions, the chain
checked through the real command, and rows tampered with behind the model's back (raw SQL,
since the model refuses to change or delete them)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

from django.core.management import call_command
from django.db import connection, connections
from django.test import RequestFactory

from casereview.accounts.models import User
from casereview.audit.log import record_view
from casereview.audit.models import AccessRecord, AuditRecord
from casereview.cases.models import Case


def viewed(case: Case, user: User, times: int) -> list[AccessRecord]:
    """``times`` views of ``case`` by ``user``, each its own record."""
    records = []
    for number in range(times):
        request = RequestFactory().get(f"/staff/cases/{case.reference}/?read={number}")
        request.user = user
        records.append(record_view(request, case, f"case page {number}"))
    return records


def verify_audit() -> tuple[int, str, str]:
    """Run ``manage.py verify_audit``: (exit status, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", "--batch-size", "3", stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def raw_sql(sql: str, *params: str | int) -> None:
    table = connection.ops.quote_name(AuditRecord._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def run_in_threads(work: Callable[[int], None], count: int) -> None:
    """``work(n)`` for n in 0..count-1, each in a thread of its own with its own database
    connection, all released together by a barrier; fails if one never finishes or raises (a
    thread's exception is otherwise lost)."""
    start = threading.Barrier(count, timeout=30)
    failures: list[BaseException] = []

    def run(number: int) -> None:
        try:
            start.wait()
            work(number)
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    assert failures == []


def assert_chain_is_whole(records: int) -> None:
    """The chain holds ``records`` records numbered 1, 2, ... with no gap, and verifies."""
    seqs = list(AuditRecord.objects.order_by("seq").values_list("seq", flat=True))
    assert len(seqs) == records
    assert seqs == list(range(1, len(seqs) + 1))
    status, _out, error = verify_audit()
    assert (status, error) == (0, "")
