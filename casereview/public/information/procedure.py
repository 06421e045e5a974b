"""An area's published Case Review procedure, written out from its live policy version.

The page and the PDF are two layouts of one template (``_procedure_content.html``); every
sentence that depends on the policy is decided here, so the wording can be tested without
rendering and the published procedure can never disagree with the rules cases are decided by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from casereview.areas.models import Agency, Area
from casereview.areas.presenters import (
    AreaPagePresenter,
    Channel,
    PolicyPresenter,
    Row,
    Signpost,
    Step,
    calendar_days,
    ombudsman_for,
    working_days,
)
from casereview.core.formatting import govuk_date
from casereview.public.information.selectors import LivePolicy, ProcedureRecords
from casereview.publishing.procedure.selectors import Version
from casereview.publishing.procedure.statement import PolicyStatement, policy_statement
from casereview.rules.policy import STATUTORY_MAX_THRESHOLD, AppealReviewerKind

# The file name of the PDF, in the language it is written in.
PDF_NAMES = {"en": "case-review-procedure", "cy": "gweithdrefn-adolygiad-achos"}


def pdf_filename(area: Area, version: int, language: str | None = None) -> str:
    """``east-hertfordshire-case-review-procedure-v3.pdf`` (or its Welsh name)."""
    stem = PDF_NAMES.get((language or get_language() or "en")[:2], PDF_NAMES["en"])
    return f"{area.slug}-{stem}-v{version}.pdf"


@dataclass(frozen=True)
class ConsultationLine:
    """One consultation as the public sees it: who, on which version, when, and the answer."""

    who: str
    kind: str
    version: str
    consulted_on: str
    response: str
    summary: str
    outcome: str


@dataclass(frozen=True)
class ReviewLine:
    reviewed_on: str
    reviewed_by: str
    findings: str
    changes: str
    next_due: str


class ProcedurePresenter:
    """The published procedure of one area on the service: its live version, or (on the version
    history pages) an earlier one."""

    def __init__(
        self,
        area: Area,
        live: LivePolicy,
        relevant_bodies: Iterable[Agency],
        *,
        apply_url: str | None = None,
        records: ProcedureRecords | None = None,
    ) -> None:
        self.area = area
        self.live = live
        self.records = records
        self.policy = live.policy
        self.rules = PolicyPresenter(live.policy)
        # The area page's presenter already knows the channels, the bodies and the signposts.
        self.page = AreaPagePresenter(
            area,
            policy=live.policy,
            policy_version=live.version,
            policy_effective_from=live.effective_from,
            relevant_bodies=relevant_bodies,
            apply_url=apply_url,
        )

    @property
    def version(self) -> int:
        return self.live.version

    @property
    def current(self) -> Version | None:
        return self.records.current if self.records else None

    @property
    def is_current(self) -> bool:
        current = self.current
        return current is None or current.number == self.live.version

    def this_version(self) -> Version | None:
        versions = self.records.versions if self.records else []
        return next((v for v in versions if v.number == self.live.version), None)

    def version_line(self) -> str:
        """Which version this is, when it was in force, and which one is current."""
        found = self.this_version()
        current = self.current
        if found is None or current is None or found.is_current:
            return _(
                "This is version %(version)s of the procedure, in force from %(start)s. It is "
                "the current version."
            ) % {"version": self.live.version, "start": govuk_date(self.live.effective_from)}
        return _(
            "This is version %(version)s of the procedure. It was in force from %(start)s until "
            "%(end)s, when version %(next)s replaced it. The current version is version "
            "%(current)s."
        ) % {
            "version": found.number,
            "start": govuk_date(found.record.effective_from),
            "end": govuk_date(found.replaced_on),
            "next": found.replaced_by,
            "current": current.number,
        }

    def statement(self) -> PolicyStatement | None:
        return policy_statement(self.policy)

    def consultations(self) -> list[ConsultationLine]:
        """Who was consulted on the procedure, on which version, when, and whether they
        answered. The summary and what the area did are the area's own words about its
        procedure, so they are published too."""
        found = self.records.consultations if self.records else []
        return [
            ConsultationLine(
                who=item.consultee_name,
                kind=str(item.get_consultee_kind_display()),
                version=(
                    _("Version %(version)s") % {"version": item.policy.version}
                    if item.policy
                    else ""
                ),
                consulted_on=govuk_date(item.consulted_on),
                response=(
                    _("Responded on %(date)s") % {"date": govuk_date(item.response_received_on)}
                    if item.response_received_on
                    else _("No response yet")
                ),
                summary=item.response_summary,
                outcome=item.outcome,
            )
            for item in found
        ]

    def reviews(self) -> list[ReviewLine]:
        found = self.records.reviews if self.records else []
        return [
            ReviewLine(
                reviewed_on=govuk_date(item.reviewed_on),
                reviewed_by=item.reviewed_by,
                findings=item.findings,
                changes=item.changes,
                next_due=govuk_date(item.next_review_due) if item.next_review_due else "",
            )
            for item in found
        ]

    def version_count(self) -> int:
        return len(self.records.versions) if self.records else 1

    def about(self) -> str:
        if not self.is_current:
            return _(
                "This is an earlier ASB Case Review procedure of %(council)s: version "
                "%(version)s of its policy. It is no longer in force; applications are decided "
                "under the current version."
            ) % {"council": self.area.official_name, "version": self.live.version}
        return _(
            "This is the ASB Case Review procedure of %(council)s: version %(version)s of its "
            "policy, in force from %(date)s. It is written out from the policy this service uses "
            "to handle applications, so it always matches how your application is dealt with."
        ) % {
            "council": self.area.official_name,
            "version": self.live.version,
            "date": govuk_date(self.live.effective_from),
        }

    def threshold_line(self) -> str:
        return _(
            "A review takes place when someone has made %(threshold)s about the same anti-social "
            "behaviour, to the council, the police or a social housing provider, and feels that "
            "no effective action has been taken."
        ) % {"threshold": self.rules.threshold()}

    def threshold_cap(self) -> str:
        """Said only when the local number is above the legal maximum, which then applies."""
        if self.policy.threshold <= STATUTORY_MAX_THRESHOLD:
            return ""
        return _(
            "The law says the threshold can be no higher than %(n)s qualifying complaints, so no "
            "more than %(n)s are needed."
        ) % {"n": STATUTORY_MAX_THRESHOLD}

    def qualifying_lines(self) -> list[str]:
        """What makes a complaint count, from the policy."""
        policy = self.policy
        window = policy.report_within
        if window.days is not None:
            reported = _("It was reported within %(period)s of the behaviour it is about.") % {
                "period": calendar_days(window.days)
            }
        elif (window.months or 1) == 1:
            reported = _("It was reported within one month of the behaviour it is about.")
        else:
            reported = _("It was reported within %(n)s months of the behaviour it is about.") % {
                "n": window.months
            }
        lines = [
            reported,
            _("The application is made within %(n)s months of the complaint.")
            % {"n": policy.application_within_months},
            _("One incident reported to more than one agency counts as one complaint."),
        ]
        if policy.same_day_is_same_occasion:
            lines.append(_("Complaints about the same occasion (the same day) count once."))
        if policy.diary_sheets_count:
            lines.append(_("Diary sheets kept for an investigation count as complaints."))
        else:
            lines.append(_("Diary sheets kept for an investigation do not count as complaints."))
        return lines

    def conditions(self) -> list[str]:
        return self.rules.conditions()

    def routes(self) -> list[str]:
        return self.rules.routes()

    def summary(self) -> list[Row]:
        return self.rules.summary()

    def who_can_apply(self) -> list[str]:
        return self.page.who_can_apply()

    def signposts(self) -> list[Signpost]:
        return self.page.signposts()

    def relevant_bodies(self) -> list[str]:
        return self.page.relevant_bodies()

    def channels(self) -> list[Channel]:
        return self.page.channels()

    def fallback(self) -> str:
        return self.page.fallback()

    def timeline(self) -> list[Step]:
        return self.rules.timeline()

    def working_days_explained(self) -> str:
        return self.rules.working_days_explained()

    def timescales(self) -> list[Row]:
        return self.rules.timescales()

    def panel_line(self) -> str:
        return _(
            "The review meeting has at least %(n)s of the relevant bodies. Other services that "
            "know the case can be invited too, such as the fire and rescue service, mental health "
            "services, drug and alcohol services or an advocacy service."
        ) % {"n": self.policy.panel_minimum_relevant_bodies}

    def minutes_line(self) -> str:
        return _(
            "The minutes and the action plan are sent to everyone on the panel within %(period)s "
            "of the meeting."
        ) % {"period": working_days(self.policy.timescales.minutes_working_days)}

    def outcome_line(self) -> str:
        return _(
            "Your single point of contact tells you the outcome and any recommendations within "
            "%(period)s of the meeting, usually by phone first and then in writing. You are told "
            "what actions were agreed, except anything that would share other people's personal "
            "information."
        ) % {"period": working_days(self.policy.timescales.outcome_working_days)}

    def comment_line(self) -> str:
        return _(
            "Before the action plan is made final, you are sent the draft and have %(period)s to "
            "comment on it."
        ) % {"period": working_days(self.policy.timescales.victim_comment_working_days)}

    def review_request_line(self) -> str:
        return _(
            "If the council decides the threshold is not met, it tells you why in writing, with a "
            "form to ask for the decision to be looked at again. You have %(period)s from the "
            "decision to ask."
        ) % {"period": calendar_days(self.policy.timescales.review_request_days)}

    def appeal_line(self) -> str:
        return _(
            "You can also appeal if you are unhappy with how the review was carried out. Appeals "
            "are heard within %(hearing)s of being received, and you are told the result within "
            "%(outcome)s of the hearing."
        ) % {
            "hearing": working_days(self.policy.timescales.appeal_hearing_working_days),
            "outcome": working_days(self.policy.timescales.appeal_outcome_working_days),
        }

    def appeal_reviewer_line(self) -> str:
        reviewer = self.policy.appeal_reviewer
        who = {
            AppealReviewerKind.PEER_AUTHORITY: _(
                "someone from a neighbouring council or community safety partnership"
            ),
            AppealReviewerKind.SENIOR_MANAGER: _(
                "a senior manager of the council who was not involved in the case"
            ),
            AppealReviewerKind.INDEPENDENT_CHAIR: _("an independent chair"),
            AppealReviewerKind.PCC_OFFICE: _("the office of the police and crime commissioner"),
        }[reviewer.kind]
        if reviewer.independent_peer:
            return _(
                "Requests and appeals are looked at by %(who)s, where possible with an "
                "independent person from another partnership."
            ) % {"who": who}
        return _("Requests and appeals are looked at by %(who)s.") % {"who": who}

    def working_days_line(self) -> str:
        return self.rules.working_days_explained()

    def ombudsman_name(self) -> str:
        return ombudsman_for(self.area.nation).name
