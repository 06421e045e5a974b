"""A realistic set of closed cases for the privacy tests, built through the real services.

``PERSON`` is one victim whose every detail is distinctive, so that a scan of the whole
database can tell whether anything about them is left after anonymisation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.appeals.services import appeal_send_outcome
from casereview.areas.models import AgencyKind, Area
from casereview.cases.models import Case
from casereview.cases.services import case_close, case_decide_threshold, case_withdraw
from casereview.partners.ingest import IncidentRecord, ingest_incidents
from casereview.partners.services import IncidentInput, information_response_record
from casereview.reviews.models import Action
from casereview.reviews.services import (
    Upload,
    Voice,
    review_finalise_plan,
    review_record_meeting,
    review_record_victim_comment,
    review_record_victim_voice,
    review_schedule_meeting,
    review_send_outcome,
    review_update_action,
)
from tests.appeals.helpers import hear, lodge
from tests.cases.helpers import close_after_window, gathering, receive, request_to
from tests.cases.helpers import victim as victim_input
from tests.reviews.helpers import meeting_plan, record

# Every detail of the person is a string found nowhere else, so a scan finds only them.
PERSON: dict[str, str] = {
    "name": "Ffion Quixotic-Vantablack",
    "address": "77 Zephyr Mews, Hertford",
    "postcode": "SG13 9ZQ",
    "email": "ffion.quixotic@example.test",
    "phone": "07700 900777",
}
DESCRIPTION = "Drum-and-bass marathon from the Quixotic-Vantablack garden shed"
ALLEGED = "Mr Zebedee Perpetrator-Unique of 99 Secret Lane"
STATEMENT = "Zephyr statement: I cannot sleep at all"
INCIDENT_TEXT = "Quixotic incident: bass through the wall at 3am"
FILE_TEXT = b"Quixotic uploaded police log"
# What a scan looks for: the person's details and the free texts about them.
PERSON_STRINGS = (
    PERSON["name"],
    PERSON["address"],
    PERSON["email"],
    PERSON["phone"],
    DESCRIPTION,
    ALLEGED,
    STATEMENT,
    INCIDENT_TEXT,
    "Zephyr",
    "Quixotic",
)


def the_person(**extra: Any) -> Any:
    return victim_input(
        PERSON["name"],
        address=PERSON["address"],
        postcode=PERSON["postcode"],
        email=PERSON["email"],
        phone=PERSON["phone"],
        **extra,
    )


def someone(name: str, n: int) -> Any:
    """Another victim, with details of their own (so no case is taken as a repeat)."""
    return victim_input(
        name,
        address=f"{n} Other Road, Ware",
        postcode=f"SG12 {n}AA",
        email=f"person{n}@example.test",
        phone=f"07700 90{n:04d}",
    )


@dataclass
class ClosedSet:
    """One closed case of each kind the statistics count."""

    reviewed: Case  # met, review held with recommendations, victim statement, closed
    not_met_appealed: Case  # not met, appeal heard and not upheld, closed
    not_met: Case  # not met, closed after the review window
    not_suitable: Case  # screened out at receipt
    withdrawn: Case  # withdrawn before any decision


def _police_incidents(area: Area, today: dt.date) -> list[str]:
    """The police send three incidents about the person; their references."""
    police = area.police_force
    days = [today - dt.timedelta(days=n) for n in (3, 6, 9)]
    records = [
        IncidentRecord(
            agency_reference=f"HC-{day:%m%d}",
            behaviour_on=day,
            reported_on=day,
            location=PERSON["address"],
            postcode=PERSON["postcode"],
            description=INCIDENT_TEXT,
            victim_name=PERSON["name"],
            victim_date_of_birth=dt.date(1979, 2, 28),
            victim_address=PERSON["address"],
            victim_postcode=PERSON["postcode"],
            victim_reference="HC-PERSON-1",
        )
        for day in days
    ]
    ingest_incidents(area, police, records, by=None)
    return [record.agency_reference for record in records]


def reviewed_case(area: Area, by: User) -> Case:
    """The person's case: met on the police's incidents (with a file), review held with a
    victim impact statement and recommendations, plan final, then closed."""
    today = timezone.localdate()
    references = _police_incidents(area, today)
    case = gathering(
        area,
        by,
        victim=the_person(),
        asb_description=DESCRIPTION,
        alleged_responsible=ALLEGED,
        location=PERSON["address"],
    )
    days = [today - dt.timedelta(days=n) for n in (3, 6, 9)]
    information_response_record(
        request_to(case, AgencyKind.POLICE),
        by=by,
        received_on=today,
        incidents=[
            IncidentInput(
                behaviour_on=day, reported_on=day, agency_reference=ref, summary=INCIDENT_TEXT
            )
            for day, ref in zip(days, references, strict=True)
        ],
        actions_taken=f"Officers visited {PERSON['name']}",
        files=[Upload(name="Quixotic-log.txt", content_type="text/plain", data=FILE_TEXT)],
    )
    case = case_decide_threshold(
        case, by=by, on=today, route="threshold", met=True, reasons=f"{PERSON['name']}: met."
    )
    case = review_record_victim_voice(
        case,
        by=by,
        voice=Voice(
            choice="impact_statement",
            contacted_on=today,
            statement=STATEMENT,
            support_offered=f"Victim Support for {PERSON['name']}",
        ),
    )
    case = review_schedule_meeting(case, by=by, plan=meeting_plan(area)).case
    case = review_record_meeting(case, by=by, record=record(case, today))
    case = review_send_outcome(case, by=by)
    case = review_record_victim_comment(
        case, by=by, received_on=today, how="phone", text=f"{PERSON['name']} is happy."
    )
    case = review_finalise_plan(case, by=by)
    for action in Action.objects.filter(meeting__case=case):
        case = review_update_action(
            case,
            action,
            by=by,
            status="done",
            progress=f"Done for {PERSON['name']}",
            completed_on=today,
        )
    case = case_close(case, by=by, reason=f"Plan complete for {PERSON['name']}.")
    return Case.objects.get(pk=case.pk)


def closed_set(area: Area, by: User) -> ClosedSet:
    """Build the set on the test's frozen day (a working day), closing each case."""
    reviewed = reviewed_case(area, by)

    not_met = gathering(area, by, victim=someone("Nia Notmet", 1))
    not_met = case_decide_threshold(
        not_met, by=by, on=not_met.received_on, route="threshold", met=False, reasons="None."
    )
    appealed = gathering(area, by, victim=someone("Alys Appeal", 2))
    appealed = case_decide_threshold(
        appealed, by=by, on=appealed.received_on, route="threshold", met=False, reasons="No."
    )
    appeal = hear(lodge(appealed, by), by, outcome=Outcome.NOT_UPHELD)
    appeal_send_outcome(appeal, by=by)
    appealed = Case.objects.get(pk=appealed.pk)
    not_met = close_after_window(not_met, by, "Nothing more to do.")
    appealed = close_after_window(appealed, by, "Appeal not upheld.")

    screened = receive(
        area,
        by,
        victim=someone("Sol Screened", 3),
        not_suitable_reason="cps_decision",
        signposting="Contact the CPS.",
    )
    withdrawn = receive(area, by, victim=someone("Wyn Withdrawn", 4))
    withdrawn = case_withdraw(withdrawn, by=by, reason="The victim moved away.")
    return ClosedSet(reviewed, appealed, not_met, screened, withdrawn)


def rows_holding(strings: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """Every (model, field, string) where a stored value of any model holds one of ``strings``
    (text, JSON and binary columns alike)."""
    wanted = [s.casefold() for s in strings]
    encoded = [s.encode() for s in strings]
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(
                f, models.CharField | models.TextField | models.JSONField | models.BinaryField
            )
        ]
        if not fields:
            continue
        for row in model._base_manager.values_list(*[f.attname for f in fields]):
            for field, value in zip(fields, row, strict=True):
                if value is None:
                    continue
                if isinstance(value, bytes | memoryview):
                    data = bytes(value)
                    for s, b in zip(strings, encoded, strict=True):
                        if b in data:
                            yield model.__name__, field.name, s
                    continue
                text = str(value).casefold()
                for s, w in zip(strings, wanted, strict=True):
                    if w in text:
                        yield model.__name__, field.name, s
