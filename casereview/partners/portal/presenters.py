"""How the portal shows an agency's work: each request's status in words with a tag colour
(the words always say it; the colour only repeats it), and the work grouped by agency for a
person who represents several."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from casereview.areas.models import Agency
from casereview.cases.workflow import FINAL_STATUSES
from casereview.partners.models import InformationRequest
from casereview.reviews.models import Action, InvitationResponse, PanelMember
from casereview.rules import calendar_for

# "Due soon": due today or within this many working days of the area's nation.
DUE_SOON_WORKING_DAYS = 2

ANSWERED = "answered"
OVERDUE = "overdue"
DUE_SOON = "due_soon"
ON_TIME = "on_time"
NOT_NEEDED = "not_needed"


@dataclass(frozen=True)
class Tag:
    """A status in words and the GOV.UK tag colour that repeats it."""

    code: str
    text: str
    colour: str  # red, orange (amber), green, grey

    @property
    def classes(self) -> str:
        return f"govuk-tag--{self.colour}"


def request_status(
    *, answered: bool, due_on: date | None, case_ended: bool, today: date, nation: str
) -> Tag:
    """Answered (grey), overdue (red), due soon: today or within two working days of the area's
    calendar (amber), on time (green); an unanswered request of a case that has ended has no
    due date any more (grey)."""
    if answered:
        return Tag(ANSWERED, _("Answered"), "grey")
    if due_on is None or case_ended:
        return Tag(NOT_NEEDED, _("No longer needed: the case has ended"), "grey")
    if due_on < today:
        return Tag(OVERDUE, _("Overdue"), "red")
    soon = calendar_for(nation).add_working_days(today, DUE_SOON_WORKING_DAYS).due
    if due_on <= soon:
        return Tag(DUE_SOON, _("Due soon"), "orange")
    return Tag(ON_TIME, _("On time"), "green")


def status_of(request: InformationRequest, today: date) -> Tag:
    """The status of a request read through ``selectors.requests_for`` (annotated)."""
    return request_status(
        answered=bool(getattr(request, "answered", False)),
        due_on=getattr(request, "due_on", None),
        case_ended=request.case.status in FINAL_STATUSES,
        today=today,
        nation=request.case.area.nation,
    )


def invitation_status(member: PanelMember) -> Tag:
    if member.response == InvitationResponse.ACCEPTED:
        return Tag("accepted", _("Accepted"), "green")
    if member.response == InvitationResponse.DECLINED:
        return Tag("declined", _("Declined"), "red")
    return Tag("unanswered", _("Not answered yet"), "orange")


@dataclass(frozen=True)
class RequestRow:
    request: InformationRequest
    status: Tag


@dataclass(frozen=True)
class SeatRow:
    member: PanelMember
    status: Tag


@dataclass
class AgencyWork:
    """Everything one agency is part of, for the portal's page."""

    agency: Agency
    requests: list[RequestRow] = field(default_factory=list)
    seats: list[SeatRow] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


def group_by_agency(
    agencies: list[Agency],
    requests: list[InformationRequest],
    seats: list[PanelMember],
    actions: list[Action],
    today: date,
) -> list[AgencyWork]:
    """One section per agency represented, by name, each with its own requests, seats and
    actions."""
    work = {agency.pk: AgencyWork(agency) for agency in agencies}
    for request in requests:
        if request.agency_id in work:
            work[request.agency_id].requests.append(RequestRow(request, status_of(request, today)))
    for member in seats:
        if member.agency_id in work:
            work[member.agency_id].seats.append(SeatRow(member, invitation_status(member)))
    for action in actions:
        if action.owner_id in work:
            work[action.owner_id].actions.append(action)
    return list(work.values())
