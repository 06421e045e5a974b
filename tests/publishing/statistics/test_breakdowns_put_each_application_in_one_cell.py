"""Each breakdown puts every application of the period in exactly one cell, so its cells add
up to the applications; who applied follows the rule written in ``compute``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Channel, Relationship, VictimKind
from casereview.cases.services import Applicant
from casereview.publishing.figures import BREAKDOWNS
from tests.cases.helpers import receive
from tests.publishing.statistics.helpers import figures, on, someone

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 9, 14)


def _applicant(relationship: str | None) -> Applicant | None:
    if relationship is None:
        return None
    return Applicant(
        name="Jo Applicant",
        relationship=relationship,
        consent_given_how="Signed consent form",
        consent_given_on=DAY,
    )


def _receive(area: Area, by: User, channel: str, relationship: str | None, kind: str) -> None:
    receive(
        area,
        by,
        channel=channel,
        applicant=_applicant(relationship),
        victim=dataclasses.replace(someone(), kind=kind),
    )


applications = st.lists(
    st.tuples(
        st.sampled_from(Channel.values),
        st.none() | st.sampled_from(Relationship.values),
        st.sampled_from(VictimKind.values),
    ),
    max_size=6,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(applications)
def test_every_breakdown_adds_up_to_the_applications(
    area: Area, coordinator: User, cases: list[tuple[str, str | None, str]]
) -> None:
    with transaction.atomic(), on(DAY):
        for channel, relationship, kind in cases:
            _receive(area, coordinator, channel, relationship, kind)
        found = figures(area, "2026-27")
        transaction.set_rollback(True)

    assert found.statutory.applications == len(cases)
    for name, codes in BREAKDOWNS.items():
        assert set(found.breakdowns[name]) == set(codes)
        assert sum(found.breakdowns[name].values()) == len(cases), name


def test_who_applied(area: Area, coordinator: User) -> None:
    with on(DAY):
        _receive(area, coordinator, "online", None, "person")
        _receive(area, coordinator, "phone", "councillor", "business")
        _receive(area, coordinator, "partner_agency", "councillor", "person")
        _receive(area, coordinator, "email", "partner_agency", "person")
        _receive(area, coordinator, "senior_manager", "other", "community_group")
        _receive(area, coordinator, "partner_agency", "other", "person")

    found = figures(area, "2026-27").breakdowns
    assert found["applicant"] == {
        "victim": 1,
        "someone_for_them": 2,
        "partner_agency": 2,
        "senior_manager": 1,
    }
    assert found["victim_kind"] == {"person": 4, "business": 1, "community_group": 1}
    assert found["channel"]["partner_agency"] == 2
    assert found["channel"]["in_person"] == 0
