"""``manage.py apply_retention`` prints what it would do with --dry-run, and what it did."""

from __future__ import annotations

import io

import time_machine
from django.core.management import call_command

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.privacy.models import Anonymisation
from tests.cases.helpers import at, receive


def test_the_command_dry_run_lists_the_cases_then_the_real_run_anonymises_them(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator, not_suitable_reason="cps_decision", signposting="CPS.")
    with time_machine.travel(at(2032, 4, 1), tick=False):
        dry = io.StringIO()
        call_command("apply_retention", "--dry-run", stdout=dry)
        assert f"Would anonymise {case.reference}" in dry.getvalue()
        assert not Anonymisation.objects.exists()

        real = io.StringIO()
        call_command("apply_retention", stdout=real)
        assert f"Anonymised {case.reference}" in real.getvalue()
        assert "Anonymised 1 closed cases" in real.getvalue()
        assert Anonymisation.objects.filter(case=case).exists()
