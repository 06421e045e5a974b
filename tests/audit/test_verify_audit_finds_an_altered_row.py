"""A record altered behind the application's back is found by ``verify_audit``, even when the
one who altered it recomputed its hash."""

from __future__ import annotations

import pytest

from casereview.audit.chain import hash_of
from casereview.audit.models import AuditRecord
from tests.audit.helpers import raw_sql, verify_audit, viewed
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def test_a_row_whose_what_was_rewritten_is_reported_altered(area, coordinator, in_march):
    case = receive(area, coordinator)
    target = viewed(case, coordinator, 4)[1]

    raw_sql("UPDATE {table} SET what = %s WHERE seq = %s", "nothing to see", target.seq)

    status, _, error = verify_audit()
    assert status == 1
    assert f"row {target.seq} altered" in error
    assert f"found {target.hash}" in error


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(area, coordinator, in_march):
    case = receive(area, coordinator)
    target = viewed(case, coordinator, 4)[1]
    forged = AuditRecord.objects.get(seq=target.seq)
    forged.what = "nothing to see"
    raw_sql(
        "UPDATE {table} SET what = %s, hash = %s WHERE seq = %s",
        forged.what,
        hash_of(forged),
        target.seq,
    )

    status, _, error = verify_audit()
    assert status == 1
    assert f"row {target.seq + 1} does not follow row {target.seq}" in error
