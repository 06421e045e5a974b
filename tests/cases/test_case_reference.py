"""Case references: area code, year, four-digit sequence; unique and never reused."""

from __future__ import annotations

import pytest
import time_machine
from django.core.exceptions import ValidationError

from casereview.cases.models import CaseEvent
from tests.cases.helpers import at, receive, victim

pytestmark = pytest.mark.django_db


def _receive(area, by, n: int):
    # Different victims, so that the repeat-application check stays out of the way.
    return receive(area, by, victim=victim(f"Victim {n}", email=f"v{n}@example.test", phone=""))


@pytest.mark.usefixtures("before_christmas")
def test_references_count_up_from_one_for_the_area_and_year(area, coordinator):
    first, second = _receive(area, coordinator, 1), _receive(area, coordinator, 2)

    assert first.reference == "EHE-2026-0001"
    assert second.reference == "EHE-2026-0002"


@pytest.mark.usefixtures("before_christmas")
def test_each_area_has_its_own_sequence(area, other_area, coordinator):
    ours = _receive(area, coordinator, 1)
    theirs = _receive(other_area, None, 1)

    assert ours.reference == "EHE-2026-0001"
    assert theirs.reference == f"{other_area.la_code}-2026-0001"


def test_a_new_year_starts_a_new_sequence(area, coordinator):
    with time_machine.travel(at(2026, 12, 31, 16), tick=False):
        last_of_2026 = _receive(area, coordinator, 1)
    with time_machine.travel(at(2027, 1, 4), tick=False):
        first_of_2027 = _receive(area, coordinator, 2)

    assert last_of_2026.reference == "EHE-2026-0001"
    assert first_of_2027.reference == "EHE-2027-0001"


@pytest.mark.usefixtures("before_christmas")
def test_a_deleted_cases_reference_is_never_issued_again(area, coordinator):
    first = _receive(area, coordinator, 1)
    second = _receive(area, coordinator, 2)
    second.delete()

    third = _receive(area, coordinator, 3)

    assert first.reference == "EHE-2026-0001"
    assert third.reference == "EHE-2026-0003"
    assert CaseEvent.objects.filter(case__reference="EHE-2026-0002").count() == 0


@pytest.mark.usefixtures("before_christmas")
def test_a_refused_application_uses_up_no_reference(area, coordinator):
    _receive(area, coordinator, 1)
    with pytest.raises(ValidationError):
        _receive(area, coordinator, 1)  # the same victim's case is still open

    assert _receive(area, coordinator, 2).reference == "EHE-2026-0002"
