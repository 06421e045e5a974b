"""A local Case Review policy as data, the statutory defaults, and the reference procedure.

Every number an area may choose (threshold, windows, timescales) lives in ``LocalPolicy``; an
``AreaPolicy`` row stores one as JSON through ``policy_to_dict`` / ``policy_from_dict``. A policy
may be stricter than the law allows (a threshold of 5, say): it is stored as written, so that it can
be shown and challenged, and ``casereview.rules.policy_check`` lists each such point while the
evaluation applies the statutory limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from casereview.rules.dates import add_months
from casereview.rules.working_days import NATIONS

# The law's numbers (s.104(4) and s.104(11)).
STATUTORY_MAX_THRESHOLD = 3
STATUTORY_REPORT_WINDOW_MONTHS = 1
STATUTORY_APPLICATION_WINDOW_MONTHS = 6

# Upper limits on what a policy may say: far beyond any real procedure, and low enough that date
# arithmetic on them always stays inside the calendar.
MAX_THRESHOLD = 100
MAX_REPORT_WINDOW_MONTHS = 12
MAX_REPORT_WINDOW_DAYS = 366
MAX_APPLICATION_WINDOW_MONTHS = 120
MAX_TIMESCALE_DAYS = 3650
# The reference procedure's panel has at least three relevant bodies; an area may ask for more.
DEFAULT_PANEL_MINIMUM = 3
MAX_PANEL_MINIMUM = 20
# How long a closed case keeps its personal data before it is anonymised: six years after
# closure by default (the limitation period for claims, Limitation Act 1980 s.2 and s.5). Never
# under a year, so that every case is still whole for the annual publication of the figures
# and for an appeal or complaint about it; at most twenty years.
DEFAULT_RETENTION_MONTHS = 72
MIN_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 240


class PolicyError(ValueError):
    """Bad policy data; ``field`` names the offending key as a dotted path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _check_int(value: object, path: str, minimum: int, maximum: int) -> int:
    """``value`` if it is a whole number from minimum to maximum; PolicyError otherwise."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise PolicyError(path, "must be a whole number")
    if value < minimum:
        raise PolicyError(path, f"must be at least {minimum}")
    if value > maximum:
        raise PolicyError(path, f"must be at most {maximum}")
    return value


@dataclass(frozen=True)
class ReportWindow:
    """How soon after the behaviour a complaint must be made: ``months`` OR ``days``.

    ``ReportWindow(months=1)`` is the law's "within one month"; ``ReportWindow(days=30)`` is a local
    reading such as the reference procedure's "within 30 days".
    """

    months: int | None = None
    days: int | None = None

    def __post_init__(self) -> None:
        if (self.months is None) == (self.days is None):
            raise PolicyError("report_within", "give either months or days, not both or neither")
        if self.months is not None:
            _check_int(self.months, "report_within.months", 1, MAX_REPORT_WINDOW_MONTHS)
        else:
            _check_int(self.days, "report_within.days", 1, MAX_REPORT_WINDOW_DAYS)

    def last_day(self, behaviour_date: date) -> date:
        """The last day (inclusive) on which a complaint about ``behaviour_date`` is in time."""
        if self.months is not None:
            return add_months(behaviour_date, self.months)
        return date.fromordinal(behaviour_date.toordinal() + (self.days or 0))

    def describe(self) -> str:
        if self.months is not None:
            return "1 month" if self.months == 1 else f"{self.months} months"
        return "1 day" if self.days == 1 else f"{self.days} days"


@dataclass(frozen=True)
class LocalRoute:
    """A local route to a review other than the threshold (for example 'one hate incident')."""

    code: str
    description: str


@dataclass(frozen=True)
class Routes:
    """Routes to a review besides the threshold; any one of them is enough (s.104(5))."""

    # A senior manager may decide a review is needed to safeguard a vulnerable victim.
    senior_manager_vulnerable_victim: bool = False
    # A relevant body may itself start a review (a partner-initiated trigger).
    partner_initiated: bool = False
    extra: tuple[LocalRoute, ...] = ()


class Exclusion(StrEnum):
    """Applications the procedure signposts elsewhere rather than reviews."""

    ANONYMOUS_APPLICANT = "anonymous_applicant"
    CPS_DECISION = "cps_decision"
    COURT_DECISION = "court_decision"
    SERVICE_COMPLAINT_ONLY = "service_complaint_only"
    OFFICER_CONDUCT = "officer_conduct"


@dataclass(frozen=True)
class Caveat:
    """A local condition on which complaints count that the law does not impose, such as
    'the case must be closed' or 'three separate households'. The policy check flags each one."""

    code: str
    description: str


@dataclass(frozen=True)
class Timescales:
    """Every timescale of the process (DESIGN.md section 2); defaults from the reference procedure."""

    acknowledge_working_days: int = 3
    information_working_days: int = 5
    decision_working_days: int = 14
    # The appeal window: days after a "not met" decision to ask for it to be reviewed.
    review_request_days: int = 28
    victim_contact_working_days: int = 7
    outcome_working_days: int = 5
    minutes_working_days: int = 5
    appeal_hearing_working_days: int = 15
    appeal_outcome_working_days: int = 5
    # How long the victim has to comment on the draft action plan before it can be made final.
    victim_comment_working_days: int = 10

    def __post_init__(self) -> None:
        for item in fields(self):
            _check_int(getattr(self, item.name), f"timescales.{item.name}", 0, MAX_TIMESCALE_DAYS)


class AppealReviewerKind(StrEnum):
    PEER_AUTHORITY = "peer_authority"
    SENIOR_MANAGER = "senior_manager"
    INDEPENDENT_CHAIR = "independent_chair"
    PCC_OFFICE = "pcc_office"


@dataclass(frozen=True)
class AppealReviewer:
    """Who hears appeals; ``independent_peer`` when someone from another partnership sits in."""

    kind: AppealReviewerKind = AppealReviewerKind.PEER_AUTHORITY
    independent_peer: bool = False


@dataclass(frozen=True)
class LocalPolicy:
    """One area's rules for the Case Review. Defaults are the statutory position."""

    threshold: int = STATUTORY_MAX_THRESHOLD
    report_within: ReportWindow = ReportWindow(months=STATUTORY_REPORT_WINDOW_MONTHS)
    application_within_months: int = STATUTORY_APPLICATION_WINDOW_MONTHS
    diary_sheets_count: bool = True
    # Complaints about behaviour on the same day are one occasion unless an incident key says
    # otherwise; see casereview.rules.threshold for the grouping.
    same_day_is_same_occasion: bool = True
    routes: Routes = Routes()
    exclusions: tuple[Exclusion, ...] = ()
    caveats: tuple[Caveat, ...] = ()
    timescales: Timescales = Timescales()
    appeal_reviewer: AppealReviewer = AppealReviewer()
    # The fewest relevant bodies a review meeting's panel may have.
    panel_minimum_relevant_bodies: int = DEFAULT_PANEL_MINIMUM
    # Months after a case closes before its personal data is anonymised (casereview.privacy).
    retention_months: int = DEFAULT_RETENTION_MONTHS
    nation: str = "england-wales"

    def __post_init__(self) -> None:
        _check_int(self.threshold, "threshold", 1, MAX_THRESHOLD)
        _check_int(
            self.panel_minimum_relevant_bodies,
            "panel_minimum_relevant_bodies",
            1,
            MAX_PANEL_MINIMUM,
        )
        _check_int(
            self.application_within_months,
            "application_within_months",
            1,
            MAX_APPLICATION_WINDOW_MONTHS,
        )
        _check_int(
            self.retention_months, "retention_months", MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS
        )
        if self.nation not in NATIONS:
            raise PolicyError("nation", f"must be one of {', '.join(NATIONS)}")

    @property
    def applied_threshold(self) -> int:
        """The number evaluation uses: the local number, capped by the law at three."""
        return min(self.threshold, STATUTORY_MAX_THRESHOLD)

    def application_deadline(self, reported_date: date) -> date:
        """The last day (inclusive) on which an application can rely on a complaint."""
        return add_months(reported_date, self.application_within_months)


STATUTORY_DEFAULTS = LocalPolicy()

# East Hertfordshire's Community Trigger policy (shared/seeds/004): three separate incidents
# reported within 30 days, application within six months, diary sheets not counted, a senior
# manager's route for vulnerable victims, the timescales in working days from its section 11-13,
# and appeals to a senior manager with an independent representative of another partnership.
REFERENCE_PROCEDURE = LocalPolicy(
    threshold=3,
    report_within=ReportWindow(days=30),
    application_within_months=6,
    diary_sheets_count=False,
    same_day_is_same_occasion=True,
    routes=Routes(senior_manager_vulnerable_victim=True),
    exclusions=tuple(Exclusion),
    timescales=Timescales(),
    appeal_reviewer=AppealReviewer(kind=AppealReviewerKind.SENIOR_MANAGER, independent_peer=True),
    nation="england",
)


# --- Serialisation ---------------------------------------------------------------------------


def report_window_to_dict(window: ReportWindow) -> dict[str, int]:
    if window.months is not None:
        return {"months": window.months}
    return {"days": window.days or 0}


def policy_to_dict(policy: LocalPolicy) -> dict[str, Any]:
    """A JSON-safe dict that ``policy_from_dict`` turns back into an equal policy."""
    return {
        "threshold": policy.threshold,
        "report_within": report_window_to_dict(policy.report_within),
        "application_within_months": policy.application_within_months,
        "diary_sheets_count": policy.diary_sheets_count,
        "same_day_is_same_occasion": policy.same_day_is_same_occasion,
        "routes": {
            "senior_manager_vulnerable_victim": policy.routes.senior_manager_vulnerable_victim,
            "partner_initiated": policy.routes.partner_initiated,
            "extra": [
                {"code": route.code, "description": route.description}
                for route in policy.routes.extra
            ],
        },
        "exclusions": [str(exclusion) for exclusion in policy.exclusions],
        "caveats": [
            {"code": caveat.code, "description": caveat.description} for caveat in policy.caveats
        ],
        "timescales": {
            item.name: getattr(policy.timescales, item.name) for item in fields(Timescales)
        },
        "appeal_reviewer": {
            "kind": str(policy.appeal_reviewer.kind),
            "independent_peer": policy.appeal_reviewer.independent_peer,
        },
        "panel_minimum_relevant_bodies": policy.panel_minimum_relevant_bodies,
        "retention_months": policy.retention_months,
        "nation": policy.nation,
    }


def _mapping(value: object, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise PolicyError(path, "must be an object")
    return value


def _reject_unknown(data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise PolicyError(f"{prefix}{key}", "is not a policy setting")


def read_int(value: object, path: str, *, minimum: int, maximum: int) -> int:
    return _check_int(value, path, minimum, maximum)


def read_bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise PolicyError(path, "must be true or false")
    return value


def _read_str(value: object, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(path, "must be a non-empty string")
    return value.strip()


def report_window_from_dict(value: object, path: str = "report_within") -> ReportWindow:
    """``{"months": 1}`` or ``{"days": 30}``."""
    data = _mapping(value, path)
    keys = set(data)
    if keys == {"months"}:
        return ReportWindow(
            months=read_int(
                data["months"], f"{path}.months", minimum=1, maximum=MAX_REPORT_WINDOW_MONTHS
            )
        )
    if keys == {"days"}:
        return ReportWindow(
            days=read_int(data["days"], f"{path}.days", minimum=1, maximum=MAX_REPORT_WINDOW_DAYS)
        )
    raise PolicyError(path, 'must be {"months": N} or {"days": N}')


def _pairs(value: object, path: str) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        raise PolicyError(path, "must be a list")
    pairs = []
    for index, item in enumerate(value):
        entry = _mapping(item, f"{path}[{index}]")
        _reject_unknown(entry, {"code", "description"}, f"{path}[{index}].")
        pairs.append(
            (
                _read_str(entry.get("code"), f"{path}[{index}].code"),
                _read_str(entry.get("description"), f"{path}[{index}].description"),
            )
        )
    return pairs


def _routes_from_dict(value: object) -> Routes:
    data = _mapping(value, "routes")
    _reject_unknown(
        data, {"senior_manager_vulnerable_victim", "partner_initiated", "extra"}, "routes."
    )
    defaults = Routes()
    return Routes(
        senior_manager_vulnerable_victim=read_bool(
            data.get("senior_manager_vulnerable_victim", defaults.senior_manager_vulnerable_victim),
            "routes.senior_manager_vulnerable_victim",
        ),
        partner_initiated=read_bool(
            data.get("partner_initiated", defaults.partner_initiated), "routes.partner_initiated"
        ),
        extra=tuple(
            LocalRoute(code, description)
            for code, description in _pairs(data.get("extra", []), "routes.extra")
        ),
    )


def _exclusions_from_list(value: object) -> tuple[Exclusion, ...]:
    if not isinstance(value, list):
        raise PolicyError("exclusions", "must be a list")
    found = []
    for index, item in enumerate(value):
        try:
            found.append(Exclusion(item))
        except ValueError:
            choices = ", ".join(exclusion.value for exclusion in Exclusion)
            raise PolicyError(f"exclusions[{index}]", f"must be one of {choices}") from None
    return tuple(found)


def _timescales_from_dict(value: object) -> Timescales:
    data = _mapping(value, "timescales")
    names = {item.name for item in fields(Timescales)}
    _reject_unknown(data, names, "timescales.")
    return replace(
        Timescales(),
        **{
            name: read_int(amount, f"timescales.{name}", minimum=0, maximum=MAX_TIMESCALE_DAYS)
            for name, amount in data.items()
        },
    )


def _appeal_reviewer_from_dict(value: object) -> AppealReviewer:
    data = _mapping(value, "appeal_reviewer")
    _reject_unknown(data, {"kind", "independent_peer"}, "appeal_reviewer.")
    defaults = AppealReviewer()
    try:
        kind = AppealReviewerKind(data.get("kind", defaults.kind))
    except ValueError:
        choices = ", ".join(kind.value for kind in AppealReviewerKind)
        raise PolicyError("appeal_reviewer.kind", f"must be one of {choices}") from None
    return AppealReviewer(
        kind=kind,
        independent_peer=read_bool(
            data.get("independent_peer", defaults.independent_peer),
            "appeal_reviewer.independent_peer",
        ),
    )


_TOP_LEVEL = {item.name for item in fields(LocalPolicy)}


def policy_from_dict(data: object) -> LocalPolicy:
    """The policy a ``policy_to_dict`` dict describes. Missing keys take the statutory default;
    unknown keys and bad values raise ``PolicyError`` naming the field."""
    source = _mapping(data, "policy")
    _reject_unknown(source, _TOP_LEVEL, "")
    values: dict[str, Any] = {}
    if "threshold" in source:
        values["threshold"] = read_int(
            source["threshold"], "threshold", minimum=1, maximum=MAX_THRESHOLD
        )
    if "report_within" in source:
        values["report_within"] = report_window_from_dict(source["report_within"])
    if "application_within_months" in source:
        values["application_within_months"] = read_int(
            source["application_within_months"],
            "application_within_months",
            minimum=1,
            maximum=MAX_APPLICATION_WINDOW_MONTHS,
        )
    for flag in ("diary_sheets_count", "same_day_is_same_occasion"):
        if flag in source:
            values[flag] = read_bool(source[flag], flag)
    if "routes" in source:
        values["routes"] = _routes_from_dict(source["routes"])
    if "exclusions" in source:
        values["exclusions"] = _exclusions_from_list(source["exclusions"])
    if "caveats" in source:
        values["caveats"] = tuple(
            Caveat(code, description) for code, description in _pairs(source["caveats"], "caveats")
        )
    if "timescales" in source:
        values["timescales"] = _timescales_from_dict(source["timescales"])
    if "appeal_reviewer" in source:
        values["appeal_reviewer"] = _appeal_reviewer_from_dict(source["appeal_reviewer"])
    if "panel_minimum_relevant_bodies" in source:
        values["panel_minimum_relevant_bodies"] = read_int(
            source["panel_minimum_relevant_bodies"],
            "panel_minimum_relevant_bodies",
            minimum=1,
            maximum=MAX_PANEL_MINIMUM,
        )
    # Policies stored before retention was a setting take the default.
    if "retention_months" in source:
        values["retention_months"] = read_int(
            source["retention_months"],
            "retention_months",
            minimum=MIN_RETENTION_MONTHS,
            maximum=MAX_RETENTION_MONTHS,
        )
    if "nation" in source:
        nation = source["nation"]
        if nation not in NATIONS:
            raise PolicyError("nation", f"must be one of {', '.join(NATIONS)}")
        values["nation"] = nation
    return replace(STATUTORY_DEFAULTS, **values)
