"""The steps of an appeal: lodge it, hear it, send its outcome.

An appeal against the threshold decision can be made while the case is "not met"; one against
how the review was carried out once the review meeting has been held. Either must come within
the policy's window (``review_request_days``, 28 days by default) from the letter appealed
against: the decision (CT3) or the outcome of the review. A late appeal is accepted only with a
reason recorded. One appeal of a case is open at a time.

Hearing it records the outcome and its reasons. "Not upheld" leaves the case where it is; upheld
against the threshold decision, the case goes back to have the threshold decided again; upheld
against the review, the review is reconvened with a new meeting. The outcome letter is a step of
its own (due within the policy's working days of the hearing).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.appeals.models import Appeal, AppealStatus, Ground, Outcome, ReviewerKind
from casereview.cases.models import Case
from casereview.cases.step_support import Problems, check_actor, finish, lock, today
from casereview.cases.workflow import Status, Step, ensure_allowed, transition
from casereview.core.formatting import govuk_date
from casereview.rules import calendar_for, policy_from_dict


def appeal_window(case: Case, ground: str) -> tuple[date, date] | None:
    """(the date of the letter appealed against, the last day to appeal), or None when there is
    nothing of that kind to appeal against yet."""
    times = policy_from_dict(case.policy.rules).timescales
    calendar = calendar_for(case.area.nation)
    start: date | None = None
    if ground == Ground.THRESHOLD_DECISION:
        if case.threshold_met is False and case.decided_on is not None:
            start = case.decided_on
    elif ground == Ground.REVIEW_CONDUCT:
        meeting = case.meetings.exclude(held_on=None).order_by("-number").first()
        if meeting is not None:
            start = meeting.outcome_sent_on or meeting.held_on
    if start is None:
        return None
    return start, calendar.add_calendar_days(start, times.review_request_days).due


def default_reviewer(case: Case) -> str:
    return str(policy_from_dict(case.policy.rules).appeal_reviewer.kind)


def open_appeal(case: Case) -> Appeal | None:
    return case.appeals.exclude(status=AppealStatus.CONCLUDED).order_by("-pk").first()


def appeal_lodge(
    case: Case,
    *,
    by: User | None,
    ground: str,
    received_on: date | None,
    what_the_victim_says: str = "",
    late_reason: str = "",
    reviewer_kind: str = "",
    reviewer_name: str = "",
    reviewer_organisation: str = "",
) -> Appeal:
    """Record an appeal the victim (or their applicant) made."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.LODGE_APPEAL)
        problems = Problems()
        reviewer_kind = reviewer_kind or default_reviewer(case)
        if reviewer_kind not in ReviewerKind.values:
            problems.add("reviewer_kind", _("Choose who hears the appeal."))
        window = None
        if ground not in Ground.values:
            problems.add("ground", _("Choose what the appeal is against."))
        else:
            window = appeal_window(case, ground)
            if window is None and ground == Ground.THRESHOLD_DECISION:
                problems.add(
                    "ground",
                    _("Only a decision that the threshold was not met can be appealed."),
                )
            elif window is None:
                problems.add("ground", _("The review has not been held yet."))
        if open_appeal(case) is not None:
            problems.add(
                "ground",
                _("This case already has an appeal waiting for its outcome."),
            )
        problems.day(
            "received_on",
            received_on,
            not_before=window[0] if window else case.received_on,
            not_before_what=_("the letter appealed against"),
        )
        if (
            window is not None
            and received_on is not None
            and received_on > window[1]
            and not late_reason.strip()
        ):
            problems.add(
                "late_reason",
                _(
                    "The appeal was made on %(received)s, after the window closed on %(end)s. "
                    "Give the reason for accepting it late."
                )
                % {"received": govuk_date(received_on), "end": govuk_date(window[1])},
            )
        problems.raise_if_any()
        assert window is not None
        assert received_on is not None
        appeal = Appeal.objects.create(
            case=case,
            ground=ground,
            received_on=received_on,
            window_ends_on=window[1],
            late_reason=late_reason.strip() if received_on > window[1] else "",
            what_the_victim_says=what_the_victim_says.strip(),
            reviewer_kind=reviewer_kind,
            reviewer_name=reviewer_name.strip(),
            reviewer_organisation=reviewer_organisation.strip(),
            lodged_by=by,
        )
        event = transition(
            case,
            Step.LODGE_APPEAL,
            by=by,
            note=what_the_victim_says.strip(),
            data={"appeal": appeal.pk, "ground": ground, "late": appeal.is_late},
            related_changed=True,
        )
        finish(case, event)
    return appeal


def _hearing_step(appeal: Appeal, outcome: str) -> str:
    if outcome != Outcome.UPHELD:
        return Step.DISMISS_APPEAL
    if appeal.ground == Ground.THRESHOLD_DECISION:
        return Step.UPHOLD_APPEAL_REDECIDE
    return Step.UPHOLD_APPEAL_RECONVENE


def appeal_hear(
    appeal: Appeal,
    *,
    by: User | None,
    heard_on: date | None,
    outcome: str,
    reasons: str,
    reviewer_name: str = "",
) -> Appeal:
    """Record the hearing's outcome and reasons, and what it means for the case."""
    case = appeal.case
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk, case=case)
        problems = Problems()
        if appeal.status != AppealStatus.LODGED:
            problems.add("outcome", _("This appeal has already been heard."))
        if outcome not in Outcome.values:
            problems.add("outcome", _("Choose whether the appeal is upheld."))
        problems.day(
            "heard_on",
            heard_on,
            not_before=appeal.received_on,
            not_before_what=_("the appeal"),
        )
        problems.require("reasons", reasons, _("Give the reasons for the outcome."))
        problems.raise_if_any()
        step = _hearing_step(appeal, outcome)
        ensure_allowed(case, step)
        appeal.heard_on = heard_on
        appeal.outcome = outcome
        appeal.reasons = reasons.strip()
        appeal.status = AppealStatus.HEARD
        if reviewer_name.strip():
            appeal.reviewer_name = reviewer_name.strip()
        appeal.save()
        changes: dict[str, object] = {}
        if step == Step.UPHOLD_APPEAL_REDECIDE:
            # The decision is taken again; the first one stays in the history and its date in
            # ``first_decided_on``.
            changes = {"threshold_met": None, "decided_on": None}
        event = transition(
            case,
            step,
            by=by,
            note=reasons.strip(),
            data={"appeal": appeal.pk, "outcome": outcome, "ground": appeal.ground},
            related_changed=True,
            **changes,
        )
        finish(case, event)
    return appeal


def appeal_send_outcome(appeal: Appeal, *, by: User | None, on: date | None = None) -> Appeal:
    """Send the victim the appeal's outcome, with its reasons, by letter."""
    on = on or today()
    case = appeal.case
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk, case=case)
        ensure_allowed(case, Step.SEND_APPEAL_OUTCOME)
        problems = Problems()
        if appeal.status == AppealStatus.LODGED:
            problems.add("__all__", _("Record the appeal's hearing before sending its outcome."))
        elif appeal.status == AppealStatus.CONCLUDED:
            return appeal
        problems.day("on", on, not_before=appeal.heard_on, not_before_what=_("the hearing"))
        problems.raise_if_any()
        appeal.status = AppealStatus.CONCLUDED
        appeal.outcome_sent_on = on
        appeal.save(update_fields=["status", "outcome_sent_on"])
        event = transition(
            case,
            Step.SEND_APPEAL_OUTCOME,
            by=by,
            data={"appeal": appeal.pk, "outcome": appeal.outcome},
            related_changed=True,
        )
        finish(case, event)
    return appeal


# Statuses in which an appeal can be made (``casereview.cases.workflow``), for pages.
APPEALABLE_STATUSES = frozenset(
    {Status.THRESHOLD_NOT_MET, Status.MEETING_HELD, Status.CONSULTING_VICTIM, Status.MONITORING}
)
