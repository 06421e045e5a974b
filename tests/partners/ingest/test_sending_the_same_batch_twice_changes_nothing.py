"""Sending the same batch twice changes nothing: no new rows, no writes, no new links between
agencies' records and no new second-report prompts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from casereview.partners.ingest import ingest_incidents
from casereview.partners.models import (
    Incident,
    IncidentLink,
    PartnerVictim,
    SecondReportPrompt,
    VictimLink,
)
from tests.cases.helpers import at
from tests.partners.ingest.helpers import record, victim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def _everything() -> dict[str, object]:
    return {
        "incidents": sorted(Incident.objects.values_list("pk", "updated_at", "victim_id")),
        "victims": sorted(PartnerVictim.objects.values_list("pk", "name", "address", "person_key")),
        "incident links": sorted(IncidentLink.objects.values_list("pk", "status", "score")),
        "victim links": sorted(VictimLink.objects.values_list("pk", "status", "score")),
        "prompts": sorted(SecondReportPrompt.objects.values_list("pk", "second_incident_id")),
    }


def test_the_same_batches_again_leave_every_row_as_it_was(area, police):
    housing = area.agencies.get(kind="housing")
    police_batch = [
        record(
            "P-1", behaviour_on=dt.date(2026, 1, 5), reported_on=dt.date(2026, 1, 5), **victim()
        ),
        record("P-2", **victim()),
    ]
    housing_batch = [
        record("H-9", behaviour_time=dt.time(22, 15), **victim(victim_reference="T-42")),
    ]
    ingest_incidents(area, police, police_batch, by=None)
    ingest_incidents(area, housing, housing_batch, by=None)
    before = _everything()
    # The data is worth comparing: the second police report raised a prompt, and the housing
    # record matches a police one (incident and victim).
    assert before["prompts"]
    assert before["incident links"]
    assert before["victim links"]

    with time_machine.travel(at(2026, 3, 17), tick=False):
        again = [
            ingest_incidents(area, police, police_batch, by=None),
            ingest_incidents(area, housing, housing_batch, by=None),
        ]

    assert [(r.created, r.updated, r.unchanged) for r in again] == [(0, 0, 2), (0, 0, 1)]
    assert _everything() == before
