"""The threshold-check and working-days contracts: JSON in, JSON out, errors that name the field.

The management commands, the API and the public eligibility check are thin wrappers over these
functions, so each reads input and reports bad input in exactly the same way. Input is checked
completely before anything is evaluated, and every problem found is reported, not only the first.

Field paths look like ``application_date``, ``policy.report_within.days`` or
``complaints[2].reported_date``; ``complaint`` is the id of the complaint concerned, when it has a
usable one. ``code`` is a stable machine name for the kind of problem, for callers that show
errors in another language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from casereview.rules.dates import parse_iso_date
from casereview.rules.policy import (
    MAX_APPLICATION_WINDOW_MONTHS,
    MAX_THRESHOLD,
    STATUTORY_DEFAULTS,
    LocalPolicy,
    PolicyError,
    read_bool,
    read_int,
    report_window_from_dict,
)
from casereview.rules.threshold import (
    Complaint,
    ComplaintKind,
    ThresholdResult,
    evaluate_threshold,
)
from casereview.rules.working_days import NATIONS, CalendarError, DueDate, calendar_for

# Dates the service accepts: wide enough for any real case, narrow enough that month arithmetic
# on them can never run off the end of the calendar.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)

# Far beyond any timescale in a procedure; it keeps one request from walking the calendar for ever.
MAX_WORKING_DAYS = 3650

_GSS_CODE = re.compile(r"[EW]\d{8}")
_TOP_LEVEL_KEYS = ("application_date", "policy", "area", "complaints")
_POLICY_KEYS = (
    "threshold",
    "report_within",
    "application_within_months",
    "diary_sheets_count",
    "same_day_is_same_occasion",
)
_COMPLAINT_KEYS = ("id", "behaviour_date", "reported_date", "agency", "incident", "kind")
_REQUIRED_COMPLAINT_KEYS = ("id", "behaviour_date", "reported_date", "agency")


@dataclass(frozen=True)
class FieldError:
    field: str
    complaint: str | None
    message: str
    code: str = "invalid"

    def to_json(self) -> dict[str, str | None]:
        return {"field": self.field, "complaint": self.complaint, "message": self.message}

    def __str__(self) -> str:
        where = (
            self.field if self.complaint is None else f"{self.field} (complaint {self.complaint})"
        )
        return f"{where}: {self.message}"


class ContractError(ValueError):
    """Bad input; ``errors`` lists every problem found."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors

    def to_json(self) -> dict[str, list[dict[str, str | None]]]:
        return {"errors": [error.to_json() for error in self.errors]}


class AreaLookupFailed(Exception):
    """Raised by a ``policy_for_area`` callable that cannot look areas up at all (no database,
    say), as opposed to not finding the area; reported as an error on ``area``."""


PolicyForArea = Callable[[str], LocalPolicy | None]


@dataclass(frozen=True)
class ThresholdRequest:
    application_date: date
    policy: LocalPolicy
    complaints: tuple[Complaint, ...]
    area: str | None = None


def _date(
    value: object, field: str, complaint: str | None, errors: list[FieldError]
) -> date | None:
    if value is None:
        errors.append(FieldError(field, complaint, "is required", "required"))
        return None
    if not isinstance(value, str):
        errors.append(
            FieldError(field, complaint, "must be a date written YYYY-MM-DD", "invalid_date")
        )
        return None
    try:
        parsed = parse_iso_date(value)
    except ValueError as exc:
        errors.append(FieldError(field, complaint, str(exc), "invalid_date"))
        return None
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        errors.append(
            FieldError(
                field,
                complaint,
                f"must be between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}",
                "out_of_range",
            )
        )
        return None
    return parsed


def _unknown_keys(
    data: Mapping[str, Any], allowed: tuple[str, ...], prefix: str, complaint: str | None
) -> list[FieldError]:
    return [
        FieldError(
            f"{prefix}{key}",
            complaint,
            f"is not part of the contract (expected {', '.join(allowed)})",
            "unknown_field",
        )
        for key in data
        if key not in allowed
    ]


def _parse_policy(value: object, errors: list[FieldError]) -> LocalPolicy | None:
    if not isinstance(value, Mapping):
        errors.append(FieldError("policy", None, "must be an object", "invalid"))
        return None
    found = _unknown_keys(value, _POLICY_KEYS, "policy.", None)
    values: dict[str, Any] = {}
    readers: dict[str, Callable[[object, str], Any]] = {
        "threshold": lambda raw, path: read_int(raw, path, minimum=1, maximum=MAX_THRESHOLD),
        "report_within": report_window_from_dict,
        "application_within_months": lambda raw, path: read_int(
            raw, path, minimum=1, maximum=MAX_APPLICATION_WINDOW_MONTHS
        ),
        "diary_sheets_count": read_bool,
        "same_day_is_same_occasion": read_bool,
    }
    for key, reader in readers.items():
        if key in value:
            try:
                values[key] = reader(value[key], f"policy.{key}")
            except PolicyError as exc:
                found.append(FieldError(exc.field, None, exc.message, "invalid"))
    errors.extend(found)
    return None if found else replace(STATUTORY_DEFAULTS, **values)


def _resolve_area(
    value: object, policy_for_area: PolicyForArea | None, errors: list[FieldError]
) -> tuple[str | None, LocalPolicy | None]:
    if not isinstance(value, str) or not _GSS_CODE.fullmatch(value.strip().upper()):
        errors.append(
            FieldError("area", None, "must be a GSS code such as E07000242", "invalid_area")
        )
        return None, None
    code = value.strip().upper()
    if policy_for_area is None:
        errors.append(
            FieldError("area", None, "areas cannot be looked up here; send a policy", "unavailable")
        )
        return code, None
    try:
        policy = policy_for_area(code)
    except PolicyError as exc:
        errors.append(
            FieldError("area", None, f"the area's stored policy is invalid ({exc})", "bad_policy")
        )
        return code, None
    except AreaLookupFailed as exc:
        errors.append(FieldError("area", None, f"areas cannot be looked up: {exc}", "unavailable"))
        return code, None
    if policy is None:
        errors.append(
            FieldError(
                "area",
                None,
                f"no area with GSS code {code} has a policy on this service",
                "unknown_area",
            )
        )
    return code, policy


def _complaint_id(raw: Mapping[str, Any]) -> str | None:
    value = raw.get("id")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _parse_complaint(
    raw: object, index: int, ids: dict[str, int], errors: list[FieldError]
) -> Complaint | None:
    prefix = f"complaints[{index}]"
    if not isinstance(raw, Mapping):
        errors.append(FieldError(prefix, None, "must be an object", "invalid"))
        return None
    cid = _complaint_id(raw)
    found = _unknown_keys(raw, _COMPLAINT_KEYS, f"{prefix}.", cid)
    for key in _REQUIRED_COMPLAINT_KEYS:
        if key not in raw:
            found.append(FieldError(f"{prefix}.{key}", cid, "is required", "required"))

    if "id" in raw:
        if cid is None:
            found.append(FieldError(f"{prefix}.id", None, "must be a non-empty string", "invalid"))
        elif cid in ids:
            found.append(
                FieldError(
                    f"{prefix}.id",
                    cid,
                    f"is used more than once (also complaints[{ids[cid]}])",
                    "duplicate_id",
                )
            )
        else:
            ids[cid] = index

    behaviour = reported = None
    if "behaviour_date" in raw:
        behaviour = _date(raw["behaviour_date"], f"{prefix}.behaviour_date", cid, found)
    if "reported_date" in raw:
        reported = _date(raw["reported_date"], f"{prefix}.reported_date", cid, found)
    if behaviour and reported and reported < behaviour:
        found.append(
            FieldError(
                f"{prefix}.reported_date",
                cid,
                f"is before the behaviour_date ({behaviour.isoformat()})",
                "reported_before_behaviour",
            )
        )

    agency = raw.get("agency")
    if "agency" in raw and (not isinstance(agency, str) or not agency.strip()):
        found.append(FieldError(f"{prefix}.agency", cid, "must be a non-empty string", "invalid"))

    incident = raw.get("incident")
    if incident is not None and not isinstance(incident, str):
        found.append(FieldError(f"{prefix}.incident", cid, "must be a string or null", "invalid"))

    kind_value = raw.get("kind", ComplaintKind.COMPLAINT.value)
    kind: ComplaintKind | None = None
    try:
        kind = ComplaintKind(kind_value)
    except ValueError:
        choices = " or ".join(f'"{choice.value}"' for choice in ComplaintKind)
        found.append(FieldError(f"{prefix}.kind", cid, f"must be {choices}", "invalid_choice"))

    errors.extend(found)
    if found or cid is None or behaviour is None or reported is None or kind is None:
        return None
    assert isinstance(agency, str)
    return Complaint(
        id=cid,
        behaviour_date=behaviour,
        reported_date=reported,
        agency=agency.strip(),
        incident=incident or "",
        kind=kind,
    )


def parse_threshold_request(
    data: object, *, policy_for_area: PolicyForArea | None = None
) -> ThresholdRequest:
    """A checked threshold request, or ContractError listing every problem with ``data``.

    ``policy_for_area`` turns a GSS code into that area's current policy (None when there is
    none); without it, requests naming an ``area`` are refused.
    """
    if not isinstance(data, Mapping):
        raise ContractError([FieldError("request", None, "must be a JSON object", "invalid")])
    errors: list[FieldError] = _unknown_keys(data, _TOP_LEVEL_KEYS, "", None)

    application_date = _date(data.get("application_date"), "application_date", None, errors)

    policy: LocalPolicy | None = STATUTORY_DEFAULTS
    area: str | None = None
    if "area" in data and "policy" in data:
        errors.append(
            FieldError("area", None, "send either area or policy, not both", "area_and_policy")
        )
    elif "area" in data:
        area, policy = _resolve_area(data["area"], policy_for_area, errors)
    elif "policy" in data:
        policy = _parse_policy(data["policy"], errors)

    complaints: list[Complaint] = []
    raw_complaints = data.get("complaints")
    if raw_complaints is None:
        errors.append(
            FieldError("complaints", None, "is required (a list, maybe empty)", "required")
        )
    elif not isinstance(raw_complaints, list):
        errors.append(FieldError("complaints", None, "must be a list", "invalid"))
    else:
        ids: dict[str, int] = {}
        for index, raw in enumerate(raw_complaints):
            complaint = _parse_complaint(raw, index, ids, errors)
            if complaint is not None:
                complaints.append(complaint)

    if errors:
        raise ContractError(errors)
    assert application_date is not None
    assert policy is not None
    return ThresholdRequest(application_date, policy, tuple(complaints), area)


def result_to_json(result: ThresholdResult) -> dict[str, Any]:
    """The contract's output object."""
    return {
        "threshold_met": result.threshold_met,
        "threshold": result.threshold,
        "qualifying_count": result.qualifying_count,
        "complaints": [
            {
                "id": outcome.id,
                "qualifying": outcome.qualifying,
                "counted": outcome.counted,
                "same_as": outcome.same_as,
                "reasons": [reason.value for reason in outcome.reasons],
            }
            for outcome in result.complaints
        ],
        "warnings": list(result.warnings),
    }


def check_threshold(
    data: object, *, policy_for_area: PolicyForArea | None = None
) -> dict[str, Any]:
    """Parse, evaluate and serialise in one call; raises ContractError on bad input."""
    request = parse_threshold_request(data, policy_for_area=policy_for_area)
    result = evaluate_threshold(request.application_date, request.complaints, request.policy)
    return result_to_json(result)


# --- Working days ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkingDaysRequest:
    start: date
    add: int
    nation: str


def parse_working_days_request(
    start: object,
    add: object,
    nation: object = "england-wales",
    *,
    names: Mapping[str, str] | None = None,
) -> WorkingDaysRequest:
    """Check the three inputs of a working-days question. ``names`` relabels the fields in errors
    (the command says ``--from`` where the API says ``from``)."""
    label = {"from": "from", "add": "add", "nation": "nation", **(names or {})}
    errors: list[FieldError] = []
    start_date = _date(start, label["from"], None, errors)

    count: int | None = None
    if add is None:
        errors.append(FieldError(label["add"], None, "is required", "required"))
    else:
        text = str(add).strip()
        if isinstance(add, bool) or not re.fullmatch(r"\d+", text):
            errors.append(
                FieldError(
                    label["add"], None, "must be a whole number of days, 0 or more", "invalid"
                )
            )
        elif int(text) > MAX_WORKING_DAYS:
            errors.append(
                FieldError(label["add"], None, f"must be at most {MAX_WORKING_DAYS}", "too_large")
            )
        else:
            count = int(text)

    nation_name = "england-wales" if nation is None else str(nation).strip().lower()
    if nation_name not in NATIONS:
        errors.append(
            FieldError(
                label["nation"], None, f"must be one of {', '.join(NATIONS)}", "invalid_choice"
            )
        )

    if start_date is not None and count is not None and nation_name in NATIONS:
        try:
            calendar_for(nation_name).add_working_days(start_date, count)
        except CalendarError as exc:
            errors.append(FieldError(label["from"], None, str(exc), "out_of_range"))
    if errors:
        raise ContractError(errors)
    assert start_date is not None
    assert count is not None
    return WorkingDaysRequest(start_date, count, nation_name)


def due_date_to_json(due: DueDate, nation: str) -> dict[str, Any]:
    return {
        "nation": nation,
        "from": due.start.isoformat(),
        "counted_from": due.counted_from.isoformat(),
        "due": due.due.isoformat(),
        "rule": due.rule,
        "skipped": [{"date": day.date.isoformat(), "reason": day.reason} for day in due.skipped],
        "explanation": due.explain(),
    }


def working_days(
    start: object,
    add: object,
    nation: object = "england-wales",
    *,
    names: Mapping[str, str] | None = None,
) -> tuple[WorkingDaysRequest, DueDate]:
    """Parse and compute a working-days question; raises ContractError on bad input."""
    request = parse_working_days_request(start, add, nation, names=names)
    due = calendar_for(request.nation).add_working_days(request.start, request.add)
    return request, due


__all__ = [
    "MAX_WORKING_DAYS",
    "AreaLookupFailed",
    "ContractError",
    "FieldError",
    "ThresholdRequest",
    "WorkingDaysRequest",
    "check_threshold",
    "due_date_to_json",
    "parse_threshold_request",
    "parse_working_days_request",
    "result_to_json",
    "working_days",
]
