"""Reads of the agency portal: what an agency representative's agency is part of, and nothing else.

Every function starts from ``scope(user)`` and keeps only rows of an agency the person represents,
in an area where they represent it (``Scope.agency_q``): information requests addressed to the
agency, panel seats the agency holds, actions it owns. There is no case list and no case page
here: an agency sees a case only through what was asked of it.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet, Subquery

from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.areas.models import Agency
from casereview.cases.models import Complaint, ComplaintSource, Deadline, DeadlineKind
from casereview.partners.models import InformationRequest, InformationResponse, ResponseDocument
from casereview.reviews.models import Action, PanelMember

Viewer = AbstractBaseUser | AnonymousUser | None


def represents_any_agency(user: Viewer) -> bool:
    """Whether ``user`` is an agency representative anywhere (the portal is theirs)."""
    return bool(scope(user).agency_ids())


def represented_agencies(user: Viewer) -> list[Agency]:
    """The agencies ``user`` represents, by name."""
    return list(Agency.objects.filter(pk__in=sorted(scope(user).agency_ids())).order_by("name"))


def _request_deadline(field: str) -> Subquery:
    return Subquery(
        Deadline.objects.filter(
            information_request=OuterRef("pk"), kind=DeadlineKind.INFORMATION
        ).values(field)[:1]
    )


def requests_for(user: Viewer) -> QuerySet[InformationRequest]:
    """Information requests addressed to the agencies ``user`` represents, each annotated with
    ``due_on`` (its deadline; None once the case has ended without an answer) and ``answered``
    (a response has been recorded), newest first."""
    return (
        InformationRequest.objects.filter(
            scope(user).agency_q(area_field="case__area", agency_field="agency")
        )
        .select_related("case", "case__area", "agency")
        .annotate(
            due_on=_request_deadline("due_on"),
            answered=Exists(InformationResponse.objects.filter(request=OuterRef("pk"))),
        )
        .order_by("-requested_on", "-pk")
    )


def request_for(user: Viewer, request_id: int) -> InformationRequest | None:
    """One request of ``user``'s agencies; None for anyone else's (the page answers 404)."""
    return requests_for(user).filter(pk=request_id).first()


def request_deadline(request: InformationRequest) -> Deadline | None:
    """The request's stored deadline (its due date and how it was worked out)."""
    return (
        Deadline.objects.filter(information_request=request, kind=DeadlineKind.INFORMATION)
        .order_by("pk")
        .first()
    )


def stated_complaints_to(request: InformationRequest) -> list[Complaint]:
    """The complaints the applicant said they made to the request's agency, not yet confirmed:
    what the agency is asked to confirm from its records."""
    return list(
        Complaint.objects.filter(
            case_id=request.case_id,
            agency_id=request.agency_id,
            source=ComplaintSource.STATED_BY_APPLICANT,
        )
        .select_related("agency")
        .order_by("behaviour_on", "reported_on", "pk")
    )


def responses_to(request: InformationRequest) -> list[InformationResponse]:
    """The agency's earlier responses to the request, with their files, oldest first."""
    return list(
        InformationResponse.objects.filter(request=request)
        .prefetch_related("files", "complaints")
        .order_by("received_on", "pk")
    )


def response_file_for(user: Viewer, request_id: int, file_id: int) -> ResponseDocument | None:
    """A file of a response to one of ``user``'s agencies' requests; None otherwise."""
    return (
        ResponseDocument.objects.filter(
            scope(user).agency_q(
                area_field="response__request__case__area",
                agency_field="response__request__agency",
            ),
            pk=file_id,
            response__request_id=request_id,
        )
        .select_related("response__request__case")
        .first()
    )


def panel_seats_for(user: Viewer) -> QuerySet[PanelMember]:
    """Seats on review panels held by the agencies ``user`` represents, with the meeting and
    its case, soonest meeting first."""
    return (
        PanelMember.objects.filter(
            scope(user).agency_q(area_field="meeting__case__area", agency_field="agency")
        )
        .select_related("agency", "meeting", "meeting__case", "meeting__case__area", "responded_by")
        .order_by("meeting__starts_at", "pk")
    )


def seat_for(user: Viewer, member_id: int) -> PanelMember | None:
    return panel_seats_for(user).filter(pk=member_id).first()


def actions_for(user: Viewer) -> QuerySet[Action]:
    """Actions owned by the agencies ``user`` represents, on action plans made final (the plan
    the agency now carries out), soonest due first."""
    return (
        Action.objects.filter(
            scope(user).agency_q(area_field="meeting__case__area", agency_field="owner"),
            meeting__plan_finalised_on__isnull=False,
        )
        .select_related("owner", "meeting", "meeting__case", "meeting__case__area")
        .order_by("due_on", "pk")
    )


def represents(user: Viewer, agency_id: int | None, area_id: int) -> bool:
    """Whether ``user`` represents the agency ``agency_id`` in the area ``area_id``."""
    grants = scope(user)
    return (
        agency_id is not None
        and agency_id in grants.agency_ids(area_id)
        and grants.has(Role.AGENCY_REPRESENTATIVE, area_id)
    )
