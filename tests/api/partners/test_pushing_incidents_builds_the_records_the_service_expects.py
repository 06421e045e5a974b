"""The partner API fills the ingest service's records straight from the validated batch: they
are the records the service's own constructor makes, and as frozen."""

from __future__ import annotations

import dataclasses

import pytest

from casereview.api.partner_schemas import IncidentBatchIn, IncidentIn
from casereview.api.partners import _records_of
from casereview.partners.ingest import IncidentRecord
from tests.api.partners.helpers import incident


def test_the_api_record_and_the_service_record_have_the_same_fields() -> None:
    assert set(IncidentIn.model_fields) == {f.name for f in dataclasses.fields(IncidentRecord)}


def test_each_record_equals_the_one_the_constructor_makes() -> None:
    sent = [
        incident("HC-1"),
        {"agency_reference": "HC-2", "behaviour_on": "2026-03-02", "reported_on": "2026-03-04"},
        incident("HC-3", behaviour_time=None, victim_date_of_birth=None, kind="diary_sheet"),
    ]
    batch = IncidentBatchIn.model_validate({"incidents": sent})

    records = _records_of(batch)

    expected = [IncidentRecord(**item.model_dump()) for item in batch.incidents]
    assert records == expected
    assert [vars(record) for record in records] == [vars(record) for record in expected]
    assert len({*records, *expected}) == 3  # hashable, and equal ones hash alike


def test_the_records_are_frozen() -> None:
    batch = IncidentBatchIn.model_validate({"incidents": [incident("HC-1")]})
    (record,) = _records_of(batch)

    with pytest.raises(dataclasses.FrozenInstanceError):
        record.description = "changed"  # type: ignore[misc]
