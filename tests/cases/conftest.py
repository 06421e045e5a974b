"""Fixtures for the case workflow: time frozen on a known working day."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from tests.cases.helpers import at


@pytest.fixture
def before_christmas() -> Iterator[None]:
    """Monday 21 December 2026, 10am: Christmas Day (Friday) and the Boxing Day substitute
    (Monday 28th) and New Year's Day (Friday 1 January 2027) lie ahead."""
    with time_machine.travel(at(2026, 12, 21), tick=False):
        yield


@pytest.fixture
def in_march() -> Iterator[None]:
    """Monday 16 March 2026, 10am: an ordinary working day."""
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield
