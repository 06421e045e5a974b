"""The national directory, loaded once for the tests of this package and removed afterwards.

Each test still runs in its own transaction, so what a test changes (a policy, an area switched
on) is rolled back; only the loaded reference data is shared.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

from casereview.areas.models import Agency, Area, AreaAgency, AreaPolicy
from casereview.rules.policy import REFERENCE_PROCEDURE, LocalPolicy, policy_to_dict

EAST_HERTS = "E07000242"


def clear_directory() -> None:
    AreaPolicy.objects.all().delete()
    AreaAgency.objects.all().delete()
    Area.objects.all().delete()
    Agency.objects.all().delete()


@pytest.fixture(scope="package", autouse=True)
def directory(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    # Package scope, and cleared at the end, so other packages' tests start from an empty
    # directory as they expect.
    with django_db_blocker.unblock():
        call_command("load_directory", verbosity=0, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        clear_directory()


def add_policy(area: Area, policy: LocalPolicy, *, version: int | None = None) -> AreaPolicy:
    """A new version of ``area``'s policy, as an administrator would publish it."""
    latest = area.policies.order_by("-version").first()
    return AreaPolicy.objects.create(
        area=area,
        version=version or (latest.version + 1 if latest else 1),
        rules=policy_to_dict(policy),
        effective_from=dt.date(2026, 4, 1),
    )


@pytest.fixture
def east_herts(db: None) -> Area:
    """East Hertfordshire as the demo sets it up: on the service with the reference procedure
    and the contacts of its published policy."""
    area = Area.objects.get(gss_code=EAST_HERTS)
    area.on_service = True
    area.contact_email = "community.safety@eastherts.gov.uk"
    area.contact_phone = "01279 655261"
    area.contact_address = (
        "FAO: Community Safety & ASB Manager\nHousing & Health\nEast Herts District Council\n"
        "Wallfields\nPegs Lane\nHertford\nHerts\nSG13 8EQ"
    )
    area.save()
    add_policy(area, REFERENCE_PROCEDURE)
    return area
