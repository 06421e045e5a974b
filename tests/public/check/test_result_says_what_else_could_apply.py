"""Beyond the count, the result says what else could apply: the area's threshold against the
law's maximum of three, and the other routes its policy lists."""

import datetime as dt
from dataclasses import replace

import pytest

from casereview.rules import REFERENCE_PROCEDURE, Caveat, LocalRoute, Routes
from tests.factories import make_policy
from tests.public.check.helpers import Said, answer

pytestmark = pytest.mark.django_db

ONE = [Said(dt.date(2026, 3, 2), dt.date(2026, 3, 3))]


def test_the_senior_manager_route_for_a_vulnerable_victim_is_named(client, area, in_march):
    text = answer(client, area, ONE, dt.date(2026, 3, 16))
    assert "A senior manager can start a review to protect a vulnerable victim" in text
    assert "The threshold in East Hertfordshire is 3, the most the law allows" in text


def test_a_lower_local_threshold_is_set_against_the_law(client, area, in_march):
    make_policy(area, replace(REFERENCE_PROCEDURE, threshold=1), version=2)
    text = answer(client, area, ONE, dt.date(2026, 3, 16))
    assert "The threshold in East Hertfordshire is 1, lower than the 3 the law allows" in text
    assert "You have 1 qualifying complaint. 1 is needed." in text
    assert "likely to meet the threshold" in text


def test_a_threshold_above_the_law_is_capped_at_three(client, area, in_march):
    make_policy(area, replace(REFERENCE_PROCEDURE, threshold=5), version=2)
    text = answer(client, area, ONE, dt.date(2026, 3, 16))
    assert "asks for 5 complaints, but the law allows no more than 3, so 3 is used" in text
    assert "3 are needed." in text


def test_partner_and_local_routes_and_conditions_are_listed(client, area, in_march):
    policy = replace(
        REFERENCE_PROCEDURE,
        routes=Routes(
            senior_manager_vulnerable_victim=False,
            partner_initiated=True,
            extra=(LocalRoute("hate", "One hate incident is enough for a review."),),
        ),
        caveats=(Caveat("households", "Complaints must come from three separate households."),),
    )
    make_policy(area, policy, version=2)
    text = answer(client, area, ONE, dt.date(2026, 3, 16))
    assert "A partner agency can start a review on a victim" in text
    assert "One hate incident is enough for a review." in text
    assert "Complaints must come from three separate households." in text
    assert "A senior manager can start a review" not in text
