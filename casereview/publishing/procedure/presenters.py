"""A policy as rows of settings, for the administrator's pages: every setting of a version, and
what a proposed version changes from the current one.

Each row has a stable key, so that two versions can be compared setting by setting, and a value
in words, so that the administrator reads "30 days" and not ``{"days": 30}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from casereview.areas.presenters import calendar_days, months, working_days
from casereview.rules.policy import AppealReviewerKind, Exclusion, LocalPolicy


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def exclusion_label(exclusion: Exclusion) -> str:
    return {
        Exclusion.ANONYMOUS_APPLICANT: _("An applicant who will not give their name"),
        Exclusion.CPS_DECISION: _("A review of a Crown Prosecution Service decision"),
        Exclusion.COURT_DECISION: _("A review of a court's decision"),
        Exclusion.SERVICE_COMPLAINT_ONLY: _("A complaint only about the service received"),
        Exclusion.OFFICER_CONDUCT: _("A complaint about one officer's or worker's conduct"),
    }[exclusion]


def appeal_reviewer_label(kind: AppealReviewerKind) -> str:
    return {
        AppealReviewerKind.PEER_AUTHORITY: _("A neighbouring council or partnership"),
        AppealReviewerKind.SENIOR_MANAGER: _("A senior manager who was not involved in the case"),
        AppealReviewerKind.INDEPENDENT_CHAIR: _("An independent chair"),
        AppealReviewerKind.PCC_OFFICE: _("The office of the police and crime commissioner"),
    }[kind]


def timescale_labels() -> dict[str, str]:
    """The ten timescales of a policy, by their field name, in the order of the process."""
    return {
        "acknowledge_working_days": _("Acknowledge an application"),
        "information_working_days": _("Partners supply information"),
        "decision_working_days": _("Threshold decision"),
        "review_request_days": _("Ask for a “not met” decision to be looked at again"),
        "victim_contact_working_days": _("Contact the victim after the threshold is met"),
        "outcome_working_days": _("Outcome to the victim after the meeting"),
        "minutes_working_days": _("Minutes and action plan to the panel"),
        "victim_comment_working_days": _("Victim comments on the draft action plan"),
        "appeal_hearing_working_days": _("Hear an appeal"),
        "appeal_outcome_working_days": _("Appeal outcome to the victim after the hearing"),
    }


# Timescales counted in calendar days; every other one is in working days.
CALENDAR_DAY_TIMESCALES = frozenset({"review_request_days"})


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _listed(items: list[str]) -> str:
    return "; ".join(items) if items else _("None")


def settings_of(policy: LocalPolicy) -> list[Setting]:
    """Every setting of ``policy``, in the order of the policy editor."""
    window = policy.report_within
    report = calendar_days(window.days) if window.days is not None else months(window.months or 1)
    rows = [
        Setting("threshold", _("Threshold (qualifying complaints)"), str(policy.threshold)),
        Setting("report_within", _("Complaints must be made within"), report),
        Setting(
            "application_within_months",
            _("Applications must be made within"),
            months(policy.application_within_months),
        ),
        Setting(
            "diary_sheets_count",
            _("Diary sheets count as complaints"),
            _yes_no(policy.diary_sheets_count),
        ),
        Setting(
            "same_day_is_same_occasion",
            _("Complaints about the same day count once"),
            _yes_no(policy.same_day_is_same_occasion),
        ),
        Setting(
            "routes.senior_manager_vulnerable_victim",
            _("A senior manager may start a review for a vulnerable victim"),
            _yes_no(policy.routes.senior_manager_vulnerable_victim),
        ),
        Setting(
            "routes.partner_initiated",
            _("A partner agency may start a review"),
            _yes_no(policy.routes.partner_initiated),
        ),
        Setting(
            "routes.extra",
            _("Other local routes to a review"),
            _listed([f"{route.code}: {route.description}" for route in policy.routes.extra]),
        ),
        Setting(
            "exclusions",
            _("Applications signposted elsewhere"),
            _listed([exclusion_label(exclusion) for exclusion in policy.exclusions]),
        ),
        Setting(
            "caveats",
            _("Local conditions on complaints"),
            _listed([f"{caveat.code}: {caveat.description}" for caveat in policy.caveats]),
        ),
    ]
    for name, label in timescale_labels().items():
        amount = getattr(policy.timescales, name)
        value = calendar_days(amount) if name in CALENDAR_DAY_TIMESCALES else working_days(amount)
        rows.append(Setting(f"timescales.{name}", label, value))
    reviewer = policy.appeal_reviewer
    rows += [
        Setting(
            "appeal_reviewer.kind", _("Appeals are heard by"), appeal_reviewer_label(reviewer.kind)
        ),
        Setting(
            "appeal_reviewer.independent_peer",
            _("With someone independent from another partnership"),
            _yes_no(reviewer.independent_peer),
        ),
        Setting(
            "panel_minimum_relevant_bodies",
            _("Fewest relevant bodies on a review panel"),
            str(policy.panel_minimum_relevant_bodies),
        ),
        Setting("nation", _("Bank holidays of"), _nation(policy.nation)),
        Setting(
            "retention_months",
            _("Personal data is kept after a case closes for"),
            months(policy.retention_months),
        ),
    ]
    return rows


def _nation(nation: str) -> str:
    return {"england": _("England"), "wales": _("Wales")}.get(nation, _("England and Wales"))


def changes_between(current: LocalPolicy | None, proposed: LocalPolicy) -> list[Change]:
    """Each setting whose value differs between ``current`` and ``proposed`` (every setting when
    there is no current version)."""
    before = {row.key: row.value for row in settings_of(current)} if current else {}
    return [
        Change(row.label, before.get(row.key, ""), row.value)
        for row in settings_of(proposed)
        if before.get(row.key) != row.value
    ]


def summary_rows(settings: list[Setting]) -> list[dict[str, dict[str, str]]]:
    """Rows for the govukSummaryList macro (text only, escaped by the macro)."""
    return [{"key": {"text": row.label}, "value": {"text": row.value}} for row in settings]
