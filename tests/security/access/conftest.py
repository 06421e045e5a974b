"""A case far enough through the workflow for every staff page of a case to show something."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.reviews.models import VoiceChoice
from tests.cases.helpers import at
from tests.reviews.helpers import consulting
from tests.tasks import run_tasks


@pytest.fixture
def working_day() -> Iterator[None]:
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield


@pytest.fixture
def reviewed_case(
    working_day: None, area: Area, coordinator, django_capture_on_commit_callbacks
) -> Case:
    """A review held, its outcome sent, the victim being consulted; its letters written."""
    with django_capture_on_commit_callbacks(execute=True):
        case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
    run_tasks()
    assert case.letters.exists()
    return case
