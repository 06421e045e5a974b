"""The history of a case is append-only: events are never changed or deleted one by one."""

from __future__ import annotations

import pytest

from casereview.cases.models import CaseEvent, ImmutableRow
from tests.cases.helpers import receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def test_an_event_cannot_be_changed(area, coordinator):
    event = receive(area, coordinator).events.get()
    event.note = "Rewritten history"

    with pytest.raises(ImmutableRow):
        event.save()

    event.refresh_from_db()
    assert event.note == ""


def test_an_event_cannot_be_deleted(area, coordinator):
    event = receive(area, coordinator).events.get()

    with pytest.raises(ImmutableRow):
        event.delete()

    assert CaseEvent.objects.filter(pk=event.pk).exists()


def test_events_cannot_be_changed_or_deleted_in_bulk(area, coordinator):
    case = receive(area, coordinator)

    with pytest.raises(ImmutableRow):
        CaseEvent.objects.filter(case=case).update(note="x")
    with pytest.raises(ImmutableRow):
        CaseEvent.objects.filter(case=case).delete()

    assert case.events.count() == 1
