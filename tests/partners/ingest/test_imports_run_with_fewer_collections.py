"""Storing a batch and importing a file run with ``fewer_collections``: the collector's first
threshold is raised for as long as they work (seen from their own progress reports), and the
process's own thresholds are back afterwards."""

from __future__ import annotations

import gc

import pytest

from casereview.areas.models import Area
from casereview.core.collector import BULK_THRESHOLD
from casereview.partners.imports.services import ImportProgress, import_file
from casereview.partners.ingest import ingest_incidents
from tests.partners.ingest.helpers import csv_file, csv_row, record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("in_march", "usual_gc_thresholds"),
]


def test_a_batch_is_stored_with_fewer_collections(area: Area) -> None:
    seen: list[int] = []

    result = ingest_incidents(
        area,
        area.police_force,
        [record(f"R{n}") for n in range(4)],
        by=None,
        chunk_size=2,
        progress=lambda done: seen.append(gc.get_threshold()[0]),
    )

    assert result.created == 4
    assert seen == [BULK_THRESHOLD, BULK_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)


class _Watching(ImportProgress):
    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def started(self, total_rows: int) -> None:
        self.seen["reading"] = gc.get_threshold()[0]

    def importing(self) -> None:
        self.seen["importing"] = gc.get_threshold()[0]


def test_a_file_is_read_checked_and_imported_with_fewer_collections(area: Area) -> None:
    watching = _Watching()

    outcome = import_file(
        csv_file(csv_row("F1"), csv_row("F2")),
        area,
        area.police_force,
        by=None,
        progress=watching,
    )

    assert outcome.result is not None
    assert outcome.result.created == 2
    assert watching.seen == {"reading": BULK_THRESHOLD, "importing": BULK_THRESHOLD}
    assert gc.get_threshold() == (700, 10, 10)
