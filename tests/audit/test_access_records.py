"""Every read of case data by a person is recorded, and the record can never be altered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.test import RequestFactory

from casereview.audit.log import record_view, views_of
from casereview.audit.models import AccessRecord, ImmutableRecord
from tests.cases.helpers import at, receive

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_march() -> Iterator[None]:
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield


def test_a_view_is_recorded_with_who_what_and_where(area, coordinator):
    case = receive(area, coordinator)
    request = RequestFactory().get(f"/staff/cases/{case.reference}/?tab=letters")
    request.user = coordinator

    record_view(request, case, "case page")

    (record,) = views_of(case)
    assert (record.user, record.case_reference, record.what) == (
        coordinator,
        case.reference,
        "case page",
    )
    assert record.path == f"/staff/cases/{case.reference}/?tab=letters"
    assert record.method == "GET"


def test_records_cannot_be_changed_or_deleted(area, coordinator):
    case = receive(area, coordinator)
    request = RequestFactory().get("/")
    request.user = coordinator
    record = record_view(request, case, "case page")

    record.what = "something else"
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()
    with pytest.raises(ImmutableRecord):
        AccessRecord.objects.filter(case=case).update(what="x")
    with pytest.raises(ImmutableRecord):
        AccessRecord.objects.filter(case=case).delete()
    assert AccessRecord.objects.get(pk=record.pk).what == "case page"
