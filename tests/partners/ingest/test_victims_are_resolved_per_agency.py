"""Each record's victim becomes one of the agency's own victims in the area: found by the
agency's reference for them, else by the same name, date of birth and postcode at that agency,
else created. Other agencies' records of the person are never reused (matching links them)."""

from __future__ import annotations

import pytest

from casereview.partners.ingest import ingest_incidents
from casereview.partners.models import PartnerVictim
from tests.partners.ingest.helpers import record, victim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_records_of_one_person_share_one_victim_whose_person_key_is_itself(area, police):
    result = ingest_incidents(
        area,
        police,
        [record("A", **victim()), record("B", **victim(name="  sam   EXAMPLE "))],
        by=None,
    )

    first, second = result.incidents
    assert first.victim_id == second.victim_id
    stored = PartnerVictim.objects.get()
    assert stored.person_key == stored.pk
    assert stored.name == "Sam Example"


def test_a_later_batch_finds_the_victim_by_name_birth_and_postcode(area, police):
    ingest_incidents(area, police, [record("A", **victim())], by=None)

    result = ingest_incidents(
        area, police, [record("B", **victim(victim_postcode="sg141ab"))], by=None
    )

    assert PartnerVictim.objects.count() == 1
    assert result.incidents[0].victim == PartnerVictim.objects.get()


def test_another_date_of_birth_is_another_person(area, police):
    ingest_incidents(
        area,
        police,
        [record("A", **victim()), record("B", **victim(victim_date_of_birth=None))],
        by=None,
    )

    assert PartnerVictim.objects.count() == 2


def test_the_agencys_reference_finds_the_victim_and_its_latest_details_win(area, police):
    ingest_incidents(area, police, [record("A", **victim(victim_reference="P-7"))], by=None)

    result = ingest_incidents(
        area,
        police,
        [record("A", **victim("Sam Newname", victim_reference="P-7"))],
        by=None,
    )

    stored = PartnerVictim.objects.get()
    assert stored.name == "Sam Newname"
    assert stored.name_key == "sam newname"
    # The incident's victim changed details: it counts as updated, so matching looks again.
    assert result.updated == 1


def test_another_agencys_record_of_the_same_person_is_not_reused(area, police):
    housing = area.agencies.get(kind="housing")
    ingest_incidents(area, police, [record("A", **victim(victim_reference="X"))], by=None)

    ingest_incidents(area, housing, [record("A", **victim(victim_reference="X"))], by=None)

    assert sorted(PartnerVictim.objects.values_list("agency__kind", flat=True)) == [
        "housing",
        "police",
    ]


def test_a_first_address_is_kept_when_found_by_who_they_are(area, police):
    ingest_incidents(area, police, [record("A", **victim(victim_address=""))], by=None)
    ingest_incidents(area, police, [record("B", **victim(victim_address="12 Fore St"))], by=None)

    result = ingest_incidents(
        area, police, [record("C", **victim(victim_address="12 Fore Street"))], by=None
    )

    assert PartnerVictim.objects.get().address == "12 Fore St"
    assert result.created == 1


def test_a_record_without_a_victim_has_none(area, police):
    result = ingest_incidents(area, police, [record("A")], by=None)

    assert result.incidents[0].victim is None
    assert not PartnerVictim.objects.exists()
