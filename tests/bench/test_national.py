"""The national data set generator (``bench.national``) at a tiny scale, in the test database:
the same seed makes the same rows, the data set is complete (every case status, every count the
manifest gives) and consistent (every foreign key points at a row, references are unique)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from bench.national import generate
from casereview.cases.models import Case, CaseSequence
from casereview.cases.workflow import OPEN_STATUSES, Status
from casereview.letters.models import Letter

SCALE = 0.0005

# Key tables, and their columns left out of the digest (renderings made by the PDF library,
# whose files carry their own creation time).
DIGESTED: dict[str, tuple[str, ...]] = {
    "areas_area": (),
    "areas_agency": (),
    "areas_areaagency": (),
    "areas_areapolicy": (),
    "accounts_user": (),
    "partners_partnervictim": (),
    "partners_incident": (),
    "partners_incidentlink": (),
    "cases_case": (),
    "cases_complaint": (),
    "cases_caseevent": (),
    "cases_deadline": (),
    "partners_informationrequest": (),
    "reviews_meeting": (),
    "appeals_appeal": (),
    "letters_letter": ("pdf", "docx"),
}


def quiet(message: str) -> None:
    """Progress messages are not wanted in the test output."""


def digest() -> str:
    found = hashlib.sha256()
    with connection.cursor() as cursor:
        for table, left_out in DIGESTED.items():
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
                if column.name not in left_out
            ]
            quoted = ", ".join(f'"{column}"' for column in columns)
            cursor.execute(f'SELECT {quoted} FROM "{table}" ORDER BY "id"')
            for row in cursor.fetchall():
                found.update(repr(row).encode())
    return found.hexdigest()


def fresh_database() -> None:
    """Empty tables with their key sequences restarted, as a new database has them (tests
    that ran before may have moved them on)."""
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_same_seed_makes_the_same_rows_and_another_seed_other_rows() -> None:
    fresh_database()
    generate(scale=SCALE, seed=7, say=quiet)
    first = digest()
    fresh_database()
    generate(scale=SCALE, seed=7, say=quiet)
    again = digest()
    fresh_database()
    generate(scale=SCALE, seed=8, say=quiet)
    other = digest()

    assert again == first
    assert other != first


@pytest.mark.django_db(transaction=True)
def test_a_tiny_data_set_is_complete_and_consistent() -> None:
    manifest: dict[str, Any] = generate(scale=SCALE, seed=7, say=quiet)
    counts = manifest["counts"]

    # Every status the workflow has, and the manifest's counts are the tables'.
    assert set(counts["cases_by_status"]) == set(Status.values)
    assert counts["cases"] == Case.objects.count()
    assert sum(counts["cases_by_status"].values()) == counts["cases"]
    tables = manifest["tables"]
    assert counts["incidents"] == tables["partners_incident"] == round(1_000_000 * SCALE)
    assert counts["letters"] == Letter.objects.count() > counts["cases"]
    assert counts["areas"] == 318
    for name, table in (
        ("complaints", "cases_complaint"),
        ("events", "cases_caseevent"),
        ("deadlines", "cases_deadline"),
        ("partner_victims", "partners_partnervictim"),
    ):
        assert counts[name] == tables[table] > 0, name

    # Every foreign key of every row (the clones' remapped ones included) points at a row.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []
        else:
            # PostgreSQL's foreign keys are deferred to the commit, which a test never reaches:
            # checking them now raises IntegrityError for any row that points at nothing.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    # References are unique, and each area's sequence is past its references.
    references = list(Case.objects.values_list("area_id", "reference"))
    assert len({reference for _, reference in references}) == len(references)
    last = {(s.area_id, s.year): s.last for s in CaseSequence.objects.all()}
    for area_id, reference in references:
        _, year, number = reference.rsplit("-", 2)
        assert last[(area_id, int(year))] >= int(number)

    # Nothing is left of the template areas the cases were cloned from.
    assert not Case.objects.filter(area__slug__startswith="templeton-vale").exists()

    # The sample: an open case with its letters rendered, in the sample area.
    sample = manifest["sample"]
    case = Case.objects.get(pk=sample["case_id"])
    assert case.status in OPEN_STATUSES
    assert case.area_id == sample["area_id"]
    assert case.reference == sample["case_reference"]
    letters = Letter.objects.filter(pk__in=sample["letter_ids"])
    assert letters.count() == len(sample["letter_ids"]) >= 2
    assert all(bytes(letter.pdf).startswith(b"%PDF") for letter in letters)
