"""The result of the eligibility check in plain words, from the rules engine's own answer.

Which complaints count, and why each one does or does not, is decided by
``casereview.rules.evaluate_threshold`` on the area's live policy; this module only puts the
engine's reasons and dates into sentences. The one fact the engine is not asked about is whether a
complaint went to a relevant body at all (it trusts that every complaint it is given did): a
complaint made to "someone else" is left out of the evaluation and explained here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.areas.presenters import PolicyPresenter, calendar_days, months
from casereview.core.formatting import govuk_date
from casereview.public.check.answers import SOMEONE_ELSE, Answers
from casereview.public.check.selectors import CheckArea
from casereview.rules import (
    STATUTORY_MAX_THRESHOLD,
    Complaint,
    ComplaintKind,
    ComplaintOutcome,
    LocalPolicy,
    Reason,
    ThresholdResult,
    evaluate_threshold,
)


@dataclass(frozen=True)
class ComplaintLine:
    number: int
    happened: str
    reported: str
    reported_to: str
    counts: bool
    # Why it counts, or each reason it does not, as sentences.
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    met: bool
    on_service: bool
    apply_on: str
    threshold: int
    qualifying_count: int
    complaints: tuple[ComplaintLine, ...]
    # The rule in plain words: the number needed, and the windows.
    rule_lines: tuple[str, ...]
    # The local threshold set against the law's maximum.
    threshold_lines: tuple[str, ...]
    # Other ways a review can start under the policy, and local conditions, in the area's words.
    routes: tuple[str, ...]
    conditions: tuple[str, ...]

    @property
    def headline(self) -> str:
        return ngettext(
            "You have %(count)s qualifying complaint.",
            "You have %(count)s qualifying complaints.",
            self.qualifying_count,
        ) % {"count": self.qualifying_count}


def report_window(policy: LocalPolicy) -> str:
    """'one month', '2 months' or '30 days': how soon a complaint must follow the behaviour."""
    window = policy.report_within
    if window.days is not None:
        return calendar_days(window.days)
    count = window.months or 1
    return _("one month") if count == 1 else months(count)


def _rule_lines(place: CheckArea, result: ThresholdResult) -> list[str]:
    policy = place.policy
    return [
        ngettext(
            "A review can start when there is at least %(n)s qualifying complaint about the "
            "same anti-social behaviour.",
            "A review can start when there are at least %(n)s qualifying complaints about the "
            "same anti-social behaviour.",
            result.threshold,
        )
        % {"n": result.threshold},
        _(
            "A complaint qualifies when it was made to a relevant body within %(window)s of the "
            "behaviour, and the application is made within %(period)s of the complaint."
        )
        % {"window": report_window(policy), "period": months(policy.application_within_months)},
    ]


def _threshold_lines(place: CheckArea, result: ThresholdResult) -> list[str]:
    area = place.area.name
    lines = []
    if result.policy_threshold > STATUTORY_MAX_THRESHOLD:
        lines.append(
            _(
                "The policy of %(area)s asks for %(asked)s complaints, but the law allows no more "
                "than %(max)s, so %(max)s is used."
            )
            % {"area": area, "asked": result.policy_threshold, "max": STATUTORY_MAX_THRESHOLD}
        )
    if not place.on_service:
        lines.append(
            _(
                "The law allows a threshold of no more than %(max)s qualifying complaints. "
                "%(area)s may have set a lower number: ask the council for its own rules."
            )
            % {"area": area, "max": STATUTORY_MAX_THRESHOLD}
        )
    elif result.threshold < STATUTORY_MAX_THRESHOLD:
        lines.append(
            _("The threshold in %(area)s is %(n)s, lower than the %(max)s the law allows at most.")
            % {"area": area, "n": result.threshold, "max": STATUTORY_MAX_THRESHOLD}
        )
    else:
        lines.append(
            _(
                "The threshold in %(area)s is %(max)s, the most the law allows. Some councils "
                "set a lower number."
            )
            % {"area": area, "max": STATUTORY_MAX_THRESHOLD}
        )
    return lines


def _reason(reason: Reason, outcome: ComplaintOutcome, place: CheckArea) -> str:
    policy = place.policy
    if reason is Reason.REPORTED_LATE:
        return _(
            "It was reported more than %(window)s after it happened. To count, it needed to be "
            "reported by %(date)s."
        ) % {"window": report_window(policy), "date": govuk_date(outcome.report_by)}
    if reason is Reason.TOO_OLD:
        return _(
            "It was reported more than %(period)s before the date you plan to apply. To count, "
            "the application needed to be made by %(date)s."
        ) % {
            "period": months(policy.application_within_months),
            "date": govuk_date(outcome.apply_by),
        }
    if reason is Reason.DIARY_SHEET:
        return _(
            "It was a diary sheet, and the policy of %(area)s does not count diary sheets."
        ) % {"area": place.area.name}
    if reason is Reason.DUPLICATE:
        # Complaint ids are the complaints' numbers on the page (see ``explain``).
        return _(
            "It is about the same occasion as complaint %(other)s. Complaints about one occasion "
            "count once, however many times or to however many bodies it was reported."
        ) % {"other": outcome.same_as or ""}
    return _("It was reported after the date you plan to apply.")


def _line_for_outcome(outcome: ComplaintOutcome, place: CheckArea) -> tuple[bool, tuple[str, ...]]:
    counts = outcome.counted and outcome.qualifying
    if counts:
        return True, (
            _(
                "It counts: it was made to a relevant body within %(window)s of the behaviour, "
                "and you plan to apply within %(period)s of it."
            )
            % {
                "window": report_window(place.policy),
                "period": months(place.policy.application_within_months),
            },
        )
    return False, tuple(_reason(reason, outcome, place) for reason in outcome.reasons)


def explain(place: CheckArea, answers: Answers, apply_on: dt.date) -> Explanation:
    """The check's result for these answers, if the application were made on ``apply_on``."""
    to_bodies = [
        Complaint(
            id=str(number),
            behaviour_date=item.happened,
            reported_date=item.reported,
            agency=item.body,
            kind=ComplaintKind.DIARY_SHEET if item.diary_sheet else ComplaintKind.COMPLAINT,
        )
        for number, item in enumerate(answers.complaints, start=1)
        if item.body != SOMEONE_ELSE
    ]
    result = evaluate_threshold(apply_on, to_bodies, place.policy)
    outcomes = {outcome.id: outcome for outcome in result.complaints}

    lines = []
    for number, item in enumerate(answers.complaints, start=1):
        outcome = outcomes.get(str(number))
        if outcome is None:
            counts = False
            reasons: tuple[str, ...] = (
                _(
                    "It was made to someone who is not one of the relevant bodies for %(area)s. "
                    "Only complaints to a relevant body count."
                )
                % {"area": place.area.name},
            )
            reported_to = _("Someone else")
        else:
            counts, reasons = _line_for_outcome(outcome, place)
            reported_to = place.body_name(item.body) or ""
        lines.append(
            ComplaintLine(
                number=number,
                happened=govuk_date(item.happened),
                reported=govuk_date(item.reported),
                reported_to=reported_to,
                counts=counts,
                reasons=reasons,
            )
        )

    presenter = PolicyPresenter(place.policy)
    return Explanation(
        met=result.threshold_met,
        on_service=place.on_service,
        apply_on=govuk_date(apply_on),
        threshold=result.threshold,
        qualifying_count=result.qualifying_count,
        complaints=tuple(lines),
        rule_lines=tuple(_rule_lines(place, result)),
        threshold_lines=tuple(_threshold_lines(place, result)),
        routes=tuple(presenter.routes()) if place.on_service else (),
        conditions=tuple(presenter.conditions()) if place.on_service else (),
    )
