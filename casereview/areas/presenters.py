"""What the public area page shows, worked out from an area and its current local policy.

Templates only lay these lines out; every sentence is decided (and translated) here, so the
wording can be tested without rendering HTML.
"""

from __future__ import annotations

import datetime as dt
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
    Exclusion,
    LocalPolicy,
    Routes,
)

# The number the public can ring for any police force in England and Wales (non-emergency).
POLICE_NON_EMERGENCY = "101"
EMERGENCY = "999"
# Crimestoppers takes reports from people who do not want to give their name.
CRIMESTOPPERS = "0800 555 111"

# Where people are sent for what the review does not cover. Home pages only: deeper addresses
# move, and each site's own search finds the current page.
CITIZENS_ADVICE_URL = "https://www.citizensadvice.org.uk/"
CPS_URL = "https://www.cps.gov.uk/"
IOPC_URL = "https://www.policeconduct.gov.uk/"
LGSCO_URL = "https://www.lgo.org.uk/"
PSOW_URL = "https://www.ombudsman.wales/"
HOUSING_OMBUDSMAN_URL = "https://www.housing-ombudsman.org.uk/"
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


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Step:
    """One numbered step of what happens after someone applies."""

    title: str
    text: str


@dataclass(frozen=True)
class Signpost:
    """Something the review does not deal with, and where to go instead."""

    what: str
    where: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Ombudsman:
    name: str
    href: str
    covers: str


def ombudsman_for(nation: str) -> Ombudsman:
    """The public-services ombudsman of the area's nation, for complaints about a council."""
    if nation == "wales":
        return Ombudsman(
            _("Public Services Ombudsman for Wales"),
            PSOW_URL,
            _(
                "It looks at complaints about councils, health boards and housing associations in Wales."
            ),
        )
    return Ombudsman(
        _("Local Government and Social Care Ombudsman"),
        LGSCO_URL,
        _("It looks at complaints about councils in England."),
    )


def nation_bank_holidays(nation: str) -> str:
    """Whose bank holidays the working-day calendar of a policy leaves out."""
    if nation == "wales":
        return _("bank holidays in Wales")
    if nation == "england":
        return _("bank holidays in England")
    return _("bank holidays in England and Wales")


def working_days_explained(nation: str) -> str:
    return _(
        "Working days are Monday to Friday, not counting %(holidays)s. If something arrives on a "
        "weekend or a bank holiday, counting starts on the next working day."
    ) % {"holidays": nation_bank_holidays(nation)}


def _signpost(exclusion: Exclusion, nation: str, police: str) -> Signpost:
    ombudsman = ombudsman_for(nation)
    if exclusion == Exclusion.ANONYMOUS_APPLICANT:
        return Signpost(
            _("Asking for a review without giving your name"),
            _(
                "A Case Review needs your name so that the council can contact you. To report "
                "anti-social behaviour or crime without giving your name, call Crimestoppers on "
                "%(number)s."
            )
            % {"number": CRIMESTOPPERS},
        )
    if exclusion == Exclusion.CPS_DECISION:
        return Signpost(
            _("A decision by the Crown Prosecution Service to charge someone or not"),
            _(
                "Ask the Crown Prosecution Service to look at its decision again under its "
                "Victims' Right to Review scheme."
            ),
            (Link(_("Crown Prosecution Service"), CPS_URL),),
        )
    if exclusion == Exclusion.COURT_DECISION:
        return Signpost(
            _("A decision made by a court"),
            _(
                "A review cannot change a court's decision. Get advice from a solicitor or Citizens Advice."
            ),
            (Link(_("Citizens Advice"), CITIZENS_ADVICE_URL),),
        )
    if exclusion == Exclusion.OFFICER_CONDUCT:
        return Signpost(
            _("How one officer or member of staff behaved"),
            _(
                "Complain to the organisation they work for. For a police officer, use the "
                "complaints process of %(police)s; the Independent Office for Police Conduct "
                "(IOPC) oversees police complaints."
            )
            % {"police": police},
            (Link(_("Independent Office for Police Conduct"), IOPC_URL),),
        )
    # Exclusion.SERVICE_COMPLAINT_ONLY
    links = [Link(ombudsman.name, ombudsman.href)]
    if nation == "wales":
        where = _(
            "Use that organisation's complaints procedure. If you are still unhappy, you can go "
            "to the %(ombudsman)s."
        ) % {"ombudsman": ombudsman.name}
    else:
        where = _(
            "Use that organisation's complaints procedure. If you are still unhappy, you can go "
            "to the %(ombudsman)s (for councils) or the Housing Ombudsman (for housing "
            "providers)."
        ) % {"ombudsman": ombudsman.name}
        links.append(Link(_("Housing Ombudsman"), HOUSING_OMBUDSMAN_URL))
    return Signpost(
        _("Only the service you received, such as not being called back"),
        where,
        tuple(links),
    )


def signposts(exclusions: Iterable[Exclusion], *, nation: str, police: str) -> list[Signpost]:
    """What the policy says the review does not cover, each with where to go instead, ending
    with emergencies (which no policy needs to list)."""
    found = [_signpost(exclusion, nation, police) for exclusion in dict.fromkeys(exclusions)]
    found.append(
        Signpost(
            _("An emergency, or a crime happening now"),
            _(
                "Call %(emergency)s. To report anti-social behaviour or a crime that is not an "
                "emergency, call the police on %(number)s."
            )
            % {"emergency": EMERGENCY, "number": POLICE_NON_EMERGENCY},
        )
    )
    return found


def who_can_apply() -> list[str]:
    """Who may ask for a review (s.104 and the statutory guidance), for every area."""
    return [
        _("a person affected by the anti-social behaviour"),
        _("a business or a community group affected by it"),
        _(
            "someone else on the victim's behalf, with their consent: for example a friend, "
            "relative, carer, councillor, MP or a professional"
        ),
        _("an agency working with the victim, such as the police or a housing provider"),
    ]


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

    def working_days_explained(self) -> str:
        return working_days_explained(self.policy.nation)

    def timeline(self) -> list[Step]:
        """What happens after someone applies, in order, each with the area's own timescale."""
        t = self.policy.timescales
        return [
            Step(
                _("The council acknowledges your application"),
                _(
                    "Within %(period)s of receiving it, the council tells you it has your "
                    "application and who your single point of contact is."
                )
                % {"period": working_days(t.acknowledge_working_days)},
            ),
            Step(
                _("Agencies share what they know"),
                _(
                    "The council asks the police, housing providers and other relevant bodies "
                    "about your reports. They have %(period)s to reply."
                )
                % {"period": working_days(t.information_working_days)},
            ),
            Step(
                _("You are told whether the threshold is met"),
                _(
                    "Within %(period)s of receiving your application. If it is not met, the "
                    "council tells you why, and you have %(days)s from the decision to ask for "
                    "it to be looked at again."
                )
                % {
                    "period": working_days(t.decision_working_days),
                    "days": calendar_days(t.review_request_days),
                },
            ),
            Step(
                _("Your single point of contact talks to you"),
                _(
                    "Within %(period)s of telling you the threshold is met, they contact you "
                    "about the review and how you want to be heard: coming to the first part of "
                    "the meeting, a written victim impact statement, or someone speaking for you."
                )
                % {"period": working_days(t.victim_contact_working_days)},
            ),
            Step(
                _("The review meeting"),
                _(
                    "At least %(n)s of the relevant bodies meet, with a chair, to look at how "
                    "your reports were handled and what more can be done."
                )
                % {"n": self.policy.panel_minimum_relevant_bodies},
            ),
            Step(
                _("You are told the outcome"),
                _(
                    "Within %(period)s of the meeting: the outcome and any recommendations, "
                    "usually by phone first and then in writing."
                )
                % {"period": working_days(t.outcome_working_days)},
            ),
            Step(
                _("You comment on the action plan"),
                _(
                    "You are sent the draft action plan and have %(period)s to comment before "
                    "it is made final."
                )
                % {"period": working_days(t.victim_comment_working_days)},
            ),
            Step(
                _("If you are unhappy with how the review was carried out"),
                _(
                    "You can appeal. An appeal is heard within %(period)s of being received, and "
                    "you are told the result within %(outcome)s of the hearing."
                )
                % {
                    "period": working_days(t.appeal_hearing_working_days),
                    "outcome": working_days(t.appeal_outcome_working_days),
                },
            ),
        ]

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
        policy_effective_from: dt.date | None = None,
        check_url: str | None = None,
        track_url: str | None = None,
        procedure_url: str | None = None,
        unhappy_url: str | None = None,
    ) -> None:
        self.area = area
        self.policy = policy if area.on_service else None
        self.policy_version = policy_version if self.policy else None
        self.policy_effective_from = policy_effective_from if self.policy else None
        self._relevant_bodies = list(relevant_bodies)
        self.apply_url = apply_url
        # The public journey's other pages, linked only for an area on the service (except the
        # "not happy" page, which helps anyone whose council ran a review).
        self.check_url = check_url if self.on_service else None
        self.track_url = track_url if self.on_service else None
        self.procedure_url = procedure_url if self.on_service else None
        self.unhappy_url = unhappy_url

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

    def who_can_apply(self) -> list[str]:
        return who_can_apply()

    def signposts(self) -> list[Signpost]:
        """What is not covered and where to go: the policy's exclusions, or only the
        emergency line for an area whose policy is not on this service."""
        exclusions = self.policy.exclusions if self.policy else ()
        return signposts(exclusions, nation=self.area.nation, police=self.area.police_force.name)

    def ombudsman(self) -> Ombudsman:
        return ombudsman_for(self.area.nation)

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
