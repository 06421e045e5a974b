"""What the public area page shows, worked out from an area and its current local policy.

Templates only lay these lines out; every sentence is decided (and translated) here, so the
wording can be tested without rendering HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.areas.models import Agency, AgencyKind, Area
from casereview.areas.selectors import region_slug
from casereview.rules.policy import (
    STATUTORY_DEFAULTS,
    AppealReviewer,
    AppealReviewerKind,
    LocalPolicy,
    Routes,
)

# The number the public can ring for any police force in England and Wales (non-emergency).
POLICE_NON_EMERGENCY = "101"
# Relevant bodies are listed council first, then police, then the bodies an administrator adds.
_KIND_ORDER = [
    AgencyKind.COUNCIL,
    AgencyKind.COUNTY_COUNCIL,
    AgencyKind.POLICE,
    AgencyKind.HEALTH,
    AgencyKind.HOUSING,
    AgencyKind.POLICE_AND_CRIME_COMMISSIONER,
    AgencyKind.FIRE,
    AgencyKind.OTHER,
]


@dataclass(frozen=True)
class Row:
    """One line of a summary list or table: what, and its value."""

    key: str
    value: str


@dataclass(frozen=True)
class Channel:
    """One way to apply. ``href`` is set only when there is somewhere real to link to."""

    kind: str
    title: str
    text: str = ""
    href: str = ""
    link_text: str = ""
    lines: tuple[str, ...] = ()


def working_days(n: int) -> str:
    return ngettext("%(n)s working day", "%(n)s working days", n) % {"n": n}


def calendar_days(n: int) -> str:
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}


def months(n: int) -> str:
    return ngettext("%(n)s month", "%(n)s months", n) % {"n": n}


def _report_window(policy: LocalPolicy) -> str:
    window = policy.report_within
    if window.days is not None:
        return _("Within %(period)s of the behaviour") % {"period": calendar_days(window.days)}
    count = window.months or 1
    if count == 1:
        return _("Within one month of the behaviour")
    return _("Within %(period)s of the behaviour") % {"period": months(count)}


def _route_lines(routes: Routes) -> list[str]:
    """The other ways into a review besides the complaint threshold, in plain words."""
    lines = []
    if routes.senior_manager_vulnerable_victim:
        lines.append(
            _(
                "A senior manager can start a review to protect a vulnerable victim, even if the "
                "threshold is not met."
            )
        )
    if routes.partner_initiated:
        lines.append(_("A partner agency can start a review on a victim's behalf."))
    # Local routes are described in the area's own words (as its administrator wrote them).
    lines.extend(route.description for route in routes.extra)
    return lines


def _appeal_reviewer(reviewer: AppealReviewer) -> str:
    who = {
        AppealReviewerKind.PEER_AUTHORITY: _("A neighbouring council or partnership"),
        AppealReviewerKind.SENIOR_MANAGER: _("A senior manager who was not involved in the case"),
        AppealReviewerKind.INDEPENDENT_CHAIR: _("An independent chair"),
        AppealReviewerKind.PCC_OFFICE: _("The office of the police and crime commissioner"),
    }[reviewer.kind]
    if reviewer.independent_peer:
        return _("%(who)s, with someone independent from another area") % {"who": who}
    return who


class PolicyPresenter:
    """A local policy as the lines of the public area page."""

    def __init__(self, policy: LocalPolicy) -> None:
        self.policy = policy

    def threshold(self) -> str:
        n = self.policy.threshold
        return ngettext("%(n)s qualifying complaint", "%(n)s qualifying complaints", n) % {"n": n}

    def summary(self) -> list[Row]:
        policy = self.policy
        rows = [
            Row(_("Threshold"), self.threshold()),
            Row(_("Each complaint must be reported"), _report_window(policy)),
            Row(
                _("Apply within"),
                _("%(period)s of the complaints")
                % {"period": months(policy.application_within_months)},
            ),
            Row(
                _("Do diary sheets count as complaints?"),
                _("Yes") if policy.diary_sheets_count else _("No"),
            ),
        ]
        rows.append(
            Row(
                _("One incident reported to several agencies"),
                _("Counts as one complaint"),
            )
        )
        if policy.same_day_is_same_occasion:
            rows.append(Row(_("Several reports made on the same day"), _("Count as one complaint")))
        rows.append(Row(_("Appeals are heard by"), _appeal_reviewer(policy.appeal_reviewer)))
        return rows

    def summary_list(self) -> dict[str, Any]:
        """Parameters for the govukSummaryList macro."""
        return {"rows": summary_list_rows(self.summary())}

    def timescales_table(self) -> dict[str, Any]:
        """Parameters for the govukTable macro."""
        return {
            "caption": _("How long each step takes"),
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": [{"text": _("Step")}, {"text": _("When")}],
            "rows": [[{"text": row.key}, {"text": row.value}] for row in self.timescales()],
        }

    def routes(self) -> list[str]:
        return _route_lines(self.policy.routes)

    def conditions(self) -> list[str]:
        """Local conditions on which complaints count, in the area's own words."""
        return [caveat.description for caveat in self.policy.caveats]

    def timescales(self) -> list[Row]:
        t = self.policy.timescales
        steps: list[tuple[str, str, str, int]] = [
            ("acknowledge_working_days", _("Acknowledge your application"),
             _("within %(period)s of receiving it"), 0),
            ("information_working_days", _("Agencies share what they know about the case"),
             _("within %(period)s of being asked"), 0),
            ("decision_working_days", _("Tell you whether the threshold is met"),
             _("within %(period)s of receiving your application"), 0),
            ("review_request_days", _("Ask for the decision to be looked at again if the threshold is not met"),
             _("within %(period)s of the decision"), 1),
            ("victim_contact_working_days", _("Contact you to talk about the review"),
             _("within %(period)s of telling you the threshold is met"), 0),
            ("outcome_working_days", _("Tell you the outcome of the review"),
             _("within %(period)s of the review meeting"), 0),
            ("victim_comment_working_days", _("Comment on the draft action plan"),
             _("within %(period)s of receiving it"), 0),
            ("minutes_working_days", _("Send the minutes and action plan to the panel"),
             _("within %(period)s of the review meeting"), 0),
            ("appeal_hearing_working_days", _("Hear an appeal"),
             _("within %(period)s of receiving it"), 0),
            ("appeal_outcome_working_days", _("Tell you the result of an appeal"),
             _("within %(period)s of the appeal hearing"), 0),
        ]  # fmt: skip
        rows = []
        for name, step, due, is_calendar in steps:
            value = getattr(t, name, None)
            if value is None:
                continue
            period = calendar_days(value) if is_calendar else working_days(value)
            rows.append(Row(step, due % {"period": period}))
        return rows


def statutory_lines() -> list[str]:
    """What the law says, for areas whose own policy is not on this service. Careful wording:
    the law sets a ceiling on the threshold, and an area may set a lower one."""
    law = STATUTORY_DEFAULTS
    return [
        _(
            "The law says the threshold can be no higher than %(n)s qualifying complaints. "
            "Each council sets its own threshold, which may be lower."
        )
        % {"n": law.threshold},
        _(
            "A complaint usually counts if it was made within one month of the behaviour, "
            "and you apply within %(period)s of the complaint."
        )
        % {"period": months(law.application_within_months)},
        _("You can apply for yourself, or for someone else with their permission."),
    ]


class AreaPagePresenter:
    """Everything the public page of one area shows."""

    def __init__(
        self,
        area: Area,
        *,
        policy: LocalPolicy | None,
        policy_version: int | None = None,
        relevant_bodies: Iterable[Agency] = (),
        apply_url: str | None = None,
    ) -> None:
        self.area = area
        self.policy = policy if area.on_service else None
        self.policy_version = policy_version if self.policy else None
        self._relevant_bodies = list(relevant_bodies)
        self.apply_url = apply_url

    @property
    def on_service(self) -> bool:
        """The area runs its review here only when it is switched on and has a policy."""
        return self.area.on_service and self.policy is not None

    @property
    def region_slug(self) -> str:
        return region_slug(self.area.region)

    @property
    def policy_lines(self) -> PolicyPresenter | None:
        return PolicyPresenter(self.policy) if self.policy else None

    def relevant_bodies(self) -> list[str]:
        order: dict[str, int] = {kind: index for index, kind in enumerate(_KIND_ORDER)}
        bodies = sorted(self._relevant_bodies, key=lambda a: (order.get(a.kind, 99), a.name))
        return [agency.name for agency in bodies]

    def statutory_lines(self) -> list[str]:
        return statutory_lines()

    def channels(self) -> list[Channel]:
        """How to apply, one entry per channel the area offers, ending with the fallbacks."""
        area = self.area
        channels = []
        if self.on_service:
            if self.apply_url:
                channels.append(
                    Channel("online", _("Online"), href=self.apply_url, link_text=_("Apply online"))
                )
            else:
                channels.append(
                    Channel("online", _("Online"), text=_("Apply online (coming soon)"))
                )
        if area.contact_email:
            channels.append(
                Channel(
                    "email",
                    _("By email"),
                    href=f"mailto:{area.contact_email}",
                    link_text=area.contact_email,
                )
            )
        if area.contact_phone:
            channels.append(Channel("phone", _("By phone"), text=area.contact_phone))
        address = _lines(area.contact_address)
        if address:
            channels.append(Channel("letter", _("By letter"), lines=address))
        if self.on_service:
            channels.append(
                Channel(
                    "partner",
                    _("In person or through another agency"),
                    text=_(
                        "You can ask the council, the police, your housing provider or a support "
                        "worker to apply for you, or ask any of them for help to apply."
                    ),
                )
            )
        return channels

    def fallback(self) -> str:
        """The plain fallback every page ends with: the council, or the police on 101."""
        return _(
            "If you are not sure how to apply, contact %(council)s, or call %(police)s on "
            "%(number)s. In an emergency, call 999."
        ) % {
            "council": self.area.official_name,
            "police": self.area.police_force.name,
            "number": POLICE_NON_EMERGENCY,
        }


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def summary_list_rows(rows: Sequence[Row]) -> list[dict[str, dict[str, str]]]:
    """Rows in the shape the GOV.UK summary list and table macros take (text only, escaped)."""
    return [{"key": {"text": row.key}, "value": {"text": row.value}} for row in rows]
