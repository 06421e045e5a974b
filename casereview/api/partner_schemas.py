"""Request and response schemas of the partner API (``casereview.api.partners``).

Requests are checked here for shape and type: every text field refuses the characters no
database can store (NUL, lone surrogates) and is capped at its column's length, every number
at what the database can hold, so that no input reaches the database in a form it would choke
on. What the input *means* (a date in the future, a report before the behaviour) is checked by
the service functions, which report it in the same error shape.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from annotated_types import Ge, Le, MaxLen, MinLen
from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator

from casereview.partners.ingest import (
    MAX_POSTCODE,
    MAX_REFERENCE,
    MAX_TEXT,
    MAX_VICTIM_NAME,
    MAX_VICTIM_REFERENCE,
)
from casereview.partners.models import ExemptionRelied
from casereview.reviews.models import ActionStatus

# The largest id the API accepts: well inside a signed 64-bit column on every database.
MAX_ID = 2**53


# NUL, or any surrogate code point (a paired one is never a single character of a str).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: str) -> str:
    """Refuse text a database cannot store: NUL (PostgreSQL refuses it) and lone surrogates
    (not encodable as UTF-8), which JSON's \\u escapes can carry. The API checks every text
    of every record of a batch (80,000 texts in 10,000 records), so the common case is made
    cheap: ASCII text (``isascii`` reads a flag CPython keeps on the string) holds no
    surrogate, and looking for a NUL in it is a byte search; the regular expression, which
    reads the text a character at a time (in 10,000 records, more than the rest of the
    validation), is left for text with other characters."""
    if value.isascii():
        if "\x00" not in value:
            return value
    elif _UNSTORABLE.search(value) is None:
        return value
    if "\x00" in value:
        raise ValueError("the text contains a NUL character (\\u0000)")
    raise ValueError("the text contains an unpaired surrogate, which is not valid Unicode")


# Text a database can store, capped at the lengths the ingest service allows (its columns'
# lengths, or a generous bound for free text), so that the API and a CSV import agree.
Reference = Annotated[str, MinLen(1), MaxLen(MAX_REFERENCE), AfterValidator(_storable)]
OptionalReference = Annotated[str, MaxLen(MAX_REFERENCE), AfterValidator(_storable)]
VictimReference = Annotated[str, MaxLen(MAX_VICTIM_REFERENCE), AfterValidator(_storable)]
Postcode = Annotated[str, MaxLen(MAX_POSTCODE), AfterValidator(_storable)]
Name = Annotated[str, MaxLen(MAX_VICTIM_NAME), AfterValidator(_storable)]
ShortText = Annotated[str, MaxLen(500), AfterValidator(_storable)]
LongText = Annotated[str, MaxLen(MAX_TEXT), AfterValidator(_storable)]

Id = Annotated[int, Ge(1), Le(MAX_ID)]
ComplaintKindIn = Literal["complaint", "diary_sheet"]
ActionStatusValue = Literal["not_started", "in_progress", "done", "cancelled"]
assert set(ActionStatusValue.__args__) == set(ActionStatus.values)  # type: ignore[attr-defined]

MAX_BATCH = 1000
MAX_RESPONSE_INCIDENTS = 500


# --- Errors -----------------------------------------------------------------------------------


class PartnerError(Schema):
    field: str = Field(
        description='Where the problem is, e.g. "incidents.3.reported_on" (list positions '
        'count from 0), "Authorization" or "request".',
        examples=["incidents.3.reported_on"],
    )
    record: str | None = Field(
        description="The agency's own reference of the record concerned, when there is one.",
        examples=["HC-2026-000123"],
    )
    message: str = Field(examples=["The date cannot be in the future."])


class PartnerErrors(Schema):
    """Every error response of the partner API: each problem found, not only the first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "errors": [
                        {
                            "field": "incidents.3.reported_on",
                            "record": "HC-2026-000123",
                            "message": "It cannot have been reported before the behaviour.",
                        }
                    ]
                }
            ]
        }
    )

    errors: list[PartnerError]


# --- Incidents --------------------------------------------------------------------------------


class IncidentIn(BaseModel):
    """One incident as the agency recorded it. The agency's reference identifies it: sending
    a record again with the same reference updates it, or changes nothing if it is the same."""

    # A plain pydantic model, not a ninja ``Schema``: a batch holds up to 1,000 of them, and
    # ``Schema`` validates every one through ``DjangoGetter`` (one Python call per field, for
    # reading Django objects), which cost more than storing them. Input only, so nothing of
    # ``Schema`` is needed; the OpenAPI description is the same (``tests/api``).

    agency_reference: Reference = Field(
        description="The agency's own reference of the incident, unique within the agency.",
        examples=["HC-2026-000123"],
    )
    behaviour_on: dt.date = Field(description="The day the behaviour happened.")
    behaviour_time: dt.time | None = Field(None, description="The time it happened, if known.")
    reported_on: dt.date = Field(description="The day it was reported to the agency.")
    kind: ComplaintKindIn = "complaint"
    location: LongText = ""
    postcode: Postcode = ""
    description: LongText = ""
    victim_reference: VictimReference = Field(
        "", description="The agency's own identifier of the victim, if it has one."
    )
    victim_name: Name = ""
    victim_date_of_birth: dt.date | None = None
    victim_address: LongText = ""
    victim_postcode: Postcode = ""

    @model_validator(mode="before")
    @classmethod
    def _fields_of(cls, value: Any) -> Any:
        """A record that is not a JSON object has none of the fields: each required one is
        answered missing, in the words ``Schema`` (which reads any value's attributes) used."""
        return value if isinstance(value, dict) else {}


class IncidentBatchIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "incidents": [
                        {
                            "agency_reference": "HC-2026-000123",
                            "behaviour_on": "2026-03-02",
                            "behaviour_time": "23:15:00",
                            "reported_on": "2026-03-03",
                            "kind": "complaint",
                            "location": "Outside 12 Fore Street, Hertford",
                            "postcode": "SG14 1AB",
                            "description": "Loud music and shouting after 11pm.",
                            "victim_reference": "P-88812",
                            "victim_name": "Sam Victim",
                            "victim_date_of_birth": "1980-05-17",
                            "victim_address": "14 Fore Street, Hertford",
                            "victim_postcode": "SG14 1AB",
                        }
                    ]
                }
            ]
        }
    )

    incidents: Annotated[list[IncidentIn], MinLen(1), MaxLen(MAX_BATCH)] = Field(
        description=f"1 to {MAX_BATCH} incident records."
    )


class IngestOut(Schema):
    created: int = Field(description="Records new to the service.")
    updated: int = Field(description="Records already held, changed by this batch.")
    unchanged: int = Field(description="Records already held exactly as sent.")


class VictimOut(Schema):
    reference: str
    name: str
    date_of_birth: dt.date | None
    address: str
    postcode: str


class IncidentOut(Schema):
    id: int
    agency_reference: str
    behaviour_on: dt.date
    behaviour_time: dt.time | None
    reported_on: dt.date
    kind: ComplaintKindIn
    location: str
    postcode: str
    description: str
    victim: VictimOut | None
    linked: bool = Field(
        description="Staff have confirmed it is the same occasion as another agency's record."
    )
    updated_at: dt.datetime


# --- Information requests ---------------------------------------------------------------------


class StatedComplaintOut(Schema):
    id: int = Field(description="Send this as `confirms` when a record of yours confirms it.")
    behaviour_on: dt.date
    reported_on: dt.date
    kind: ComplaintKindIn
    summary: str
    agency_reference: str


class ResponseOut(Schema):
    id: int
    request_id: int
    received_on: dt.date
    actions_taken: str
    documents: str
    exemption_relied_on: str
    exemption_reason: str
    complaints: list[int] = Field(
        description="The case's complaints this response added or confirmed."
    )


class InformationRequestSummaryOut(Schema):
    id: int
    case_reference: str
    requested_on: dt.date
    due_on: dt.date | None = Field(description="When the answer is due; null once no longer due.")
    answered: bool


class InformationRequestOut(InformationRequestSummaryOut):
    victim_name: str
    victim_address: str
    victim_postcode: str
    asb_description: str
    location: str
    complaints: list[StatedComplaintOut] = Field(
        description="Complaints the applicant says they made to your agency, not yet confirmed."
    )
    responses: list[ResponseOut]


class ResponseIncidentIn(Schema):
    behaviour_on: dt.date
    reported_on: dt.date
    agency_reference: OptionalReference = ""
    kind: ComplaintKindIn = "complaint"
    summary: LongText = ""
    confirms: Id | None = Field(
        None,
        description="The id of one of the request's `complaints` this record confirms, or null "
        "for a complaint the applicant did not mention.",
    )


class ResponseIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "incidents": [
                        {
                            "behaviour_on": "2026-03-02",
                            "reported_on": "2026-03-03",
                            "agency_reference": "HC-2026-000123",
                            "kind": "complaint",
                            "summary": "Noise complaint, officers attended.",
                            "confirms": 42,
                        }
                    ],
                    "actions_taken": "Warning letter to the neighbour on 5 March.",
                    "documents": "Officer's notes of the visit.",
                    "exemption_relied_on": "",
                    "exemption_reason": "",
                }
            ]
        }
    )

    incidents: Annotated[list[ResponseIncidentIn], MaxLen(MAX_RESPONSE_INCIDENTS)] = []
    actions_taken: LongText = ""
    documents: LongText = Field("", description="The documents you hold or are sending, described.")
    exemption_relied_on: ShortText = Field(
        "",
        description="A data-protection or confidence exemption relied on to withhold anything: "
        "one of " + ", ".join(f"`{code}`" for code in ExemptionRelied.values) + ", or your own "
        "words. Give `exemption_reason` with it.",
    )
    exemption_reason: LongText = ""


# --- Actions ----------------------------------------------------------------------------------


class ActionOut(Schema):
    id: int
    case_reference: str
    description: str
    due_on: dt.date
    status: ActionStatusValue
    progress: str
    completed_on: dt.date | None


class ActionUpdateIn(Schema):
    """Only the fields sent change; ``completed_on`` is needed when the status is ``done``, and
    ``progress`` (the reason) when it is ``cancelled``."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"status": "done", "progress": "Equipment fitted.", "completed_on": "2026-03-10"}
            ]
        }
    )

    status: ActionStatusValue | None = None
    progress: LongText | None = None
    completed_on: dt.date | None = None
