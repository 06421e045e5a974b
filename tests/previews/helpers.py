"""A case for the previews: reviewed, with restricted data of every kind, and its letters
written by the real background worker."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.test import Client, TestCase
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from tests.cases.helpers import victim
from tests.reviews.helpers import held
from tests.tasks import run_tasks

# The victim's contact details (tests/cases/helpers.victim) that partner agencies never get.
VICTIM_EMAIL = "sam@example.test"
VICTIM_PHONE = "07700 900123"
VULNERABILITY = "Anxiety made worse by the noise at night"


def reviewed_case(area: Area, by: User, **overrides: Any) -> Case:
    """A case whose review meeting was held today, with the people alleged responsible, a
    proportionality assessment and an action hidden from the victim (tests/reviews/helpers),
    and every letter its steps caused written by the worker, as in a deployment (the steps'
    side effects run on commit, which a test's transaction never reaches by itself)."""
    overrides.setdefault("victim", victim(vulnerability_notes=VULNERABILITY))
    with TestCase.captureOnCommitCallbacks(execute=True):
        case = held(area, by, **overrides)
    run_tasks()
    case.refresh_from_db()
    return case


def preview(client: Client, case: Case, audience: str, **query: str) -> HttpResponse:
    response = client.get(
        reverse(f"previews:{audience}", kwargs={"reference": case.reference}), query
    )
    assert isinstance(response, HttpResponse)
    return response
