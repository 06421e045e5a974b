"""Response schemas: they describe the contracts in the OpenAPI document and check what the
endpoints return. Requests are read by casereview.rules.contract, not by these schemas, so that
the command, the API and the public pages report bad input identically."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

ReasonCode = Literal["reported_late", "too_old", "diary_sheet", "duplicate", "after_application"]


class ErrorOut(Schema):
    field: str = Field(description='Where the problem is, e.g. "complaints[2].reported_date".')
    complaint: str | None = Field(description="The id of the complaint concerned, if any.")
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorOut]


class ComplaintOut(Schema):
    id: str
    qualifying: bool
    counted: bool
    same_as: str | None = Field(description="The id of the complaint counted for the incident.")
    reasons: list[ReasonCode]


class ThresholdOut(Schema):
    threshold_met: bool
    threshold: int = Field(description="The threshold applied: the policy's number, at most 3.")
    qualifying_count: int
    complaints: list[ComplaintOut]
    warnings: list[str]


class SkippedDayOut(Schema):
    date: str
    reason: str


class WorkingDaysOut(Schema):
    nation: str
    from_: str = Field(alias="from", description="The date given.")
    counted_from: str
    due: str
    rule: str
    skipped: list[SkippedDayOut]
    explanation: list[str]


# The request body of the threshold check, for the OpenAPI document only (see the module note).
_DATE: dict[str, Any] = {"type": "string", "format": "date", "example": "2026-01-15"}
THRESHOLD_REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["application_date", "complaints"],
    "properties": {
        "application_date": _DATE,
        "area": {
            "type": "string",
            "description": "GSS code of an area on this service; its current policy is used. "
            "Send either area or policy.",
            "example": "E07000242",
        },
        "policy": {
            "type": "object",
            "additionalProperties": False,
            "description": "Each key optional; missing keys take the statutory default.",
            "properties": {
                "threshold": {"type": "integer", "minimum": 1, "default": 3},
                "report_within": {
                    "oneOf": [
                        {
                            "type": "object",
                            "properties": {"months": {"type": "integer", "minimum": 1}},
                            "required": ["months"],
                            "additionalProperties": False,
                        },
                        {
                            "type": "object",
                            "properties": {"days": {"type": "integer", "minimum": 1}},
                            "required": ["days"],
                            "additionalProperties": False,
                        },
                    ],
                    "default": {"months": 1},
                },
                "application_within_months": {"type": "integer", "minimum": 1, "default": 6},
                "diary_sheets_count": {"type": "boolean", "default": True},
                "same_day_is_same_occasion": {"type": "boolean", "default": True},
            },
        },
        "complaints": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "behaviour_date", "reported_date", "agency"],
                "properties": {
                    "id": {"type": "string", "example": "c1"},
                    "behaviour_date": _DATE,
                    "reported_date": _DATE,
                    "agency": {"type": "string", "example": "police"},
                    "incident": {
                        "type": ["string", "null"],
                        "description": "Complaints sharing a non-empty key are one incident.",
                    },
                    "kind": {
                        "type": "string",
                        "enum": ["complaint", "diary_sheet"],
                        "default": "complaint",
                    },
                },
            },
        },
    },
}
