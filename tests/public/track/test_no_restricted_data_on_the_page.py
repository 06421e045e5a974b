"""Nothing restricted reaches the tracking page: not the people alleged responsible, not the
proportionality assessment, not actions kept from the victim, not the minutes."""

import pytest

from casereview.cases.models import Case
from casereview.public.track.progress import progress_of
from casereview.reviews.models import Meeting
from tests.public.track.helpers import TRACK_URL, tracking
from tests.reviews.helpers import ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION, consulting, monitoring


@pytest.mark.parametrize("build", [consulting, monitoring])
def test_the_page_shows_the_plan_the_victim_may_see_and_nothing_restricted(
    area, coordinator, in_march, build
):
    case = build(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "Install noise monitoring equipment" in text
    assert "The panel agreed a plan to stop the noise." in text
    assert "Review how noise reports are triaged." in text
    for marker in (ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION, "HIDDEN-ACTION-MARKER"):
        assert marker not in text
    assert "The panel reviewed the case and agreed the actions below." not in text


def test_staff_text_that_names_the_alleged_perpetrator_is_withheld(area, coordinator, in_march):
    case = consulting(area, coordinator)
    Meeting.objects.filter(case=case).update(outcome=f"We will speak to {ALLEGED} about it.")
    Case.objects.filter(pk=case.pk).update(decision_reasons=f"Reports about {ALLEGED}.")

    text = tracking(case).get(TRACK_URL).content.decode()

    assert ALLEGED not in text
    assert "We will speak to" not in text


def test_the_progress_values_carry_no_restricted_field(area, coordinator, in_march):
    progress = progress_of(consulting(area, coordinator))

    flattened = repr(progress)
    for marker in (ALLEGED, ASSESSMENT_MARKER, HIDDEN_ACTION):
        assert marker not in flattened
