"""What the victim (or their applicant) can do on the tracking page now, and why not otherwise.

Whether an action is open comes from the case workflow's transition table and the services'
own windows (the comment window, the appeal windows, the one open appeal at a time), never
from a second copy of those rules: each action below only asks them. The tracking page lists
``available_actions(case)``; each action's page asks ``availability(case, name)`` again, so a
link followed after the case has moved on explains why rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.appeals.models import Ground
from casereview.cases.models import Case
from casereview.cases.workflow import Status, Step, is_allowed
from casereview.core.formatting import govuk_date
from casereview.public.victim import selectors

INVOLVEMENT = "victim_involvement"
STATEMENT = "victim_statement"
COMMENT = "victim_comment"
APPEAL = "victim_appeal"
WITHDRAW = "victim_withdraw"


@dataclass(frozen=True)
class VictimAction:
    """One thing the victim can do now, as the tracking page lists it."""

    name: str
    title: str
    description: str
    url: str
    due_on: date | None


@dataclass(frozen=True)
class Availability:
    """Whether an action is open now: when it is, the action; when not, the plain reason."""

    action: VictimAction | None
    reason: str = ""

    @property
    def is_open(self) -> bool:
        return self.action is not None


def _action(name: str, title: str, description: str, due_on: date | None) -> Availability:
    return Availability(VictimAction(name, title, description, reverse(f"public:{name}"), due_on))


def _closed(reason: str) -> Availability:
    return Availability(None, reason)


def _final_reason(case: Case) -> str | None:
    if case.status == Status.WITHDRAWN:
        return _("Your application has been withdrawn, so there is nothing more to do on it.")
    if case.status in (Status.CLOSED, Status.NOT_SUITABLE, Status.DECLINED):
        return _("Your case is closed, so there is nothing more to do on it.")
    return None


def _voice_closed_reason(case: Case) -> str:
    final = _final_reason(case)
    if final:
        return final
    if case.status in (Status.MEETING_HELD, Status.CONSULTING_VICTIM, Status.MONITORING):
        return _(
            "The review meeting has already been held, so how you are heard at it can no longer "
            "be changed."
        )
    return _(
        "You can choose how to be heard once the council has decided that your case meets the "
        "threshold for a review, and until the review meeting is held."
    )


def involvement(case: Case) -> Availability:
    if not is_allowed(Step.RECORD_VICTIM_VOICE, case.status):
        return _closed(_voice_closed_reason(case))
    meeting_on = selectors.upcoming_meeting_on(case)
    chosen = selectors.voice_now(case) is not None
    return _action(
        INVOLVEMENT,
        _("Change how you are involved in the review")
        if chosen
        else _("Choose how to be involved in the review"),
        _(
            "Go to the first part of the review meeting, give a victim impact statement, have "
            "someone speak for you, or choose not to take part. You can change your mind until "
            "the meeting."
        ),
        meeting_on,
    )


def statement(case: Case) -> Availability:
    if not is_allowed(Step.RECORD_VICTIM_VOICE, case.status):
        return _closed(_voice_closed_reason(case))
    now = selectors.voice_now(case)
    given = now is not None and now.has_statement
    return _action(
        STATEMENT,
        _("Change your victim impact statement") if given else _("Give a victim impact statement"),
        _(
            "Tell the review panel, in your own words, how the anti-social behaviour has "
            "affected you. Type it or upload a file."
        ),
        selectors.upcoming_meeting_on(case),
    )


def comment(case: Case) -> Availability:
    if not is_allowed(Step.RECORD_VICTIM_COMMENT, case.status):
        final = _final_reason(case)
        if final:
            return _closed(final)
        if case.status == Status.MONITORING:
            return _closed(_("The action plan is now final, so comments on the draft are closed."))
        return _closed(
            _(
                "You can comment on the draft action plan once the council has sent you the "
                "outcome of the review."
            )
        )
    until = selectors.comment_until(case)
    if until is not None and timezone.localdate() > until:
        return _closed(
            _(
                "The time to comment on the draft action plan ended on %(day)s. If you still "
                "want to say something about it, contact the council."
            )
            % {"day": govuk_date(until)}
        )
    return _action(
        COMMENT,
        _("Comment on the draft action plan"),
        _("Tell the council what you think of the actions agreed at the review meeting."),
        until,
    )


def _appeal_title(ground: str) -> str:
    if ground == Ground.THRESHOLD_DECISION:
        return _("Ask for a review of the decision")
    return _("Appeal against how the review was carried out")


def appeal(case: Case) -> Availability:
    final = _final_reason(case)
    if final:
        return _closed(final)
    if selectors.has_open_appeal(case):
        return _closed(
            _(
                "Your request for a review is being dealt with. You can make another request "
                "once you have been sent its outcome."
            )
        )
    windows = selectors.appeal_windows(case) if is_allowed(Step.LODGE_APPEAL, case.status) else []
    if not windows:
        return _closed(
            _(
                "You can ask for a review if the council decides that your case does not meet "
                "the threshold, or appeal against how the review was carried out once it has "
                "been held."
            )
        )
    window = windows[0]
    if timezone.localdate() <= window.ends_on:
        # The tracking page shows the last day beside it (``due_on``).
        description = (
            _("Someone who was not involved in the decision will look at it again.")
            if window.ground == Ground.THRESHOLD_DECISION
            else _("Someone who was not involved in the review will look at how it was done.")
        )
        due_on: date | None = window.ends_on
    else:
        description = _(
            "The time to ask ended on %(day)s. You can still ask, but you will need to tell "
            "us why you are asking late."
        ) % {"day": govuk_date(window.ends_on)}
        due_on = None
    return _action(APPEAL, _appeal_title(window.ground), description, due_on)


def withdraw(case: Case) -> Availability:
    if not is_allowed(Step.WITHDRAW, case.status):
        return _closed(_final_reason(case) or _("Your application cannot be withdrawn now."))
    if selectors.has_open_appeal(case):
        return _closed(
            _(
                "You cannot withdraw your application while your request for a review is "
                "waiting for its outcome. You can withdraw once the outcome has been sent to you."
            )
        )
    return _action(
        WITHDRAW,
        _("Withdraw your application"),
        _("Stop your case review. The council will write to confirm it."),
        None,
    )


CHECKS: dict[str, Callable[[Case], Availability]] = {
    INVOLVEMENT: involvement,
    STATEMENT: statement,
    COMMENT: comment,
    APPEAL: appeal,
    WITHDRAW: withdraw,
}


def availability(case: Case, name: str) -> Availability:
    return CHECKS[name](case)


def available_actions(case: Case) -> list[VictimAction]:
    """The actions open on ``case`` now, in the order the tracking page lists them."""
    found = (check(case) for check in CHECKS.values())
    return [item.action for item in found if item.action is not None]
