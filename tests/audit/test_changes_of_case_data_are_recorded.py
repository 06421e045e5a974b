"""Every change of case data is recorded, without the personal data itself: the model, the id,
created / changed (the names of the fields) / deleted, and the case's reference."""

from __future__ import annotations

import pytest

from casereview.audit.models import AccessRecord, AuditRecord
from casereview.cases.models import Deadline
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def changes_of(reference: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(kind="change", case_reference=reference))


def test_a_new_case_is_recorded_as_created(area, coordinator, in_march):
    case = receive(area, coordinator)

    created = [r for r in changes_of(case.reference) if r.object_label == "cases.case"]
    assert created[0].what == "cases.case created"
    assert (created[0].object_pk, created[0].area_id) == (str(case.pk), area.pk)


def test_a_change_names_the_fields_changed_but_not_their_values(area, coordinator, in_march):
    case = receive(area, coordinator)
    case.victim_name = "Pat Renamed"
    case.save()

    last = changes_of(case.reference)[-1]
    assert last.what == "cases.case changed: victim_name"
    assert "Pat Renamed" not in str(AuditRecord.objects.values_list())


def test_a_deletion_is_recorded_with_the_reference_kept(area, coordinator, in_march):
    case = receive(area, coordinator)
    reference = case.reference
    deadlines = list(Deadline.objects.filter(case=case).values_list("pk", flat=True))
    assert deadlines

    Deadline.objects.filter(case=case).delete()

    deleted = [r for r in changes_of(reference) if r.what == "cases.deadline deleted"]
    assert sorted(int(r.object_pk) for r in deleted) == sorted(deadlines)


def test_changes_are_not_reads(area, coordinator, in_march):
    receive(area, coordinator)

    assert AuditRecord.objects.filter(kind="change").exists()
    assert not AccessRecord.objects.exists()


def test_a_change_outside_any_request_is_the_systems(area, coordinator, in_march):
    case = receive(area, coordinator)

    assert {r.actor for r in changes_of(case.reference)} == {"system"}
