"""The letter adds what the service knows of the person's own case (the decision and its date)
only when the reference given is the tracked case's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.letters.helpers import decided_not_met
from tests.public.information.helpers import text_of, track

pytestmark = pytest.mark.django_db

ANSWERS = {"name": "Sam Victim", "contact": "sam@example.test", "failings": ["threshold"]}


def test_a_not_met_decision_is_told_with_its_date(client, area, coordinator, in_march):
    case = decided_not_met(area, coordinator)
    track(client, case)
    url = reverse("public:commissioner_letter", args=[area.slug])
    text = text_of(client.post(url, {**ANSWERS, "reference": case.reference}))
    assert "On 16 March 2026 the council told me the threshold for a review was not met." in text
    assert "I believe the threshold for a review was applied wrongly" in text


def test_another_reference_leaves_the_tracked_case_out(client, area, coordinator, in_march):
    case = decided_not_met(area, coordinator)
    track(client, case)
    url = reverse("public:commissioner_letter", args=[area.slug])
    text = text_of(client.post(url, {**ANSWERS, "reference": "OTHER-1"}))
    assert "threshold for a review was not met" not in text
    assert "My case reference is OTHER-1." in text
