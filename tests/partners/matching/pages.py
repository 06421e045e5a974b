"""Matches for the page tests: one proposed incident match and one proposed victim match."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from casereview.areas.models import Area
from casereview.partners.models import IncidentLink, VictimLink
from tests.partners.matching.helpers import (
    NOISE_HOUSING,
    NOISE_POLICE,
    SAM_AT_HOUSING,
    SAM_AT_POLICE,
    housing,
    incident_link,
    one_incident,
    victim_link,
    victim_of,
)


def proposed_matches(area: Area) -> tuple[IncidentLink, VictimLink]:
    police = one_incident(area, area.police_force, "P-1", **NOISE_POLICE, **SAM_AT_POLICE)
    landlord = one_incident(
        area,
        housing(area),
        "H-1",
        behaviour_on=dt.date(2026, 3, 15),
        **NOISE_HOUSING,
        **SAM_AT_HOUSING,
    )
    incidents = incident_link(police, landlord)
    victims = victim_link(victim_of(police), victim_of(landlord))
    assert incidents is not None
    assert victims is not None
    return incidents, victims


def list_url(area: Area) -> str:
    return reverse("partners:matches", kwargs={"slug": area.slug})


def incident_url(area: Area, link: IncidentLink) -> str:
    return reverse("partners:incident-match", kwargs={"slug": area.slug, "link_id": link.pk})


def victim_url(area: Area, link: VictimLink) -> str:
    return reverse("partners:victim-match", kwargs={"slug": area.slug, "link_id": link.pk})
