"""The rules of the ASB Case Review as pure Python: working days, local policy, qualifying
complaints and the threshold, and the statutory policy check.

Nothing here imports Django, so every rule can be tested and benchmarked on its own and used by
the commands, the API and the public pages alike.
"""

from casereview.rules.contract import (
    AreaLookupFailed,
    ContractError,
    FieldError,
    ThresholdRequest,
    check_threshold,
    parse_threshold_request,
    result_to_json,
)
from casereview.rules.dates import add_months, long_date, parse_iso_date
from casereview.rules.policy import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    STATUTORY_MAX_THRESHOLD,
    AppealReviewer,
    AppealReviewerKind,
    Caveat,
    Exclusion,
    LocalPolicy,
    LocalRoute,
    PolicyError,
    ReportWindow,
    Routes,
    Timescales,
    policy_from_dict,
    policy_to_dict,
)
from casereview.rules.policy_check import PolicyFinding, check_policy
from casereview.rules.threshold import (
    Complaint,
    ComplaintKind,
    ComplaintOutcome,
    Reason,
    ThresholdResult,
    evaluate_threshold,
)
from casereview.rules.working_days import (
    NATIONS,
    CalendarError,
    DueDate,
    SkippedDay,
    WorkingCalendar,
    calendar_for,
)

__all__ = [
    "NATIONS",
    "REFERENCE_PROCEDURE",
    "STATUTORY_DEFAULTS",
    "STATUTORY_MAX_THRESHOLD",
    "AppealReviewer",
    "AppealReviewerKind",
    "AreaLookupFailed",
    "CalendarError",
    "Caveat",
    "Complaint",
    "ComplaintKind",
    "ComplaintOutcome",
    "ContractError",
    "DueDate",
    "Exclusion",
    "FieldError",
    "LocalPolicy",
    "LocalRoute",
    "PolicyError",
    "PolicyFinding",
    "Reason",
    "ReportWindow",
    "Routes",
    "SkippedDay",
    "ThresholdRequest",
    "ThresholdResult",
    "Timescales",
    "WorkingCalendar",
    "add_months",
    "calendar_for",
    "check_policy",
    "check_threshold",
    "evaluate_threshold",
    "long_date",
    "parse_iso_date",
    "parse_threshold_request",
    "policy_from_dict",
    "policy_to_dict",
    "result_to_json",
]
