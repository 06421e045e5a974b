"""An untouched chain is verified whole: exit status 0 and the number of records."""

from __future__ import annotations

import itertools

import pytest

from casereview.audit.models import AuditRecord
from tests.audit.helpers import verify_audit, viewed
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def test_an_intact_chain_is_reported_with_its_count(area, coordinator, in_march):
    case = receive(area, coordinator)
    viewed(case, coordinator, 7)
    total = AuditRecord.objects.count()

    status, out, error = verify_audit()

    assert (status, error) == (0, "")
    assert f"intact: {total} records verified" in out


def test_each_record_follows_the_one_before(area, coordinator, in_march):
    case = receive(area, coordinator)
    viewed(case, coordinator, 3)

    records = list(AuditRecord.objects.order_by("seq"))

    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(records))
