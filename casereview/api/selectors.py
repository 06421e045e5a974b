"""Reads of the partner API, each scoped to the key's agency in the key's area.

A key stands for one agency in one area, so every read filters on both: an id of another
agency's or another area's row finds nothing (and the API answers 404, revealing nothing). What
an agency sees matches the agency portal: the requests addressed to it, the actions it owns on
action plans made final, and its own incident records.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from casereview.cases.models import Complaint, ComplaintSource, Deadline, DeadlineKind
from casereview.partners.models import (
    AgencyToken,
    Incident,
    InformationRequest,
    InformationResponse,
)
from casereview.reviews.models import Action


def incidents_of(token: AgencyToken) -> QuerySet[Incident]:
    """The agency's own incident records in the area, oldest behaviour first."""
    return (
        Incident.objects.filter(area_id=token.area_id, agency_id=token.agency_id)
        .select_related("victim")
        .order_by("behaviour_on", "pk")
    )


def requests_of(token: AgencyToken, answered: bool | None = None) -> QuerySet[InformationRequest]:
    """Information requests addressed to the agency on the area's cases (only the answered or
    only the open ones, when ``answered`` says), newest first, each with ``due_on`` (its
    deadline) and ``answered`` (a response is recorded)."""
    requests = InformationRequest.objects.filter(
        case__area_id=token.area_id, agency_id=token.agency_id
    )
    if answered is not None:
        has_response = Exists(InformationResponse.objects.filter(request=OuterRef("pk")))
        requests = requests.filter(has_response if answered else ~has_response)
    return (
        requests.select_related("case")
        .annotate(
            due_on=Subquery(
                Deadline.objects.filter(
                    information_request=OuterRef("pk"), kind=DeadlineKind.INFORMATION
                )
                .order_by("pk")
                .values("due_on")[:1]
            ),
            answered=Exists(InformationResponse.objects.filter(request=OuterRef("pk"))),
        )
        .order_by("-requested_on", "-pk")
    )


def request_of(token: AgencyToken, pk: int) -> InformationRequest | None:
    return requests_of(token).filter(pk=pk).first()


def stated_complaints(request: InformationRequest) -> list[Complaint]:
    """The complaints the applicant said they made to the request's agency and that its
    records have not yet confirmed."""
    return list(
        Complaint.objects.filter(
            case_id=request.case_id,
            agency_id=request.agency_id,
            source=ComplaintSource.STATED_BY_APPLICANT,
        ).order_by("behaviour_on", "reported_on", "pk")
    )


def stated_complaint(request: InformationRequest, pk: int) -> Complaint | None:
    """One of ``stated_complaints(request)``, by id."""
    return (
        Complaint.objects.filter(
            pk=pk,
            case_id=request.case_id,
            agency_id=request.agency_id,
            source=ComplaintSource.STATED_BY_APPLICANT,
        )
        .select_related("agency")
        .first()
    )


def responses_of(request: InformationRequest) -> list[InformationResponse]:
    return list(
        InformationResponse.objects.filter(request=request)
        .prefetch_related("complaints")
        .order_by("received_on", "pk")
    )


def response_of(response_pk: int) -> InformationResponse:
    """A response just recorded, with what it added or confirmed."""
    return InformationResponse.objects.prefetch_related("complaints").get(pk=response_pk)


def actions_of(token: AgencyToken) -> QuerySet[Action]:
    """Actions the agency owns on the area's cases, on action plans made final (the plan it now
    carries out), soonest due first."""
    return (
        Action.objects.filter(
            meeting__case__area_id=token.area_id,
            owner_id=token.agency_id,
            meeting__plan_finalised_on__isnull=False,
        )
        .select_related("owner", "meeting", "meeting__case")
        .order_by("due_on", "pk")
    )


def action_of(token: AgencyToken, pk: int) -> Action | None:
    return actions_of(token).filter(pk=pk).first()
