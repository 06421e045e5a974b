"""The rules engine's evaluation of a case in plain English, for the decision page and the
letters explaining a decision; and the case's review (meetings, action plan) as the case page
shows it.

Both read the evaluation in its stored form (``CaseEvaluation.to_json``, kept on the case as
``threshold_result`` at decision time), so a letter explains exactly what was decided, even if a
complaint is added later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Field, Model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.areas.models import Agency
from casereview.cases.case_reads import meetings_of
from casereview.cases.models import Case, Complaint
from casereview.core.formatting import govuk_date
from casereview.reviews.models import Action as ReviewAction
from casereview.reviews.models import (
    Meeting,
    PanelMember,
    Recommendation,
    VictimComment,
    VictimVoice,
)
from casereview.reviews.services import Chair, chair_warnings
from casereview.rules import LocalPolicy, Reason, policy_from_dict


@dataclass(frozen=True)
class ComplaintVerdict:
    """One complaint as the decision saw it."""

    complaint: Complaint
    number: int  # its position in the case's list of complaints, from 1
    confirmed: bool
    evaluated: bool  # False for a complaint no agency had confirmed: the engine did not weigh it
    qualifying: bool
    counts: bool
    verdict: str  # a few words: "Counts", "Does not count", "Same occasion as complaint 2"...
    reasons: tuple[str, ...]  # full sentences


def report_window(policy: LocalPolicy) -> str:
    """How long the policy allows for reporting the behaviour ("30 days", "1 month"), translated."""
    window = policy.report_within
    if window.months is not None:
        return ngettext("%(count)s month", "%(count)s months", window.months) % {
            "count": window.months
        }
    days = window.days or 0
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


def _day(value: str) -> str:
    return govuk_date(date.fromisoformat(value))


def reason_sentence(
    reason: str,
    complaint: Complaint,
    outcome: Mapping[str, Any],
    case: Case,
    same_as_number: int | None = None,
) -> str:
    """Why ``complaint`` does not count, as one sentence a victim can follow."""
    policy = policy_from_dict(case.policy.rules)
    if reason == Reason.REPORTED_LATE:
        return _(
            "It was reported on %(reported)s, more than %(window)s after the behaviour on "
            "%(behaviour)s; to count it had to be reported by %(report_by)s."
        ) % {
            "reported": govuk_date(complaint.reported_on),
            "window": report_window(policy),
            "behaviour": govuk_date(complaint.behaviour_on),
            "report_by": _day(outcome["report_by"]),
        }
    if reason == Reason.TOO_OLD:
        return _(
            "The application on %(applied)s came more than %(months)s months after this report; "
            "it could be relied on in an application made by %(apply_by)s."
        ) % {
            "applied": govuk_date(case.received_on),
            "months": policy.application_within_months,
            "apply_by": _day(outcome["apply_by"]),
        }
    if reason == Reason.DIARY_SHEET:
        return _("It is a diary sheet, which the local policy does not count as a complaint.")
    if reason == Reason.AFTER_APPLICATION:
        return _("It was reported after the application was made.")
    if reason == Reason.DUPLICATE and same_as_number is not None:
        return _(
            "It is about the same occasion as complaint %(number)s (the same incident, or the "
            "same day), and one occasion counts once however many agencies were told."
        ) % {"number": same_as_number}
    if reason == Reason.DUPLICATE:
        return _(
            "It is about the same occasion as another complaint (the same incident, or the same "
            "day), and one occasion counts once however many agencies were told."
        )
    return _("It does not meet the local policy.")


def complaint_verdicts(case: Case, result: Mapping[str, Any]) -> list[ComplaintVerdict]:
    """Every complaint of ``case`` with what ``result`` (a stored evaluation) said of it."""
    complaints = list(case.complaints.select_related("agency").order_by("reported_on", "pk"))
    numbers = {str(c.pk): position for position, c in enumerate(complaints, start=1)}
    outcomes = {str(o["id"]): o for o in result.get("complaints", [])}
    verdicts = []
    for complaint in complaints:
        outcome = outcomes.get(str(complaint.pk))
        number = numbers[str(complaint.pk)]
        if outcome is None:
            verdicts.append(
                ComplaintVerdict(
                    complaint=complaint,
                    number=number,
                    confirmed=complaint.is_confirmed,
                    evaluated=False,
                    qualifying=False,
                    counts=False,
                    verdict=_("Not confirmed by the agency"),
                    reasons=(
                        _(
                            "No relevant body has confirmed this complaint from its records, so "
                            "it was not counted."
                        ),
                    ),
                )
            )
            continue
        same_as = outcome.get("same_as")
        same_as_number = numbers.get(str(same_as)) if same_as else None
        reasons = tuple(
            reason_sentence(reason, complaint, outcome, case, same_as_number)
            for reason in outcome["reasons"]
        )
        counts = bool(outcome["counted"] and outcome["qualifying"])
        if counts:
            verdict = _("Counts")
        elif outcome["qualifying"] and same_as_number is not None:
            verdict = _("Same occasion as complaint %(number)s") % {"number": same_as_number}
        else:
            verdict = _("Does not count")
        verdicts.append(
            ComplaintVerdict(
                complaint=complaint,
                number=number,
                confirmed=complaint.is_confirmed,
                evaluated=True,
                qualifying=bool(outcome["qualifying"]),
                counts=counts,
                verdict=verdict,
                reasons=reasons,
            )
        )
    return verdicts


def result_summary(result: Mapping[str, Any]) -> str:
    """One sentence: how many complaints counted against which threshold, and so the outcome."""
    count = int(result["qualifying_count"])
    threshold = int(result["threshold"])
    counted = ngettext(
        "%(count)s complaint counts",
        "%(count)s complaints count",
        count,
    ) % {"count": count}
    if result["threshold_met"]:
        return _("%(counted)s towards a threshold of %(threshold)s: the threshold is met.") % {
            "counted": counted,
            "threshold": threshold,
        }
    return _("%(counted)s towards a threshold of %(threshold)s: the threshold is not met.") % {
        "counted": counted,
        "threshold": threshold,
    }


# --- The review and appeals on the case page ----------------------------------------------------


@dataclass(frozen=True)
class MeetingView:
    """One review meeting of a case as the case page shows it (staff only). The proportionality
    assessment (``Meeting.RESTRICTED_FIELDS``) is deliberately left out: the case page shows
    restricted data only in its RESTRICTED section."""

    meeting: Meeting
    chair_warnings: tuple[str, ...]
    panel: tuple[PanelMember, ...]
    recommendations: tuple[Recommendation, ...]
    actions: tuple[ReviewAction, ...]
    comments: tuple[VictimComment, ...]
    plan_state: str

    @property
    def number(self) -> int:
        return self.meeting.number


def plan_state(meeting: Meeting) -> str:
    """Where the meeting's action plan stands: draft, shared for comment, or final."""
    if meeting.plan_finalised_on is not None:
        return _("Final since %(day)s") % {"day": govuk_date(meeting.plan_finalised_on)}
    if meeting.plan_shared_on is not None and meeting.comment_until is not None:
        return _("Draft, shared with the victim for comment until %(day)s") % {
            "day": govuk_date(meeting.comment_until)
        }
    return _("Draft")


def meeting_chair_warnings(case: Case, meeting: Meeting) -> tuple[str, ...]:
    """The warnings about the meeting's chair (an agency that handled the case, or not
    independent), as they were given when it was arranged, read again from the meeting."""
    chair = Chair(
        name=meeting.chair_name,
        organisation=meeting.chair_organisation,
        email=meeting.chair_email,
        agency=meeting.chair_agency,
        independent=meeting.chair_independent,
    )
    return tuple(chair_warnings(case, chair))


def meeting_views(case: Case) -> list[MeetingView]:
    """The case's review meetings, the latest first, with their panel, recommendations, action
    plan (every action, including those the victim may not see) and the victim's comments."""
    return [
        MeetingView(
            meeting=meeting,
            chair_warnings=meeting_chair_warnings(case, meeting),
            panel=tuple(panel),
            recommendations=tuple(recommendations),
            actions=tuple(actions),
            comments=tuple(comments),
            plan_state=plan_state(meeting),
        )
        for meeting, panel, recommendations, actions, comments in meetings_of(case)
    ]


def choice_labels(model: type[Model], field: str) -> dict[Any, str]:
    """The labels of a field's choices in the active language, by value: what
    ``get_<field>_display()`` gives, read once for a page's rows. Django's method builds the
    dictionary of choices again on every call, translating every label to hash it, which on a
    case with many letters was several hundred translations a page."""
    choices = model._meta.get_field(field)
    assert isinstance(choices, Field)
    return {value: str(label) for value, label in choices.flatchoices}


def victim_voice_of(case: Case) -> VictimVoice | None:
    """The victim's choice of how they are heard at the review, if it has been recorded."""
    try:
        return case.victim_voice
    except VictimVoice.DoesNotExist:
        return None


def lead_agency(case: Case) -> Agency:
    """The agency leading on the case: the one chosen after the review, or the council."""
    return case.lead_agency or case.area.council
