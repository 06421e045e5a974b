"""A row saved by a service that already holds its case (the case is cached on the row) is
recorded against that case without asking the database for it again; a row saved by its case's
id alone is looked up. Either way the record names the case's reference and area."""

from __future__ import annotations

import pytest

from casereview.audit.models import AuditRecord
from casereview.cases.models import Deadline
from tests.cases.helpers import receive

pytestmark = pytest.mark.django_db


def _last_change() -> AuditRecord:
    return AuditRecord.objects.filter(kind="change").latest("seq")


def test_a_row_holding_its_case_is_recorded_against_it(area, coordinator, in_march):
    case = receive(area, coordinator)
    deadline = Deadline.objects.filter(case=case).earliest("pk")
    deadline.case = case  # held, as a service holds it
    deadline.explanation = {"rule": "changed", "lines": []}
    deadline.save(update_fields=["explanation"])

    last = _last_change()
    assert last.what == "cases.deadline changed: explanation"
    assert (last.case_reference, last.case_id, last.area_id) == (case.reference, case.pk, area.pk)


def test_a_row_with_only_its_case_id_is_recorded_against_it_too(area, coordinator, in_march):
    case = receive(area, coordinator)
    first = Deadline.objects.filter(case=case).earliest("pk")
    deadline = Deadline.objects.only("pk", "case_id", "explanation").get(pk=first.pk)
    deadline.explanation = {"rule": "changed again", "lines": []}
    deadline.save(update_fields=["explanation"])

    last = _last_change()
    assert last.what == "cases.deadline changed: explanation"
    assert (last.case_reference, last.case_id, last.area_id) == (case.reference, case.pk, area.pk)
