"""Fixtures for the information pages."""

from __future__ import annotations

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.cases.helpers import receive


@pytest.fixture
def tracked_case(area: Area, coordinator: User, in_march: None) -> Case:
    """An application to ``area`` received on Monday 16 March 2026, about Sam Victim."""
    return receive(area, coordinator)
