"""A batch with any bad record stores nothing, and the refusal names every problem of every
record at once: the record, its reference, the field and what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.partners.ingest import (
    RecordProblem,
    RejectedRecords,
    check_records,
    ingest_incidents,
)
from casereview.partners.models import Incident, PartnerVictim
from tests.partners.ingest.helpers import record, victim

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 16)


def _fields(problems: list[RecordProblem]) -> list[tuple[int, str, str]]:
    return [(p.record, p.reference, p.field) for p in problems]


def test_every_problem_of_every_record_is_named_and_nothing_is_stored(area, police, in_march):
    batch = [
        record("GOOD-1"),
        record("", kind="letter"),
        record("FUTURE", behaviour_on=dt.date(2026, 3, 17), reported_on=dt.date(2026, 3, 18)),
        record("GOOD-1", postcode="not a postcode"),
    ]

    with pytest.raises(RejectedRecords) as rejected:
        ingest_incidents(area, police, batch, by=None)

    assert _fields(rejected.value.problems) == [
        (2, "", "agency_reference"),
        (2, "", "kind"),
        (3, "FUTURE", "behaviour_on"),
        (3, "FUTURE", "reported_on"),
        (4, "GOOD-1", "postcode"),
        (4, "GOOD-1", "agency_reference"),
    ]
    assert rejected.value.problems[-1].message == "The reference GOOD-1 is also used by record 1"
    assert not Incident.objects.exists()
    assert not PartnerVictim.objects.exists()


def test_a_report_before_the_behaviour_is_refused():
    problems = check_records(
        [record("A", behaviour_on=dt.date(2026, 3, 5), reported_on=dt.date(2026, 3, 4))],
        today=TODAY,
    )

    assert [(p.field, p.message) for p in problems] == [
        (
            "reported_on",
            "The date it was reported must be the same as or after the date of the behaviour",
        )
    ]


def test_behaviour_before_the_case_review_began_is_refused():
    problems = check_records(
        [record("A", behaviour_on=dt.date(2014, 10, 19), reported_on=dt.date(2014, 10, 20))],
        today=TODAY,
    )

    assert _fields(problems) == [(1, "A", "behaviour_on")]
    assert "20 October 2014" in problems[0].message


def test_a_reference_longer_than_100_characters_is_refused():
    problems = check_records([record("R" * 101)], today=TODAY)

    assert [p.message for p in problems] == ["The reference must be 100 characters or fewer"]


def test_other_victim_details_without_a_name_are_refused():
    problems = check_records([record("A", **victim(name=""))], today=TODAY)

    assert _fields(problems) == [(1, "A", "victim_name")]


def test_a_date_of_birth_today_or_later_is_refused():
    problems = check_records([record("A", **victim(victim_date_of_birth=TODAY))], today=TODAY)

    assert [p.message for p in problems] == ["The victim's date of birth must be in the past"]


def test_a_victim_postcode_that_is_not_a_postcode_is_refused():
    problems = check_records([record("A", **victim(victim_postcode="12345"))], today=TODAY)

    assert _fields(problems) == [(1, "A", "victim_postcode")]


def test_a_victim_reference_with_different_details_in_one_batch_is_refused():
    problems = check_records(
        [
            record("A", **victim(victim_reference="V1")),
            record("B", **victim(victim_reference="V1", victim_address="3 Other Road")),
        ],
        today=TODAY,
    )

    assert _fields(problems) == [(2, "B", "victim_reference")]


def test_records_are_numbered_as_the_caller_asks():
    problems = check_records([record(""), record("")], today=TODAY, numbering=[7, 9])

    assert [p.record for p in problems] == [7, 9]


def test_good_records_have_no_problems():
    assert check_records([record("A", **victim()), record("B")], today=TODAY) == []
