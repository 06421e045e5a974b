"""Each sweep also anonymises the closed cases past their area's retention period, and records
that it ran, for the health check."""

from __future__ import annotations

import io

import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.privacy.models import Anonymisation
from tests.cases.helpers import at, receive


def test_a_sweep_six_years_after_a_case_closed_anonymises_it(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator, not_suitable_reason="cps_decision", signposting="CPS.")
    with time_machine.travel(at(2032, 4, 1), tick=False):
        out = io.StringIO()
        call_command("sweep", stdout=out)

    assert "Retention: 1 case(s) anonymised" in out.getvalue()
    assert Anonymisation.objects.filter(case=case).exists()


def test_the_health_check_reports_when_the_sweep_last_ran(in_march: None, area: Area) -> None:
    before = Client().get(reverse("health")).json()["checks"]["sweep"]["last_run_at"]
    call_command("sweep", stdout=io.StringIO())
    after = Client().get(reverse("health")).json()["checks"]["sweep"]["last_run_at"]

    assert before is None
    assert after is not None
    assert after.startswith("2026-03")
