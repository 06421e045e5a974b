"""Building cases in tests through the same service functions the service uses."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.models import Case, DeadlineKind
from casereview.cases.services import (
    ComplaintInput,
    Victim,
    case_acknowledge,
    case_close,
    case_receive,
    case_request_information,
)
from casereview.cases.workflow import Status
from casereview.letters.models import Letter
from casereview.partners.models import InformationRequest
from casereview.partners.services import IncidentInput, information_response_record

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    """A moment in the service's time zone, for freezing time."""
    return dt.datetime(year, month, day, hour, tzinfo=LONDON)


def victim(name: str = "Sam Victim", **extra: Any) -> Victim:
    defaults: dict[str, Any] = {
        "address": "1 High Street, Hertford",
        "postcode": "SG14 1AB",
        "email": "sam@example.test",
        "phone": "07700 900123",
    }
    return Victim(name=name, **{**defaults, **extra})


def agency_of(area: Area, kind: str) -> Agency:
    return Agency.objects.get(area_agencies__area=area, kind=kind)


def stated(
    agency: Agency, behaviour_on: dt.date, reported_on: dt.date | None = None, **extra: Any
) -> ComplaintInput:
    return ComplaintInput(
        agency=agency, behaviour_on=behaviour_on, reported_on=reported_on or behaviour_on, **extra
    )


def receive(area: Area, by: User | None, **overrides: Any) -> Case:
    """A phone application received today, about the victim above, unless told otherwise."""
    values: dict[str, Any] = {
        "channel": "phone",
        "received_on": timezone.localdate(),
        "victim": victim(),
        "asb_description": "Loud music and shouting most nights.",
        "alleged_responsible": "The tenant of flat 3, Mr Example",
    }
    values.update(overrides)
    return case_receive(area, by=by, **values)


def gathering(area: Area, by: User, **overrides: Any) -> Case:
    """A case received, acknowledged and with information requested, all today."""
    case = receive(area, by, **overrides)
    case = case_acknowledge(case, by=by, on=case.received_on)
    return case_request_information(case, by=by, on=case.received_on)


def request_to(case: Case, kind: str = AgencyKind.POLICE) -> InformationRequest:
    return InformationRequest.objects.get(case=case, agency__kind=kind)


def confirm(
    case: Case,
    by: User,
    incidents: list[tuple[dt.date, dt.date, str]],
    *,
    kind: str = AgencyKind.POLICE,
    received_on: dt.date | None = None,
) -> None:
    """Record the police's response listing ``(behaviour_on, reported_on, incident_key)``."""
    information_response_record(
        request_to(case, kind),
        by=by,
        received_on=received_on or timezone.localdate(),
        incidents=[
            IncidentInput(behaviour_on=b, reported_on=r, incident_key=key)
            for b, r, key in incidents
        ],
    )


def close_after_window(case: Case, by: User | None, reason: str) -> Case:
    """Close a case, first letting the victim's window for asking for a review of a "not met"
    decision run out (a case cannot be closed while that window is open)."""
    window = case.deadlines.filter(kind=DeadlineKind.REVIEW_REQUEST).first()
    if case.status != Status.THRESHOLD_NOT_MET or window is None:
        return case_close(case, by=by, reason=reason)
    after = dt.datetime.combine(
        window.due_on + dt.timedelta(days=1), dt.time(10), tzinfo=ZoneInfo("Europe/London")
    )
    with time_machine.travel(after, tick=False):
        return case_close(case, by=by, reason=reason)


def sent_letter(
    case: Case, key: str = "ct2", *, pdf: bytes = b"%PDF", docx: bytes = b"PK"
) -> Letter:
    """An acknowledgement letter of ``case`` to the applicant, sent by e-mail."""
    return Letter.objects.create(
        case=case,
        key=key,
        kind="ct2",
        step="acknowledge",
        recipient="applicant",
        recipient_name="Councillor Jane Brown",
        subject="Your application",
        html="<p>Letter</p>",
        pdf=pdf,
        docx=docx,
        delivery="email",
        status="sent",
    )
