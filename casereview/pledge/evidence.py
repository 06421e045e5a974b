"""Automatic evidence for the PLEDGE checklist, from what the service already holds.

Each function takes an area and the day asked about and returns an ``Evidence``: a status (yes,
partly, no, or unknown when the data cannot say), a summary in words with the numbers, and
details. Unless said otherwise the figures cover the last 12 months, counted back from ``today``
(the day itself included). Every read is an aggregate query scoped to the one area: the evidence
says how the area runs the Case Review, never anything about one case.

The checklist names these functions by their key (``casereview.pledge.checklist.Item.evidence``);
``EVIDENCE`` maps each key to its function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from casereview.appeals.models import Appeal, Ground, Outcome
from casereview.areas.models import Area
from casereview.areas.selectors import current_policy_record
from casereview.cases.models import Case, Channel, Deadline, DeadlineKind, Language, Relationship
from casereview.core.formatting import govuk_date
from casereview.letters.context import subject
from casereview.letters.models import LetterKind
from casereview.partners.models import SecondReportPrompt
from casereview.publishing.models import (
    Consultation,
    ConsulteeKind,
    EffectivenessReview,
    Release,
    ReleaseStatus,
)
from casereview.publishing.periods import Period
from casereview.reviews.models import Meeting, VoiceChoice
from casereview.rules import (
    STATUTORY_MAX_THRESHOLD,
    AppealReviewerKind,
    LocalPolicy,
    PolicyError,
    ReportWindow,
    add_months,
    check_policy,
    policy_from_dict,
)


class EvidenceStatus(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNKNOWN = "unknown"


STATUS_LABELS = {
    EvidenceStatus.YES: gettext_lazy("Yes"),
    EvidenceStatus.PARTLY: gettext_lazy("Partly"),
    EvidenceStatus.NO: gettext_lazy("No"),
    EvidenceStatus.UNKNOWN: gettext_lazy("Not known"),
}

# A share at or above these is a Yes, or a Partly.
YES_SHARE = 0.9
PARTLY_SHARE = 0.7


@dataclass(frozen=True)
class Evidence:
    status: EvidenceStatus
    summary: str
    details: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"status": str(self.status), "summary": self.summary, "details": list(self.details)}


EvidenceFunction = Callable[[Area, dt.date], Evidence]
EVIDENCE: dict[str, EvidenceFunction] = {}


def evidence(key: str) -> Callable[[EvidenceFunction], EvidenceFunction]:
    def register(function: EvidenceFunction) -> EvidenceFunction:
        EVIDENCE[key] = function
        return function

    return register


def gather(area: Area, today: dt.date, key: str) -> Evidence:
    return EVIDENCE[key](area, today)


def snapshot(area: Area, today: dt.date, keys: dict[str, str]) -> dict[str, Any]:
    """The evidence as it stands, in every language of the service, to keep with a completed
    assessment. ``keys`` maps a name (an item code) to its evidence key; the result maps each
    name to {"key", "status", "text": {language: {"summary", "details"}}}.

    Kept in each language at completion (rather than re-worded later) so that the public report
    reads in Welsh too, and still says exactly what the evidence said on the day."""
    kept: dict[str, Any] = {}
    for name, key in keys.items():
        texts: dict[str, Any] = {}
        status = EvidenceStatus.UNKNOWN
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found = gather(area, today, key)
            status = found.status
            texts[code] = {"summary": found.summary, "details": list(found.details)}
        kept[name] = {"key": key, "status": str(status), "text": texts}
    return kept


def from_snapshot(kept: dict[str, Any]) -> Evidence:
    """Evidence kept by ``snapshot``, in the active language (English if it was not kept)."""
    texts = kept.get("text", {})
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    text = texts.get(language) or texts.get("en") or {"summary": "", "details": []}
    try:
        status = EvidenceStatus(kept.get("status", ""))
    except ValueError:
        status = EvidenceStatus.UNKNOWN
    return Evidence(status, text["summary"], tuple(text["details"]))


# --- Helpers ----------------------------------------------------------------------------------


def window_start(today: dt.date) -> dt.date:
    """The first day of the 12 months that end on ``today``."""
    return add_months(today, -12) + dt.timedelta(days=1)


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def share_status(part: int, whole: int) -> EvidenceStatus:
    if not whole:
        return EvidenceStatus.UNKNOWN
    ratio = part / whole
    if ratio >= YES_SHARE:
        return EvidenceStatus.YES
    if ratio >= PARTLY_SHARE:
        return EvidenceStatus.PARTLY
    return EvidenceStatus.NO


def _policy(area: Area) -> tuple[int, LocalPolicy] | None:
    record = current_policy_record(area)
    if record is None:
        return None
    try:
        return record.version, policy_from_dict(record.rules)
    except PolicyError:
        return None


def _no_policy() -> Evidence:
    return Evidence(
        EvidenceStatus.NO,
        _("The area has no policy on the service that can be read, so nothing can be checked."),
    )


def _counted(
    part: int, whole: int, summary: str, none: str, *, details: tuple[str, ...] = ()
) -> Evidence:
    """A share as evidence: ``summary`` takes %(part)s, %(whole)s and %(percent)s."""
    if not whole:
        return Evidence(EvidenceStatus.UNKNOWN, none, details)
    return Evidence(
        share_status(part, whole),
        summary % {"part": part, "whole": whole, "percent": percent(part, whole)},
        details,
    )


def _deadlines_on_time(area: Area, today: dt.date, kinds: list[str] | None = None) -> Evidence:
    due = Deadline.objects.filter(
        case__area=area,
        informational=False,
        due_on__gte=window_start(today),
        due_on__lte=today,
    )
    if kinds is not None:
        due = due.filter(kind__in=kinds)
    on_time = Q(met_on__isnull=False, met_on__lte=F("due_on"))
    rows = list(
        due.values("kind")
        .annotate(whole=Count("pk"), part=Count("pk", filter=on_time))
        .order_by("kind")
    )
    labels = dict(DeadlineKind.choices)
    details = tuple(
        _("%(kind)s: %(part)s of %(whole)s on time")
        % {"kind": labels.get(row["kind"], row["kind"]), "part": row["part"], "whole": row["whole"]}
        for row in rows
    )
    return _counted(
        sum(row["part"] for row in rows),
        sum(row["whole"] for row in rows),
        _(
            "%(part)s of %(whole)s deadlines due in the last 12 months were met on time "
            "(%(percent)s%%)."
        ),
        _("No deadlines fell due in the last 12 months."),
        details=details,
    )


def _meetings_held(area: Area, today: dt.date) -> Any:
    return Meeting.objects.filter(
        case__area=area, held_on__gte=window_start(today), held_on__lte=today
    )


def _report_window(window: ReportWindow) -> str:
    if window.months is not None:
        return ngettext("%(num)s month", "%(num)s months", window.months) % {"num": window.months}
    days = window.days or 0
    return ngettext("%(num)s day", "%(num)s days", days) % {"num": days}


def _finding_label(code: str, message: str) -> str:
    """The policy check's findings are worded in English by the rules engine: say each in the
    active language by its code."""
    labels = {
        "threshold_above_statutory": _("The threshold is above three qualifying complaints."),
        "report_window_under_one_month": _(
            "Complaints must be made within less than one month of the behaviour."
        ),
        "application_window_under_six_months": _(
            "Applications must be made within less than six months of a complaint."
        ),
        "diary_sheets_excluded": _("Diary sheets are not counted as complaints."),
    }
    if code in labels:
        return labels[code]
    if code.startswith("caveat:"):
        return _("A local condition can exclude applications that meet the law's threshold.")
    return message


# --- Promote awareness ------------------------------------------------------------------------


@evidence("partner_route")
def partner_route(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    if found is None:
        return _no_policy()
    _version, policy = found
    started = Case.objects.filter(
        area=area,
        received_on__gte=window_start(today),
        received_on__lte=today,
        channel=Channel.PARTNER_AGENCY,
    ).count()
    used = _("Applications made by partner agencies in the last 12 months: %(num)s.") % {
        "num": started
    }
    if not policy.routes.partner_initiated:
        return Evidence(
            EvidenceStatus.NO,
            _("The policy does not let a partner agency start a review for a victim."),
            (used,),
        )
    return Evidence(
        EvidenceStatus.YES if started else EvidenceStatus.PARTLY,
        _("The policy lets a partner agency start a review for a victim."),
        (used,),
    )


@evidence("applications")
def applications(area: Area, today: dt.date) -> Evidence:
    received = Case.objects.filter(
        area=area, received_on__gte=window_start(today), received_on__lte=today
    )
    total = received.count()
    if not total:
        return Evidence(
            EvidenceStatus.UNKNOWN,
            _("No applications in the last 12 months: check that people know about it."),
        )
    labels = dict(Channel.choices)
    details = tuple(
        _("%(channel)s: %(num)s") % {"channel": labels.get(row["channel"]), "num": row["num"]}
        for row in received.values("channel").annotate(num=Count("pk")).order_by("channel")
    )
    return Evidence(
        EvidenceStatus.YES,
        _("Applications received in the last 12 months: %(num)s.") % {"num": total},
        details,
    )


# --- Legality ---------------------------------------------------------------------------------


@evidence("threshold")
def threshold(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    if found is None:
        return _no_policy()
    version, policy = found
    words = _(
        "Policy version %(version)s sets the threshold at %(threshold)s qualifying complaints; "
        "the law allows at most %(most)s."
    ) % {"version": version, "threshold": policy.threshold, "most": STATUTORY_MAX_THRESHOLD}
    ok = policy.threshold <= STATUTORY_MAX_THRESHOLD
    return Evidence(EvidenceStatus.YES if ok else EvidenceStatus.NO, words)


@evidence("windows")
def windows(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    if found is None:
        return _no_policy()
    version, policy = found
    words = _(
        "Policy version %(version)s counts complaints made within %(report)s of the behaviour, "
        "and applications made within %(months)s of a complaint."
    ) % {
        "version": version,
        "report": _report_window(policy.report_within),
        "months": _report_window(ReportWindow(months=policy.application_within_months)),
    }
    codes = {"report_window_under_one_month", "application_window_under_six_months"}
    short = [f for f in check_policy(policy) if f.code in codes]
    return Evidence(
        EvidenceStatus.NO if short else EvidenceStatus.YES,
        words,
        tuple(_finding_label(f.code, f.message) for f in short),
    )


@evidence("policy_check")
def policy_check(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    if found is None:
        return _no_policy()
    version, policy = found
    findings = check_policy(policy)
    if not findings:
        return Evidence(
            EvidenceStatus.YES,
            _("The policy check finds nothing stricter than the law in policy version %(v)s.")
            % {"v": version},
        )
    return Evidence(
        EvidenceStatus.NO,
        ngettext(
            "The policy check finds %(num)s point in policy version %(v)s that is stricter "
            "than the law.",
            "The policy check finds %(num)s points in policy version %(v)s that are stricter "
            "than the law.",
            len(findings),
        )
        % {"num": len(findings), "v": version},
        tuple(_finding_label(f.code, f.message) for f in findings),
    )


APPEAL_REVIEWERS = {
    AppealReviewerKind.PEER_AUTHORITY: gettext_lazy("a neighbouring authority"),
    AppealReviewerKind.SENIOR_MANAGER: gettext_lazy("a senior manager not involved in the case"),
    AppealReviewerKind.INDEPENDENT_CHAIR: gettext_lazy("an independent chair"),
    AppealReviewerKind.PCC_OFFICE: gettext_lazy("the police and crime commissioner's office"),
}


@evidence("appeal_route")
def appeal_route(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    if found is None:
        return _no_policy()
    _version, policy = found
    counts = Appeal.objects.filter(
        case__area=area, received_on__gte=window_start(today), received_on__lte=today
    ).aggregate(
        threshold=Count("pk", filter=Q(ground=Ground.THRESHOLD_DECISION)),
        conduct=Count("pk", filter=Q(ground=Ground.REVIEW_CONDUCT)),
    )
    return Evidence(
        EvidenceStatus.YES,
        _(
            "The service takes appeals against the threshold decision and against how a review "
            "was carried out, and every decision and outcome letter explains them. Appeals are "
            "heard by %(reviewer)s."
        )
        % {"reviewer": APPEAL_REVIEWERS[policy.appeal_reviewer.kind]},
        (
            _("Appeals against a threshold decision in the last 12 months: %(num)s.")
            % {"num": counts["threshold"]},
            _("Appeals about how a review was carried out in the last 12 months: %(num)s.")
            % {"num": counts["conduct"]},
        ),
    )


@evidence("consultation")
def consultation(area: Area, today: dt.date) -> Evidence:
    record = current_policy_record(area)
    current = Q(policy=record) if record is not None else Q(pk__in=[])
    counts = Consultation.objects.filter(area=area).aggregate(
        pcc=Count("pk", filter=Q(consultee_kind=ConsulteeKind.PCC)),
        pcc_current=Count("pk", filter=Q(consultee_kind=ConsulteeKind.PCC) & current),
        housing=Count("pk", filter=Q(consultee_kind=ConsulteeKind.HOUSING_PROVIDER)),
        housing_current=Count(
            "pk", filter=Q(consultee_kind=ConsulteeKind.HOUSING_PROVIDER) & current
        ),
        last=Max("consulted_on"),
    )
    details = (
        _("Consultations of the police and crime commissioner on record: %(num)s.")
        % {"num": counts["pcc"]},
        _("Consultations of social housing providers on record: %(num)s.")
        % {"num": counts["housing"]},
    )
    if counts["pcc_current"] and counts["housing_current"]:
        return Evidence(
            EvidenceStatus.YES,
            _(
                "The police and crime commissioner and social housing providers were consulted "
                "on the current procedure."
            ),
            details,
        )
    if counts["pcc"] or counts["housing"]:
        return Evidence(
            EvidenceStatus.PARTLY,
            _(
                "Some consultation is on record, but not of both the police and crime "
                "commissioner and social housing providers on the current procedure."
            ),
            details,
        )
    return Evidence(EvidenceStatus.NO, _("No consultation on the procedure is on record."), details)


@evidence("data_published")
def data_published(area: Area, today: dt.date) -> Evidence:
    last_year = Period.financial_year(Period.financial_year_of(today).year - 1)
    counts = Release.objects.filter(area=area, status=ReleaseStatus.PUBLISHED).aggregate(
        last_year=Count("pk", filter=Q(period_slug=last_year.slug)),
        latest=Max("published_at"),
    )
    latest = counts["latest"]
    recent = latest is not None and timezone.localdate(latest) >= window_start(today)
    details = (
        (_("Latest publication: %(date)s.") % {"date": govuk_date(latest)},)
        if latest is not None
        else ()
    )
    year_words = last_year.label()
    if counts["last_year"] and recent:
        return Evidence(
            EvidenceStatus.YES,
            _(
                "The statistics of %(year)s are published, and the latest publication was "
                "within the last 12 months."
            )
            % {"year": year_words},
            details,
        )
    if counts["last_year"] or recent:
        return Evidence(
            EvidenceStatus.PARTLY,
            _(
                "Statistics are published, but not both those of %(year)s and a publication "
                "within the last 12 months."
            )
            % {"year": year_words},
            details,
        )
    return Evidence(
        EvidenceStatus.NO,
        _("No statistics published for %(year)s, nor in the last 12 months.")
        % {"year": year_words},
        details,
    )


# --- Ensure accessibility ---------------------------------------------------------------------


@evidence("channels")
def channels(area: Area, today: dt.date) -> Evidence:
    offered = {
        Channel.ONLINE: area.on_service,
        Channel.PHONE: bool(area.contact_phone.strip()),
        Channel.EMAIL: bool(area.contact_email.strip()),
        Channel.LETTER: bool(area.contact_address.strip()),
        Channel.IN_PERSON: bool(area.contact_address.strip()),
    }
    labels = dict(Channel.choices)
    named = ", ".join(str(labels[channel]) for channel, yes in offered.items() if yes)
    used = (
        Case.objects.filter(area=area, received_on__gte=window_start(today), received_on__lte=today)
        .values("channel")
        .annotate(num=Count("pk"))
        .order_by("channel")
    )
    details = tuple(
        _("Applications by %(channel)s in the last 12 months: %(num)s")
        % {"channel": labels.get(row["channel"]), "num": row["num"]}
        for row in used
    )
    count = sum(offered.values())
    if count == len(offered):
        status = EvidenceStatus.YES
    elif area.on_service and count >= 2:
        status = EvidenceStatus.PARTLY
    else:
        status = EvidenceStatus.NO
    summary = (
        _("Ways to apply on record: %(channels)s (%(num)s of %(all)s).")
        % {"channels": named, "num": count, "all": len(offered)}
        if count
        else _("No way to apply is on record for the area.")
    )
    return Evidence(status, summary, details)


# Letters that go to relevant bodies are written in English, the language of their records.
AGENCY_LETTERS = {LetterKind.INFORMATION_REQUEST, LetterKind.DECISION_NOTICE}


@evidence("welsh")
def welsh(area: Area, today: dt.date) -> Evidence:
    offered = "cy" in {code for code, _name in settings.LANGUAGES}
    victim_letters = [kind for kind in LetterKind if kind not in AGENCY_LETTERS]
    # A letter kind is in Welsh when the Welsh catalogue words its heading: the same catalogue
    # words its body and the public pages, which is how the service offers Welsh at all.
    with translation.override("en"):
        english = {kind: subject(kind, "") for kind in victim_letters}
    with translation.override("cy"):
        welsh_words = {kind: subject(kind, "") for kind in victim_letters}
    in_welsh = sum(1 for kind in victim_letters if welsh_words[kind] != english[kind])
    cases = Case.objects.filter(
        area=area,
        received_on__gte=window_start(today),
        received_on__lte=today,
        language=Language.WELSH,
    ).count()
    details = (
        _("Letters to victims with Welsh wording: %(num)s of %(all)s kinds.")
        % {"num": in_welsh, "all": len(victim_letters)},
        _("Cases handled in Welsh in the last 12 months: %(num)s.") % {"num": cases},
    )
    if offered and in_welsh == len(victim_letters):
        return Evidence(
            EvidenceStatus.YES,
            _(
                "The public pages, the online application and every letter to victims are "
                "offered in Welsh: each person chooses their language, and the letters of a "
                "case follow it."
            ),
            details,
        )
    if offered and in_welsh:
        return Evidence(
            EvidenceStatus.PARTLY,
            _("Welsh is offered, but not every letter to victims has Welsh wording yet."),
            details,
        )
    return Evidence(EvidenceStatus.NO, _("Welsh is not offered."), details)


# Applications made by a partner agency or a senior manager need no consent of the victim.
NO_CONSENT_NEEDED = (Relationship.PARTNER_AGENCY, Relationship.SENIOR_MANAGER)


@evidence("third_party")
def third_party(area: Area, today: dt.date) -> Evidence:
    counts = (
        Case.objects.filter(
            area=area,
            received_on__gte=window_start(today),
            received_on__lte=today,
            applicant_is_victim=False,
        )
        .exclude(applicant_relationship__in=NO_CONSENT_NEEDED)
        .aggregate(
            whole=Count("pk"),
            part=Count("pk", filter=Q(consent_given_on__isnull=False) | ~Q(consent_given_how="")),
        )
    )
    if not counts["whole"]:
        if not area.on_service:
            return Evidence(
                EvidenceStatus.UNKNOWN,
                _("The area does not take applications on this service, so nothing is known."),
            )
        return Evidence(
            EvidenceStatus.YES,
            _(
                "The online form and staff intake take applications made for a victim, with "
                "the victim's consent; none were made in the last 12 months."
            ),
        )
    return _counted(
        counts["part"],
        counts["whole"],
        _(
            "%(part)s of %(whole)s applications made for a victim in the last 12 months have "
            "the victim's consent recorded (%(percent)s%%)."
        ),
        "",
    )


@evidence("procedure_published")
def procedure_published(area: Area, today: dt.date) -> Evidence:
    record = current_policy_record(area)
    if area.on_service and record is not None:
        return Evidence(
            EvidenceStatus.YES,
            _(
                "The service publishes the procedure, as a page and a PDF, from policy version "
                "%(version)s, in force from %(date)s; it changes when the policy does."
            )
            % {"version": record.version, "date": govuk_date(record.effective_from)},
        )
    if area.procedure_url:
        return Evidence(
            EvidenceStatus.PARTLY,
            _("The procedure is published on the council's website only: %(url)s")
            % {"url": area.procedure_url},
        )
    return Evidence(EvidenceStatus.NO, _("No published procedure is on record."))


# --- Develop your process ---------------------------------------------------------------------


@evidence("deadlines_met")
def deadlines_met(area: Area, today: dt.date) -> Evidence:
    return _deadlines_on_time(area, today)


@evidence("effectiveness_review")
def effectiveness_review(area: Area, today: dt.date) -> Evidence:
    latest = (
        EffectivenessReview.objects.filter(area=area, reviewed_on__lte=today)
        .order_by("-reviewed_on")
        .values("reviewed_on", "next_review_due")
        .first()
    )
    if latest is None:
        return Evidence(
            EvidenceStatus.NO, _("No review of the procedure's effectiveness is on record.")
        )
    words = {"date": govuk_date(latest["reviewed_on"])}
    details = (
        (_("Next review due: %(date)s.") % {"date": govuk_date(latest["next_review_due"])},)
        if latest["next_review_due"]
        else ()
    )
    if latest["reviewed_on"] >= window_start(today):
        return Evidence(
            EvidenceStatus.YES,
            _("The procedure's effectiveness was last reviewed on %(date)s.") % words,
            details,
        )
    return Evidence(
        EvidenceStatus.PARTLY,
        _("The procedure's effectiveness was last reviewed on %(date)s, more than 12 months ago.")
        % words,
        details,
    )


@evidence("appeals")
def appeals(area: Area, today: dt.date) -> Evidence:
    counts = Appeal.objects.filter(
        case__area=area, heard_on__gte=window_start(today), heard_on__lte=today
    ).aggregate(heard=Count("pk"), upheld=Count("pk", filter=Q(outcome=Outcome.UPHELD)))
    # The service counts appeals; whether the area learnt from them is for the area to show.
    return Evidence(
        EvidenceStatus.UNKNOWN,
        _("Appeals heard in the last 12 months: %(heard)s, of which upheld: %(upheld)s.") % counts,
    )


# --- Generate inclusivity ---------------------------------------------------------------------


def _share_of_meetings(area: Area, today: dt.date, which: Q, message: str) -> Evidence:
    """The share of review meetings held in the last 12 months that are ``which``."""
    counts = _meetings_held(area, today).aggregate(
        whole=Count("pk"), part=Count("pk", filter=which)
    )
    return _counted(
        counts["part"],
        counts["whole"],
        message,
        _("No review meetings were held in the last 12 months."),
    )


@evidence("victims_invited")
def victims_invited(area: Area, today: dt.date) -> Evidence:
    return _share_of_meetings(
        area,
        today,
        Q(victim_invited=True),
        _(
            "The victim was invited to %(part)s of %(whole)s review meetings held in the last "
            "12 months (%(percent)s%%)."
        ),
    )


@evidence("victims_heard")
def victims_heard(area: Area, today: dt.date) -> Evidence:
    heard = Q(victim_attended=True) | Q(
        case__victim_voice__choice__in=[VoiceChoice.IMPACT_STATEMENT, VoiceChoice.ADVOCATE]
    )
    counts = _meetings_held(area, today).aggregate(
        whole=Count("pk"),
        part=Count("pk", filter=heard),
        attended=Count("pk", filter=Q(victim_attended=True)),
    )
    return _counted(
        counts["part"],
        counts["whole"],
        _(
            "The victim was heard, in person, by a statement or through an advocate, at "
            "%(part)s of %(whole)s review meetings held in the last 12 months (%(percent)s%%)."
        ),
        _("No review meetings were held in the last 12 months."),
        details=(_("Meetings the victim attended: %(num)s.") % {"num": counts["attended"]},),
    )


@evidence("independent_chairs")
def independent_chairs(area: Area, today: dt.date) -> Evidence:
    return _share_of_meetings(
        area,
        today,
        Q(chair_independent=True),
        _(
            "An independent chair led %(part)s of %(whole)s review meetings held in the last "
            "12 months (%(percent)s%%)."
        ),
    )


@evidence("panel")
def panel(area: Area, today: dt.date) -> Evidence:
    found = _policy(area)
    minimum = found[1].panel_minimum_relevant_bodies if found else 3
    present = Q(panel__relevant_body=True) & (
        Q(panel__attended=True) | Q(panel__attended__isnull=True)
    )
    held = _meetings_held(area, today)
    whole = held.count()
    part = (
        held.annotate(bodies=Count("panel__agency", filter=present, distinct=True))
        .filter(bodies__gte=3)
        .count()
    )
    return _counted(
        part,
        whole,
        _(
            "%(part)s of %(whole)s review meetings held in the last 12 months had at least "
            "three relevant bodies on the panel (%(percent)s%%)."
        ),
        _("No review meetings were held in the last 12 months."),
        details=(
            _("The policy asks for at least %(num)s relevant bodies on a panel.")
            % {"num": minimum},
        ),
    )


@evidence("information_on_time")
def information_on_time(area: Area, today: dt.date) -> Evidence:
    return _deadlines_on_time(area, today, [DeadlineKind.INFORMATION])


# --- Put victims first and deter perpetrators -------------------------------------------------


@evidence("outcome_on_time")
def outcome_on_time(area: Area, today: dt.date) -> Evidence:
    return _deadlines_on_time(area, today, [DeadlineKind.OUTCOME, DeadlineKind.APPEAL_OUTCOME])


@evidence("action_plans_consulted")
def action_plans_consulted(area: Area, today: dt.date) -> Evidence:
    counts = Meeting.objects.filter(
        case__area=area, plan_finalised_on__gte=window_start(today), plan_finalised_on__lte=today
    ).aggregate(
        whole=Count("pk"),
        part=Count(
            "pk",
            filter=Q(plan_shared_on__isnull=False, plan_shared_on__lte=F("plan_finalised_on")),
        ),
    )
    return _counted(
        counts["part"],
        counts["whole"],
        _(
            "The victim saw the draft before %(part)s of %(whole)s action plans made final in "
            "the last 12 months (%(percent)s%%)."
        ),
        _("No action plans were made final in the last 12 months."),
    )


@evidence("second_reports_explained")
def second_reports_explained(area: Area, today: dt.date) -> Evidence:
    counts = SecondReportPrompt.objects.filter(
        area=area, raised_on__gte=window_start(today), raised_on__lte=today
    ).aggregate(whole=Count("pk"), part=Count("pk", filter=Q(explained_on__isnull=False)))
    return _counted(
        counts["part"],
        counts["whole"],
        _(
            "The Case Review was explained to %(part)s of %(whole)s victims who made a second "
            "report in the last 12 months (%(percent)s%%)."
        ),
        _("No victim made a second report in the last 12 months, as far as the service knows."),
    )


@evidence("actions_on_time")
def actions_on_time(area: Area, today: dt.date) -> Evidence:
    return _deadlines_on_time(area, today, [DeadlineKind.ACTION])
