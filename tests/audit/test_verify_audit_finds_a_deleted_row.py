"""A record deleted behind the application's back is found by ``verify_audit``."""

from __future__ import annotations

import pytest

from casereview.audit.models import AuditRecord
from tests.audit.helpers import raw_sql, verify_audit, viewed
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def test_a_row_deleted_from_the_middle_is_reported_missing(area, coordinator, in_march):
    case = receive(area, coordinator)
    records = viewed(case, coordinator, 5)
    gone = records[2].seq

    raw_sql("DELETE FROM {table} WHERE seq = %s", gone)

    status, _, error = verify_audit()
    assert status == 1
    assert f"row {gone} missing" in error


def test_the_last_row_deleted_is_reported_missing_against_the_chain_head(
    area, coordinator, in_march
):
    case = receive(area, coordinator)
    last = viewed(case, coordinator, 3)[-1].seq

    raw_sql("DELETE FROM {table} WHERE seq = %s", last)

    status, _, error = verify_audit()
    assert status == 1
    assert f"row {last} missing: the chain head records #{last}" in error


def test_the_model_itself_refuses_to_delete(area, coordinator, in_march):
    case = receive(area, coordinator)
    viewed(case, coordinator, 1)

    with pytest.raises(Exception, match="never deleted"):
        AuditRecord.objects.all().delete()
