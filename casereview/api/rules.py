"""Public endpoints over the rules engine: the threshold check and working days."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError
from django.http import HttpRequest
from ninja import Router, Status

from casereview.api.schemas import (
    THRESHOLD_REQUEST_SCHEMA,
    ErrorsOut,
    ThresholdOut,
    WorkingDaysOut,
)
from casereview.areas.selectors import current_local_policy
from casereview.rules import AreaLookupFailed, ContractError, FieldError, LocalPolicy
from casereview.rules.contract import check_threshold, due_date_to_json, working_days

router = Router(tags=["rules"])


def policy_for_area(gss_code: str) -> LocalPolicy | None:
    """The current policy of an area, read from the directory."""
    try:
        return current_local_policy(gss_code)
    except DatabaseError as exc:
        raise AreaLookupFailed("the area directory is not available") from exc


def _request_error(message: str) -> dict[str, Any]:
    return ContractError([FieldError("request", None, message)]).to_json()


@router.post(
    "/threshold-check",
    auth=None,
    response={200: ThresholdOut, 413: ErrorsOut, 422: ErrorsOut},
    summary="Check complaints against the threshold for a review",
    description=(
        "Which complaints qualify (s.104(11)), which count once per incident, and whether the "
        "threshold (at most three, s.104(4)) is met, under the statutory defaults, a policy "
        "given in the request, or an area's current policy."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": THRESHOLD_REQUEST_SCHEMA}},
        }
    },
)
def threshold_check(request: HttpRequest) -> Status[dict[str, Any]]:
    try:
        body = request.body
    except RequestDataTooBig:
        return Status(413, _request_error("the request body is too large"))
    try:
        # Decoded here: json.loads would guess UTF-16 or UTF-32 from a byte-order mark.
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return Status(422, _request_error("the request body is not UTF-8 text"))
    except json.JSONDecodeError as exc:
        return Status(422, _request_error(f"the request body is not valid JSON ({exc})"))
    try:
        return Status(200, check_threshold(data, policy_for_area=policy_for_area))
    except ContractError as exc:
        return Status(422, exc.to_json())


@router.get(
    "/working-days",
    auth=None,
    response={200: WorkingDaysOut, 422: ErrorsOut},
    by_alias=True,
    summary="Add working days to a date",
    description=(
        "The due date N working days after a date, skipping weekends and the nation's bank "
        "holidays; a date that is not a working day counts from the next working day."
    ),
    openapi_extra={
        "parameters": [
            {
                "name": "from",
                "in": "query",
                "required": True,
                "schema": {"type": "string", "format": "date"},
                "description": "The date the step was received, YYYY-MM-DD.",
            },
            {
                "name": "add",
                "in": "query",
                "required": True,
                "schema": {"type": "integer", "minimum": 0, "maximum": 3650},
                "description": "How many working days.",
            },
            {
                "name": "nation",
                "in": "query",
                "required": False,
                "schema": {
                    "type": "string",
                    "enum": ["england", "wales", "england-wales"],
                    "default": "england-wales",
                },
            },
        ]
    },
)
def working_days_view(request: HttpRequest) -> Status[dict[str, Any]]:
    params = request.GET
    try:
        query, due = working_days(
            params.get("from"), params.get("add"), params.get("nation", "england-wales")
        )
    except ContractError as exc:
        return Status(422, exc.to_json())
    return Status(200, due_date_to_json(due, query.nation))
