"""Running the migrations to a given point inside a test (a ``transactional_db`` one), and the
historical models there: for tests of the data a migration moves or fills."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.fixture
def migrations(transactional_db: None) -> Iterator[MigrationExecutor]:
    """A migration executor; the schema is brought back to the latest migrations afterwards,
    as every other test expects it."""
    executor = MigrationExecutor(connection)
    yield executor
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def models_at(executor: MigrationExecutor, target: tuple[str, str]) -> Apps:
    """Migrate (forwards or backwards) to ``target``; the models as they were there."""
    executor.loader.build_graph()
    executor.migrate([target])
    return MigrationExecutor(connection).loader.project_state([target]).apps
