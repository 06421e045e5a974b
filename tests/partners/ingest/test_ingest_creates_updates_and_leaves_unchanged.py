"""Storing an agency's records is an upsert on its own reference: new references are created,
known ones with the same values are left alone, known ones with new values are updated."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.partners.ingest import ingest_incidents
from casereview.partners.models import Incident
from tests.cases.helpers import at
from tests.partners.ingest.helpers import record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_new_references_are_created_with_their_derived_columns(area, police, coordinator):
    result = ingest_incidents(
        area,
        police,
        [record("A", postcode="sg14 1ab"), record("B", reported_on=dt.date(2026, 3, 10))],
        by=coordinator,
    )

    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    a, b = result.incidents
    assert a.agency_reference == "A"
    assert a.postcode_key == "SG141AB"
    assert b.days_late == 8
    assert b.months_late == 1
    # A new incident stands alone: its group is itself.
    assert [i.group_key for i in result.incidents] == [a.pk, b.pk]
    assert Incident.objects.filter(area=area, agency=police).count() == 2


def test_a_known_reference_with_the_same_values_is_not_written(area, police):
    first = ingest_incidents(area, police, [record("A")], by=None).incidents[0]

    with time_machine.travel(at(2026, 3, 16, 15), tick=False):
        result = ingest_incidents(area, police, [record("A")], by=None)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert Incident.objects.get(pk=first.pk).updated_at == first.updated_at


def test_a_known_reference_with_new_values_is_updated(area, police):
    first = ingest_incidents(area, police, [record("A")], by=None).incidents[0]

    with time_machine.travel(at(2026, 3, 16, 15), tick=False):
        result = ingest_incidents(
            area, police, [record("A", description="Shouting", kind="diary_sheet")], by=None
        )

    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    stored = Incident.objects.get(pk=first.pk)
    assert stored.description == "Shouting"
    assert stored.kind == "diary_sheet"
    assert stored.updated_at == at(2026, 3, 16, 15)


def test_surrounding_spaces_do_not_make_a_record_look_changed(area, police):
    ingest_incidents(area, police, [record("A")], by=None)

    result = ingest_incidents(
        area, police, [record(" A ", description=" Loud music until 2am ")], by=None
    )

    assert result.unchanged == 1


def test_the_same_reference_at_another_agency_is_another_incident(area, police):
    housing = area.agencies.get(kind="housing")

    ingest_incidents(area, police, [record("A")], by=None)
    result = ingest_incidents(area, housing, [record("A")], by=None)

    assert result.created == 1
    assert Incident.objects.filter(area=area, agency_reference="A").count() == 2


def test_an_agency_that_does_not_act_in_the_area_is_refused(area, other_area):
    with pytest.raises(ValueError, match="not an agency of"):
        ingest_incidents(area, other_area.police_force, [record("A")], by=None)

    assert not Incident.objects.exists()


def test_progress_is_reported_after_each_chunk(area, police):
    seen: list[int] = []

    ingest_incidents(
        area,
        police,
        [record(f"R{n}") for n in range(5)],
        by=None,
        progress=seen.append,
        chunk_size=2,
    )

    assert seen == [2, 4, 5]
