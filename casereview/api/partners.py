"""The partner API: an agency's systems push incident records, read and answer information
requests, and read and update the actions the agency owns, with an API key per agency and area.

Every operation is scoped to the key's agency in the key's area (``casereview.api.selectors``):
another agency's or area's id is answered 404, exactly like an id that does not exist. Steps
taken through the API are the same service functions staff use, called with ``by=None`` inside
``via_api(...)``, so a case's history says "<agency>, through the API". Every read of a case's
data is recorded in the access log against the key.

Every error comes back as ``{"errors": [{"field", "record", "message"}]}`` (``PartnerErrors``):
400 unreadable body, 401 no valid key, 404 unknown id, 409 not possible in the case's current
state, 413 body too large, 422 invalid input (every problem at once), 429 too many requests.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import fields as dataclass_fields
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import PaginationBase, paginate

from casereview.api import selectors
from casereview.api.auth import AgencyKey, AgencyKeyThrottle, token_of
from casereview.api.partner_schemas import (
    MAX_ID,
    ActionOut,
    ActionUpdateIn,
    IncidentBatchIn,
    IncidentIn,
    IncidentOut,
    InformationRequestOut,
    InformationRequestSummaryOut,
    IngestOut,
    PartnerErrors,
    ResponseIn,
    ResponseOut,
)
from casereview.audit.log import record_area_view, record_view
from casereview.cases.models import Case
from casereview.cases.workflow import IllegalStep, via_api
from casereview.partners.ingest import IncidentRecord, RejectedRecords, ingest_incidents
from casereview.partners.models import (
    AgencyToken,
    Incident,
    InformationRequest,
    InformationResponse,
)
from casereview.partners.services import IncidentInput, information_response_record
from casereview.reviews.models import Action
from casereview.reviews.services import review_update_action

router = Router(tags=["partner agencies"], auth=AgencyKey(), throttle=AgencyKeyThrottle())


# --- Errors -----------------------------------------------------------------------------------


class ApiProblem(Exception):
    """An error answer of the partner API: ``status`` and every problem found."""

    def __init__(self, status: int, errors: list[dict[str, Any]]) -> None:
        self.status = status
        self.errors = errors
        super().__init__(errors)


def problem(field: str, message: str, record: str | None = None) -> dict[str, Any]:
    return {"field": field, "record": record, "message": message}


def _not_found(field: str, what: str) -> ApiProblem:
    return ApiProblem(404, [problem(field, what)])


def _service_errors(
    error: DjangoValidationError, field_map: Mapping[str, str] | None = None
) -> ApiProblem:
    """A service function's refusal, each message against the request field it is about."""
    field_map = field_map or {}
    by_field: dict[str, list[str]] = (
        error.message_dict if hasattr(error, "error_dict") else {"request": error.messages}
    )
    return ApiProblem(
        422,
        [
            problem(field_map.get(field, field), message)
            for field, messages in by_field.items()
            for message in messages
        ],
    )


def _illegal(error: IllegalStep) -> ApiProblem:
    return ApiProblem(409, [problem("request", error.message)])


@contextmanager
def _as_agency(token: AgencyToken) -> Iterator[None]:
    """Steps taken inside are recorded as the agency's, through the API with this key."""
    with via_api(token.agency.code, token.agency.name, token.prefix):
        yield


def _record(request: HttpRequest, case: Case, what: str) -> None:
    record_view(request, case, f"{what} via API key {token_of(request).prefix}")


ERRORS = {
    400: PartnerErrors,
    401: PartnerErrors,
    413: PartnerErrors,
    422: PartnerErrors,
    429: PartnerErrors,
}
READ_ERRORS = {401: PartnerErrors, 422: PartnerErrors, 429: PartnerErrors}


# --- Pagination -------------------------------------------------------------------------------


class Page(PaginationBase):
    """``page`` (from 1) and ``page_size`` (at most 100), with the total ``count``."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000, description="The page, counting from 1.")
        page_size: int = Field(50, ge=1, le=100, description="Items per page, at most 100.")

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        start = (pagination.page - 1) * pagination.page_size
        return {
            "items": list(queryset[start : start + pagination.page_size]),
            "count": queryset.count(),
            "page": pagination.page,
            "page_size": pagination.page_size,
        }


# --- Incidents --------------------------------------------------------------------------------


# ``IncidentIn`` and ``IncidentRecord`` have the same fields (checked here, on import, and by
# tests/api/partners/test_pushing_incidents_builds_the_records_the_service_expects.py).
if set(IncidentIn.model_fields) != {field.name for field in dataclass_fields(IncidentRecord)}:
    raise ImproperlyConfigured("IncidentIn and IncidentRecord must have the same fields")


def _records_of(batch: IncidentBatchIn) -> list[IncidentRecord]:
    """The batch's records as the ingest service takes them: each validated record's fields
    as they are, filled straight into an ``IncidentRecord`` (the same fields). Calling the
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``: for
    1,000 records that cost 1.3 ms of a batch's validation and records of about 5 ms; this
    costs 0.2 ms and gives equal records (they are checked by nothing more than their types,
    which pydantic has just checked)."""
    new = object.__new__
    records = []
    for incident in batch.incidents:
        record = new(IncidentRecord)
        record.__dict__.update(incident.__dict__)
        records.append(record)
    return records


@router.post(
    "/incidents",
    operation_id="push_incidents",
    response={200: IngestOut, **ERRORS},
    summary="Send a batch of incident records",
    description=(
        "Creates or updates the agency's incident records in the area, identified by "
        "`agency_reference`: sending the same batch again changes nothing (every record "
        "`unchanged`). A batch is all or nothing: if any record has a problem, none is stored "
        "and the 422 answer lists every problem, each naming the field and the record."
    ),
)
def push_incidents(request: HttpRequest, batch: IncidentBatchIn) -> Status[dict[str, Any]]:
    token = token_of(request)
    records = _records_of(batch)
    try:
        with _as_agency(token):
            result = ingest_incidents(token.area, token.agency, records, by=None)
    except RejectedRecords as rejected:
        raise ApiProblem(
            422,
            [
                problem(
                    f"incidents.{p.record - 1}.{p.field}"
                    if p.field
                    else f"incidents.{p.record - 1}",
                    p.message,
                    p.reference or None,
                )
                for p in rejected.problems
            ],
        ) from rejected
    return Status(
        200,
        {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
    )


def _incident_out(incident: Incident) -> dict[str, Any]:
    victim = incident.victim
    return {
        "id": incident.pk,
        "agency_reference": incident.agency_reference,
        "behaviour_on": incident.behaviour_on,
        "behaviour_time": incident.behaviour_time,
        "reported_on": incident.reported_on,
        "kind": incident.kind,
        "location": incident.location,
        "postcode": incident.postcode,
        "description": incident.description,
        "victim": None
        if victim is None
        else {
            "reference": victim.agency_reference,
            "name": victim.name,
            "date_of_birth": victim.date_of_birth,
            "address": victim.address,
            "postcode": victim.postcode,
        },
        "linked": incident.linked,
        "updated_at": incident.updated_at,
    }


class _IncidentPage(Page):
    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        record_area_view(request, token_of(request).area, "incident records via the API")
        page["items"] = [_incident_out(incident) for incident in page["items"]]
        return page


@router.get(
    "/incidents",
    operation_id="list_incidents",
    response={200: list[IncidentOut], **READ_ERRORS},
    summary="The agency's incident records in the area",
    description="Oldest behaviour first, a page at a time.",
)
@paginate(_IncidentPage)
def list_incidents(request: HttpRequest) -> QuerySet[Incident]:
    return selectors.incidents_of(token_of(request))


# --- Information requests ---------------------------------------------------------------------


def _request_summary(info: InformationRequest) -> dict[str, Any]:
    return {
        "id": info.pk,
        "case_reference": info.case.reference,
        "requested_on": info.requested_on,
        "due_on": getattr(info, "due_on", None),
        "answered": bool(getattr(info, "answered", False)),
    }


def _response_out(response: InformationResponse) -> dict[str, Any]:
    return {
        "id": response.pk,
        "request_id": response.request_id,
        "received_on": response.received_on,
        "actions_taken": response.actions_taken,
        "documents": response.documents,
        "exemption_relied_on": response.exemption_relied_on,
        "exemption_reason": response.exemption_reason,
        "complaints": sorted(complaint.pk for complaint in response.complaints.all()),
    }


class _RequestPage(Page):
    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["items"] = [_request_summary(info) for info in page["items"]]
        return page


@router.get(
    "/information-requests",
    operation_id="list_information_requests",
    response={200: list[InformationRequestSummaryOut], **READ_ERRORS},
    summary="Information requests addressed to the agency",
    description=(
        "Newest first. `status=open` keeps the requests not yet answered; `status=answered` "
        "those with a response."
    ),
)
@paginate(_RequestPage)
def list_requests(
    request: HttpRequest, status: Literal["open", "answered"] | None = None
) -> QuerySet[InformationRequest]:
    answered = None if status is None else status == "answered"
    return selectors.requests_of(token_of(request), answered)


def _request_or_404(request: HttpRequest, request_id: int) -> InformationRequest:
    info = selectors.request_of(token_of(request), request_id)
    if info is None:
        raise _not_found("request_id", _("There is no information request with this id."))
    return info


@router.get(
    "/information-requests/{request_id}",
    operation_id="get_information_request",
    response={200: InformationRequestOut, 404: PartnerErrors, **READ_ERRORS},
    summary="One information request, with what the agency needs to answer it",
)
def get_request(
    request: HttpRequest, request_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status[dict[str, Any]]:
    info = _request_or_404(request, request_id)
    case = info.case
    _record(request, case, "information request")
    return Status(
        200,
        {
            **_request_summary(info),
            "victim_name": case.victim_name,
            "victim_address": case.victim_address,
            "victim_postcode": case.victim_postcode,
            "asb_description": case.asb_description,
            "location": case.location,
            "complaints": [
                {
                    "id": complaint.pk,
                    "behaviour_on": complaint.behaviour_on,
                    "reported_on": complaint.reported_on,
                    "kind": complaint.kind,
                    "summary": complaint.summary,
                    "agency_reference": complaint.agency_reference,
                }
                for complaint in selectors.stated_complaints(info)
            ],
            "responses": [_response_out(r) for r in selectors.responses_of(info)],
        },
    )


@router.post(
    "/information-requests/{request_id}/responses",
    operation_id="answer_information_request",
    response={201: ResponseOut, 404: PartnerErrors, 409: PartnerErrors, **ERRORS},
    summary="Answer an information request",
    description=(
        "Records the agency's response, received today. Each incident becomes a confirmed "
        "complaint of the case; one that `confirms` a complaint the applicant stated turns it "
        "into the agency's record (the agency's dates win). 409 when the case no longer takes "
        "responses (for example, it has been closed)."
    ),
)
def answer_request(
    request: HttpRequest, answer: ResponseIn, request_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status[dict[str, Any]]:
    token = token_of(request)
    info = _request_or_404(request, request_id)
    errors: list[dict[str, Any]] = []
    incidents: list[IncidentInput] = []
    for index, incident in enumerate(answer.incidents):
        confirms = None
        if incident.confirms is not None:
            confirms = selectors.stated_complaint(info, incident.confirms)
            if confirms is None:
                errors.append(
                    problem(
                        f"incidents.{index}.confirms",
                        _(
                            "There is no complaint %(id)s waiting for your agency to confirm "
                            "in this request: use an id from its complaints, or null."
                        )
                        % {"id": incident.confirms},
                        incident.agency_reference or None,
                    )
                )
        incidents.append(
            IncidentInput(
                behaviour_on=incident.behaviour_on,
                reported_on=incident.reported_on,
                agency_reference=incident.agency_reference,
                kind=incident.kind,
                summary=incident.summary,
                confirms=confirms,
            )
        )
    if answer.exemption_relied_on.strip() and not answer.exemption_reason.strip():
        errors.append(
            problem(
                "exemption_reason",
                _("Give the reason the exemption you relied on applies."),
            )
        )
    if errors:
        raise ApiProblem(422, errors)
    _record(request, info.case, "information request answered")
    try:
        with _as_agency(token):
            response = information_response_record(
                info,
                by=None,
                received_on=timezone.localdate(),
                incidents=incidents,
                actions_taken=answer.actions_taken,
                documents=answer.documents,
                exemption_relied_on=answer.exemption_relied_on,
                exemption_reason=answer.exemption_reason,
            )
    except IllegalStep as error:
        raise _illegal(error) from error
    except DjangoValidationError as error:
        raise _service_errors(error) from error
    return Status(201, _response_out(selectors.response_of(response.pk)))


# --- Actions ----------------------------------------------------------------------------------


def _action_out(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "case_reference": action.meeting.case.reference,
        "description": action.description,
        "due_on": action.due_on,
        "status": action.status,
        "progress": action.progress,
        "completed_on": action.completed_on,
    }


class _ActionPage(Page):
    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        # An action is case data: record a read of each case on the page.
        cases = {action.meeting.case_id: action.meeting.case for action in page["items"]}
        for case in cases.values():
            _record(request, case, "actions")
        page["items"] = [_action_out(action) for action in page["items"]]
        return page


@router.get(
    "/actions",
    operation_id="list_actions",
    response={200: list[ActionOut], **READ_ERRORS},
    summary="Actions the agency owns",
    description="Actions of final action plans on the area's cases, soonest due first.",
)
@paginate(_ActionPage)
def list_actions(request: HttpRequest) -> QuerySet[Action]:
    return selectors.actions_of(token_of(request))


def _action_or_404(request: HttpRequest, action_id: int) -> Action:
    action = selectors.action_of(token_of(request), action_id)
    if action is None:
        raise _not_found("action_id", _("There is no action with this id."))
    return action


@router.get(
    "/actions/{action_id}",
    operation_id="get_action",
    response={200: ActionOut, 404: PartnerErrors, **READ_ERRORS},
    summary="One action the agency owns",
)
def get_action(
    request: HttpRequest, action_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status[dict[str, Any]]:
    action = _action_or_404(request, action_id)
    _record(request, action.meeting.case, "action")
    return Status(200, _action_out(action))


@router.patch(
    "/actions/{action_id}",
    operation_id="update_action",
    response={200: ActionOut, 404: PartnerErrors, 409: PartnerErrors, **ERRORS},
    summary="Record the progress of an action",
    description=(
        "Only the fields sent change. `done` needs `completed_on`; `cancelled` needs the "
        "reason in `progress`. 409 when the case no longer takes updates to its actions."
    ),
)
def update_action(
    request: HttpRequest, change: ActionUpdateIn, action_id: int = Path(..., ge=1, le=MAX_ID)
) -> Status[dict[str, Any]]:
    token = token_of(request)
    action = _action_or_404(request, action_id)
    sent = change.model_fields_set
    status = change.status if "status" in sent and change.status is not None else action.status
    progress = (
        change.progress if "progress" in sent and change.progress is not None else action.progress
    )
    completed_on = change.completed_on if "completed_on" in sent else action.completed_on
    _record(request, action.meeting.case, "action updated")
    try:
        with _as_agency(token):
            review_update_action(
                action.meeting.case,
                action,
                by=None,
                status=status,
                progress=progress,
                completed_on=completed_on,
            )
    except IllegalStep as error:
        raise _illegal(error) from error
    except DjangoValidationError as error:
        raise _service_errors(error) from error
    updated = selectors.action_of(token, action.pk)
    assert updated is not None
    return Status(200, _action_out(updated))
