"""Storing a chunk is a handful of set-based statements: the incidents and victims it names are
found in one query each way, new rows are inserted with their keys already taken (their own
``group_key``/``person_key`` written with them), changed rows updated by one statement each,
and nothing is found or written twice. The quick check of a record agrees with the full one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import threading
from typing import Any

import pytest
from django.db import connection, connections

from casereview.areas.models import AgencyKind, Area
from casereview.partners.ingest import (
    MAX_POSTCODE,
    MAX_REFERENCE,
    MAX_TEXT,
    MAX_VICTIM_NAME,
    IncidentRecord,
    _fine,
    _problems_of,
    ingest_incidents,
)
from casereview.partners.models import Incident, IncidentLink, PartnerVictim
from tests.cases.helpers import agency_of
from tests.partners.ingest.helpers import record, victim

TODAY = dt.date(2026, 3, 16)


def _batch(count: int, *, prefix: str = "R", people: int = 7) -> list[IncidentRecord]:
    """``count`` records over a few weeks: a third name no victim, a third name one by the
    agency's reference, a third by who they are (name, date of birth and postcode)."""
    batch = []
    for n in range(count):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=n % 40)
        person = n % people
        if n % 3 == 0:
            details: dict[str, Any] = {}
        elif n % 3 == 1:
            details = victim(f"Pat Person{person}", victim_reference=f"P-{person}")
        else:
            details = victim(f"Sam Example{person}", victim_postcode=f"SG14 {person}AB")
        batch.append(
            record(
                f"{prefix}{n}", behaviour_on=day, reported_on=day + dt.timedelta(days=1), **details
            )
        )
    return batch


@pytest.mark.usefixtures("in_march")
@pytest.mark.parametrize("count", [30, 1000])
def test_a_chunk_costs_the_same_few_queries_however_many_records_it_holds(
    area: Area, count: int, django_assert_max_num_queries: Any
) -> None:
    housing = agency_of(area, AgencyKind.HOUSING)
    # Another agency's records of the same days and people: matching has work to do.
    ingest_incidents(area, housing, _batch(count, prefix="H"), by=None)
    ingest_incidents(area, area.police_force, _batch(count // 2), by=None)
    changed = [
        dataclasses.replace(r, description=r.description + " Again.") for r in _batch(count // 2)
    ]

    # Found (3), keys taken (2), written (3), matched (5), prompts (4), audited (5 each): a
    # fixed number, where one query per record would be thousands.
    with django_assert_max_num_queries(60):
        result = ingest_incidents(
            area, area.police_force, changed + _batch(count)[count // 2 :], by=None
        )

    assert (result.created, result.updated) == (count - count // 2, count // 2)
    assert IncidentLink.objects.exists()


@pytest.mark.usefixtures("in_march")
def test_new_rows_are_their_own_group_and_person_with_keys_never_used_before(
    area: Area,
) -> None:
    first = ingest_incidents(area, area.police_force, _batch(40), by=None)
    top = Incident.objects.order_by("-pk").first()
    assert top is not None
    # The newest row goes: its key is not given again (SQLite's AUTOINCREMENT, PostgreSQL's
    # sequence), so nothing that named it can name a new row.
    Incident.objects.filter(pk=top.pk)._raw_delete(Incident.objects.db)

    second = ingest_incidents(area, area.police_force, _batch(40, prefix="S"), by=None)

    assert min(second.incident_ids) > top.pk
    assert len(set(first.incident_ids) | set(second.incident_ids)) == 80
    for incident in Incident.objects.all():
        assert (incident.group_key, incident.linked) == (incident.pk, False)
    for person in PartnerVictim.objects.all():
        assert person.person_key == person.pk


@pytest.mark.usefixtures("in_march")
def test_batches_naming_the_same_victims_one_after_another_share_their_rows(area: Area) -> None:
    police = area.police_force
    ingest_incidents(area, police, _batch(60), by=None)
    victims = sorted(PartnerVictim.objects.values_list("pk", "agency_reference", "name_key"))

    # The same people again (in chunks of 7, so within a call too), with new incidents.
    result = ingest_incidents(area, police, _batch(60, prefix="T"), by=None, chunk_size=7)

    assert result.created == 60
    assert sorted(PartnerVictim.objects.values_list("pk", "agency_reference", "name_key")) == (
        victims
    )
    by_reference = {i.agency_reference: i.victim_id for i in Incident.objects.filter(agency=police)}
    for n in range(60):
        assert by_reference[f"R{n}"] == by_reference[f"T{n}"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need a database server (the suite's SQLite is one in-memory connection)",
)
@pytest.mark.django_db(transaction=True)
def test_two_agencies_importing_into_one_area_at_once_get_distinct_rows(area: Area) -> None:
    agencies = [area.police_force, agency_of(area, AgencyKind.HOUSING)]
    start = threading.Barrier(len(agencies), timeout=30)
    failures: list[BaseException] = []

    def load(number: int) -> None:
        try:
            start.wait()
            for part in range(3):
                ingest_incidents(
                    area, agencies[number], _batch(200, prefix=f"{part}-"), by=None, chunk_size=50
                )
        except BaseException as error:  # reported below: a thread's exception is otherwise lost
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=load, args=(n,)) for n in range(len(agencies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert failures == []
    assert Incident.objects.count() == 2 * 3 * 200
    for incident in Incident.objects.all():
        assert incident.group_key == incident.pk
    assert PartnerVictim.objects.filter(person_key=0).count() == 0


def _variants() -> list[IncidentRecord]:
    """Records with every kind of value either side of each rule."""
    base = record("A", **victim(victim_reference="P-1"))
    changes: dict[str, list[Any]] = {
        "agency_reference": ["", "A", "R" * MAX_REFERENCE, "R" * (MAX_REFERENCE + 1)],
        "behaviour_on": [
            dt.date(2014, 10, 19),
            dt.date(2014, 10, 20),
            TODAY,
            TODAY.replace(day=17),
        ],
        "reported_on": [dt.date(2026, 3, 1), dt.date(2026, 3, 2), TODAY, TODAY.replace(day=17)],
        "kind": ["complaint", "diary_sheet", "letter"],
        "postcode": ["", "SG14 1AB", "12345", "X" * (MAX_POSTCODE + 1)],
        "location": ["", "x" * MAX_TEXT, "x" * (MAX_TEXT + 1)],
        "victim_name": ["", "Sam", "S" * MAX_VICTIM_NAME, "S" * (MAX_VICTIM_NAME + 1)],
        "victim_reference": ["", "P-1", "P" * 101],
        "victim_date_of_birth": [None, dt.date(1970, 1, 1), TODAY],
        "victim_address": ["", "1 Fore Street"],
        "victim_postcode": ["", "sg141ab", "nope"],
    }
    found = [base]
    for name, values in changes.items():
        found.extend(dataclasses.replace(base, **{name: value}) for value in values)
    # And pairs of changes, so that one problem never hides another from the quick check.
    names = list(changes)
    for a, b in itertools.combinations(names, 2):
        found.append(dataclasses.replace(base, **{a: changes[a][0], b: changes[b][-1]}))
    return found


def test_the_quick_check_passes_exactly_the_records_without_a_problem() -> None:
    for variant in _variants():
        assert _fine(variant, TODAY) == (not list(_problems_of(variant, today=TODAY))), variant
