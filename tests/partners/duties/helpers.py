"""Incident data for the duties' tests, written straight to the tables as the ingest service
leaves them (derived columns set, each record its own person and occasion), and the two
effects of confirmed matches (one person, one occasion) applied as the matching service does."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from casereview.areas.models import Agency, Area
from casereview.partners.models import Incident, PartnerVictim

_references = itertools.count(1)


def victim_record(
    area: Area,
    agency: Agency,
    name: str = "Sam Victim",
    *,
    postcode: str = "SG14 1AB",
    address: str = "1 High Street, Hertford",
    **extra: Any,
) -> PartnerVictim:
    """One agency's record of a victim, standing alone (its own person)."""
    record = PartnerVictim(
        area=area, agency=agency, name=name, postcode=postcode, address=address, **extra
    )
    record.refresh_keys()
    record.save()
    record.person_key = record.pk
    record.save(update_fields=["person_key"])
    return record


def incident(
    area: Area,
    agency: Agency,
    victim: PartnerVictim | None,
    behaviour_on: dt.date,
    reported_on: dt.date | None = None,
    **extra: Any,
) -> Incident:
    """One incident an agency recorded, reported the day it happened unless told otherwise."""
    record = Incident(
        area=area,
        agency=agency,
        agency_reference=extra.pop("agency_reference", f"REF-{next(_references)}"),
        victim=victim,
        behaviour_on=behaviour_on,
        reported_on=reported_on or behaviour_on,
        description=extra.pop("description", "Shouting and banging on the door at night"),
        **extra,
    )
    record.refresh_derived()
    record.save()
    record.group_key = record.pk
    record.save(update_fields=["group_key"])
    return record


def same_person(*records: PartnerVictim) -> None:
    """Records confirmed as one person: they share the smallest pk as ``person_key``."""
    key = min(r.pk for r in records)
    PartnerVictim.objects.filter(pk__in=[r.pk for r in records]).update(person_key=key)
    Incident.objects.filter(victim__in=[r.pk for r in records]).update(person_key=key)
    for record in records:
        record.person_key = key


def same_occasion(*incidents: Incident) -> None:
    """Incidents confirmed as one occasion told to several agencies: one linked group."""
    key = min(i.pk for i in incidents)
    Incident.objects.filter(pk__in=[i.pk for i in incidents]).update(
        group_key=key, linked=True, occasion_key=key
    )
    for item in incidents:
        item.group_key = key
        item.linked = True
        item.occasion_key = key
