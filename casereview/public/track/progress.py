"""A case's progress in plain language, for the tracking page and the progress e-mails.

``progress_of(case)`` gathers what the victim (or the person who applied for them) may know and
turns it into plain values: where the case stands, the steps done and to come, what happens next
and by when, the decision, the meeting, the actions they may see, appeals and letters. The
template receives only these values, never the case itself, so restricted data (the people
alleged responsible, the proportionality assessment, actions kept from the victim) cannot reach
the page by a slip in a template.

Free text written by staff (reasons, outcome, recommendations) is shown as the victim's letters
show it, with one more safeguard: a text that contains restricted data is left out and the
victim is pointed to their letter instead (``_Guard``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casereview.appeals.models import Appeal, AppealStatus, Ground, Outcome
from casereview.areas.models import Area
from casereview.cases.models import Case, DeadlineKind, DecisionRoute
from casereview.cases.workflow import FINAL_STATUSES, Status, Step
from casereview.core.formatting import govuk_date
from casereview.letters.models import LetterKind
from casereview.letters.services import restricted_field_shown, restricted_values
from casereview.public.track import selectors
from casereview.reviews.models import ActionStatus

logger = logging.getLogger(__name__)


# --- Where the case stands ----------------------------------------------------------------------

# Every status, as a heading and a short explanation for the person who applied.
STATUS_TEXT: Mapping[str, tuple[Promise, Promise]] = {
    Status.RECEIVED: (
        _("Your application has been received"),
        _(
            "The council has your application. It will acknowledge it and then ask the "
            "organisations involved what they know about the anti-social behaviour."
        ),
    ),
    Status.NOT_SUITABLE: (
        _("A case review is not suitable for this application"),
        _(
            "The council decided that an ASB Case Review is not the right way to deal with what "
            "you told them. Their letter explains why and where you can go instead."
        ),
    ),
    Status.DECLINED: (
        _("Your application has been declined"),
        _(
            "The council declined this application because it repeats an earlier one without a "
            "change in what is happening. Their letter explains why."
        ),
    ),
    Status.ACKNOWLEDGED: (
        _("Your application has been acknowledged"),
        _(
            "The council has acknowledged your application. Next it will ask the organisations "
            "involved, such as the police and your landlord, for their records of your "
            "complaints."
        ),
    ),
    Status.GATHERING_INFORMATION: (
        _("The council is gathering information"),
        _(
            "The council has asked the organisations involved for their records of the "
            "complaints you made. It will then decide whether your case meets the threshold "
            "for a review."
        ),
    ),
    Status.THRESHOLD_MET: (
        _("Your case meets the threshold for a review"),
        _(
            "The organisations involved will meet to review how they have dealt with the "
            "anti-social behaviour and agree what to do next. You can choose how you want to "
            "be heard at the meeting."
        ),
    ),
    Status.THRESHOLD_NOT_MET: (
        _("Your case does not meet the threshold for a review"),
        _(
            "The council decided that your case does not meet the threshold for an ASB Case "
            "Review. If you disagree, you can ask for the decision to be reviewed."
        ),
    ),
    Status.MEETING_SCHEDULED: (
        _("A review meeting has been arranged"),
        _(
            "A panel of the organisations involved will look at how your complaints were dealt "
            "with and agree what should happen next."
        ),
    ),
    Status.MEETING_HELD: (
        _("The review meeting has taken place"),
        _(
            "The council will tell you the outcome of the review and send you the draft action "
            "plan."
        ),
    ),
    Status.CONSULTING_VICTIM: (
        _("The draft action plan has been sent to you"),
        _(
            "You have been sent the outcome of the review and a draft action plan. You can "
            "comment on the plan before it is made final."
        ),
    ),
    Status.MONITORING: (
        _("The action plan is being carried out"),
        _(
            "The action plan is final. The organisations are carrying out their actions and "
            "the council checks that they are done."
        ),
    ),
    Status.WITHDRAWN: (
        _("This application has been withdrawn"),
        _(
            "No more work will be done on it. You can apply again if the anti-social behaviour "
            "carries on."
        ),
    ),
    Status.CLOSED: (
        _("This case review is closed"),
        _("The council has closed the case review. Their letter explains why."),
    ),
}


class State(StrEnum):
    DONE = "done"
    CURRENT = "current"
    TO_COME = "to_come"
    NOT_NEEDED = "not_needed"


STATE_TEXT: Mapping[State, Promise] = {
    State.DONE: _("Done"),
    State.CURRENT: _("In progress"),
    State.TO_COME: _("To come"),
    State.NOT_NEEDED: _("Not needed"),
}

STAGE_TITLES: tuple[Promise, ...] = (
    _("Application received"),
    _("Application acknowledged"),
    _("Information gathered from the organisations involved"),
    _("Decision on the threshold for a review"),
    _("Review meeting"),
    _("Outcome and action plan"),
    _("Actions carried out and checked"),
    _("Case closed"),
)
RECEIVED, ACKNOWLEDGED, INFORMATION, DECISION, MEETING, OUTCOME, MONITORING, CLOSED = range(8)

_D, _C, _T, _N = State.DONE, State.CURRENT, State.TO_COME, State.NOT_NEEDED

# The stages of a case in each open status, in STAGE_TITLES order.
OPEN_STAGES: Mapping[str, tuple[State, ...]] = {
    Status.RECEIVED: (_D, _C, _T, _T, _T, _T, _T, _T),
    Status.ACKNOWLEDGED: (_D, _D, _C, _T, _T, _T, _T, _T),
    Status.GATHERING_INFORMATION: (_D, _D, _C, _T, _T, _T, _T, _T),
    Status.THRESHOLD_MET: (_D, _D, _D, _D, _C, _T, _T, _T),
    Status.THRESHOLD_NOT_MET: (_D, _D, _D, _D, _N, _N, _N, _T),
    Status.MEETING_SCHEDULED: (_D, _D, _D, _D, _C, _T, _T, _T),
    Status.MEETING_HELD: (_D, _D, _D, _D, _D, _C, _T, _T),
    Status.CONSULTING_VICTIM: (_D, _D, _D, _D, _D, _C, _T, _T),
    Status.MONITORING: (_D, _D, _D, _D, _D, _D, _C, _T),
}


@dataclass(frozen=True)
class Stage:
    title: str
    state: State
    state_text: str
    hint: str = ""


def stage_states(status: str, *, ended_from: str = "", information_requested: bool) -> list[State]:
    """Each stage's state for a case in ``status``. An ended case (``FINAL_STATUSES``) is shown
    as it stood when it ended (``ended_from``, the status before the ending step): what was done
    stays done, closing was the last stage, and nothing else is needed any more."""
    if status in FINAL_STATUSES:
        before = OPEN_STAGES.get(ended_from)
        if before is None or status in (Status.NOT_SUITABLE, Status.DECLINED):
            states = [_D] + [_N] * (len(STAGE_TITLES) - 1)
        else:
            # Closing a monitored case completes its monitoring; anything else unfinished
            # stopped when the case ended.
            monitored = status == Status.CLOSED and before[MONITORING] == _C
            states = [_D if state == _D else _N for state in before]
            if monitored:
                states[MONITORING] = _D
        states[CLOSED] = _D
    else:
        states = list(OPEN_STAGES[status])
    decided = states[DECISION] == _D
    if decided and not information_requested:
        # A senior manager's decision (or a partner's referral) needs no information requests.
        states[INFORMATION] = _N
    return states


def _stage_hint(case: Case, index: int, state: State) -> str:
    if index == RECEIVED:
        return gettext("On %(date)s") % {"date": govuk_date(case.received_on)}
    if index == ACKNOWLEDGED and case.acknowledged_on and state == _D:
        return gettext("On %(date)s") % {"date": govuk_date(case.acknowledged_on)}
    if index == DECISION and case.decided_on and state == _D:
        return gettext("On %(date)s") % {"date": govuk_date(case.decided_on)}
    if index == CLOSED and case.ended_on and state == _D:
        return gettext("On %(date)s") % {"date": govuk_date(case.ended_on)}
    return ""


def stages_of(case: Case) -> list[Stage]:
    ending = selectors.ending_event(case) if case.status in FINAL_STATUSES else None
    states = stage_states(
        case.status,
        ended_from=ending.from_status if ending is not None else "",
        information_requested=selectors.information_was_requested(case),
    )
    titles = list(STAGE_TITLES)
    if case.status == Status.WITHDRAWN:
        titles[CLOSED] = _("Application withdrawn")
    return [
        Stage(
            title=str(title),
            state=state,
            state_text=str(STATE_TEXT[state]),
            hint=_stage_hint(case, index, state),
        )
        for index, (title, state) in enumerate(zip(titles, states, strict=True))
    ]


# --- What happens next --------------------------------------------------------------------------

NEXT_STEP_TEXT: Mapping[str, Promise] = {
    DeadlineKind.ACKNOWLEDGE: _("The council will acknowledge your application by %(date)s."),
    DeadlineKind.DECISION: _(
        "The council will decide whether your case meets the threshold for a review by %(date)s."
    ),
    DeadlineKind.REDECISION: _(
        "After your appeal, the council will decide again whether your case meets the "
        "threshold for a review by %(date)s."
    ),
    DeadlineKind.VICTIM_CONTACT: _(
        "Your contact at the council will phone you by %(date)s to explain the review and ask "
        "how you want to be heard."
    ),
    DeadlineKind.OUTCOME: _(
        "The council will tell you the outcome of the review meeting by %(date)s."
    ),
    DeadlineKind.VICTIM_COMMENT: _("You can comment on the draft action plan until %(date)s."),
    DeadlineKind.APPEAL_HEARING: _("Your appeal will be heard by %(date)s."),
    DeadlineKind.APPEAL_OUTCOME: _(
        "The council will tell you the outcome of your appeal by %(date)s."
    ),
}


@dataclass(frozen=True)
class NextStep:
    text: str
    due_on: date
    # A duty of the council whose date has passed.
    late: bool = False


def next_steps(case: Case, today: date) -> list[NextStep]:
    steps: list[NextStep] = []
    for deadline in selectors.victim_deadlines(case):
        text = NEXT_STEP_TEXT.get(deadline.kind)
        if text is None:
            continue
        late = today > deadline.due_on
        if late and deadline.informational:
            # The victim's own window has closed: nothing is coming.
            continue
        steps.append(
            NextStep(
                text=str(text) % {"date": govuk_date(deadline.due_on)},
                due_on=deadline.due_on,
                late=late,
            )
        )
    return steps


# --- The decision, the meeting and the plan -----------------------------------------------------


class _Guard:
    """Leaves out free text that shows restricted data of the case (the checks the victim's
    letters pass, ``casereview.letters.services.restricted_values``)."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self._values: list[tuple[str, str]] | None = None

    def __call__(self, text: str) -> str:
        if not text.strip():
            return ""
        if self._values is None:
            self._values = restricted_values(self.case)
        name = restricted_field_shown(self._values, text)
        if name is not None:
            logger.warning(
                "Text withheld from the tracking page of %s: it shows %s", self.case.reference, name
            )
            return ""
        return text.strip()


@dataclass(frozen=True)
class Decision:
    met: bool
    decided_on: date | None
    route: str
    reasons: str


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str
    due_on: date
    status: str
    finished: bool


@dataclass(frozen=True)
class RecommendationLine:
    to: str
    text: str


@dataclass(frozen=True)
class MeetingInfo:
    starts_at: datetime
    place: str
    held_on: date | None
    outcome_sent_on: date | None
    outcome: str
    plan_final: bool
    comment_until: date | None
    recommendations: tuple[RecommendationLine, ...]
    actions: tuple[ActionLine, ...]


_BEFORE_DECISION = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION})


def decision_of(case: Case, guard: _Guard) -> Decision | None:
    if case.threshold_met is None or case.status in _BEFORE_DECISION:
        return None
    route = DecisionRoute(case.decision_route).label if case.decision_route else ""
    return Decision(
        met=bool(case.threshold_met),
        decided_on=case.decided_on,
        route=str(route),
        reasons=guard(case.decision_reasons),
    )


def meeting_of(case: Case, guard: _Guard) -> MeetingInfo | None:
    meeting = selectors.latest_meeting(case)
    if meeting is None:
        return None
    told = meeting.outcome_sent_on is not None
    recommendations: tuple[RecommendationLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    if told:
        recommendations = tuple(
            RecommendationLine(to=item.addressed_to, text=text)
            for item in selectors.recommendations(meeting)
            if (text := guard(item.text))
        )
        actions = tuple(
            ActionLine(
                description=description,
                owner=action.owner.name,
                due_on=action.due_on,
                status=str(ActionStatus(action.status).label),
                finished=action.is_finished,
            )
            for action in selectors.visible_actions(meeting)
            if (description := guard(action.description))
        )
    return MeetingInfo(
        starts_at=meeting.starts_at,
        place=meeting.place,
        held_on=meeting.held_on,
        outcome_sent_on=meeting.outcome_sent_on,
        outcome=guard(meeting.outcome) if told else "",
        plan_final=meeting.plan_finalised_on is not None,
        comment_until=meeting.comment_until if told else None,
        recommendations=recommendations,
        actions=actions,
    )


# --- Appeals ------------------------------------------------------------------------------------

GROUND_TEXT: Mapping[str, Promise] = {
    Ground.THRESHOLD_DECISION: _("Your request for a review of the threshold decision"),
    Ground.REVIEW_CONDUCT: _("Your appeal about how the review was carried out"),
}

APPEAL_STATE_TEXT: Mapping[str, Promise] = {
    AppealStatus.LODGED: _("Received on %(date)s. It is waiting to be heard."),
    AppealStatus.HEARD: _("Received on %(date)s and heard. The council will send you the outcome."),
}

OUTCOME_TEXT: Mapping[str, Promise] = {
    Outcome.UPHELD: _("Received on %(date)s. It was upheld."),
    Outcome.NOT_UPHELD: _("Received on %(date)s. It was not upheld."),
}


@dataclass(frozen=True)
class AppealLine:
    title: str
    text: str
    reasons: str


def appeal_lines(appeals: Sequence[Appeal], guard: _Guard) -> list[AppealLine]:
    lines = []
    for appeal in appeals:
        received = {"date": govuk_date(appeal.received_on)}
        concluded = appeal.status == AppealStatus.CONCLUDED and appeal.outcome in OUTCOME_TEXT
        text = OUTCOME_TEXT[appeal.outcome] if concluded else APPEAL_STATE_TEXT.get(appeal.status)
        lines.append(
            AppealLine(
                title=str(GROUND_TEXT.get(appeal.ground, Ground(appeal.ground).label)),
                text=str(text or "") % received,
                # The reasons reach the victim with the outcome letter, and not before.
                reasons=guard(appeal.reasons) if concluded else "",
            )
        )
    return lines


# --- Letters ------------------------------------------------------------------------------------

LETTER_TITLES: Mapping[str, Promise] = {
    LetterKind.CT1: _("Acknowledgement of the application"),
    LetterKind.CT2: _("Acknowledgement of the application"),
    LetterKind.CT3: _("Decision: the threshold for a review is not met"),
    LetterKind.CT4: _("Decision: the threshold for a review is met"),
    LetterKind.NOT_SUITABLE: _("Why a case review is not suitable"),
    LetterKind.DECLINED: _("Repeat application declined"),
    LetterKind.CLOSURE: _("Withdrawal or closure of the case"),
    LetterKind.MEETING_INVITATION: _("Invitation to the review meeting"),
    LetterKind.OUTCOME: _("Outcome of the review and the draft action plan"),
    LetterKind.ACTION_PLAN: _("The final action plan"),
    LetterKind.APPEAL_RECEIVED: _("Appeal received"),
    LetterKind.APPEAL_OUTCOME: _("Outcome of the appeal"),
}


@dataclass(frozen=True)
class LetterLine:
    pk: int
    title: str
    sent_on: date
    to: str


def letter_lines(case: Case) -> list[LetterLine]:
    return [
        LetterLine(
            pk=letter.pk,
            title=str(LETTER_TITLES.get(letter.kind, LetterKind(letter.kind).label)),
            sent_on=timezone.localdate(letter.created_at),
            to=letter.recipient_name,
        )
        for letter in selectors.victim_letters(case)
    ]


# --- The whole page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    council: str
    email: str
    phone: str
    address: str


@dataclass(frozen=True)
class Progress:
    reference: str
    area_name: str
    area_slug: str
    received_on: date
    is_final: bool
    heading: str
    explanation: str
    signposting: str
    declined_reasons: str
    end_reason: str
    stages: tuple[Stage, ...]
    next_steps: tuple[NextStep, ...]
    decision: Decision | None
    meeting: MeetingInfo | None
    appeals: tuple[AppealLine, ...]
    letters: tuple[LetterLine, ...]
    contact: Contact


def contact_of(area: Area) -> Contact:
    return Contact(
        council=area.official_name or area.name,
        email=area.contact_email,
        phone=area.contact_phone,
        address=area.contact_address,
    )


def progress_of(case: Case, today: date | None = None) -> Progress:
    today = today or timezone.localdate()
    guard = _Guard(case)
    heading, explanation = STATUS_TEXT[case.status]
    return Progress(
        reference=case.reference,
        area_name=case.area.name,
        area_slug=case.area.slug,
        received_on=case.received_on,
        is_final=case.is_final,
        heading=str(heading),
        explanation=str(explanation),
        signposting=guard(case.signposting) if case.status == Status.NOT_SUITABLE else "",
        declined_reasons=guard(case.declined_reasons) if case.status == Status.DECLINED else "",
        end_reason=guard(case.end_reason)
        if case.status in (Status.WITHDRAWN, Status.CLOSED)
        else "",
        stages=tuple(stages_of(case)),
        next_steps=tuple(next_steps(case, today)),
        decision=decision_of(case, guard),
        meeting=meeting_of(case, guard),
        appeals=tuple(appeal_lines(selectors.appeals_of(case), guard)),
        letters=tuple(letter_lines(case)),
        contact=contact_of(case.area),
    )


# --- One sentence per step, for the progress e-mails --------------------------------------------

STEP_SENTENCES: Mapping[str, Promise] = {
    Step.ACKNOWLEDGE: _("The council has acknowledged your application."),
    Step.REQUEST_INFORMATION: _(
        "The council has asked the organisations involved for their records of your complaints."
    ),
    Step.DECIDE_THRESHOLD_MET: _(
        "The council has decided that your case meets the threshold for an ASB Case Review."
    ),
    Step.DECIDE_THRESHOLD_NOT_MET: _(
        "The council has decided that your case does not meet the threshold for an ASB Case "
        "Review. You can ask for this decision to be reviewed."
    ),
    Step.SCHEDULE_MEETING: _("A review meeting about your case has been arranged."),
    Step.RECORD_MEETING: _("The review meeting about your case has taken place."),
    Step.SEND_OUTCOME: _(
        "The council has sent you the outcome of the review and a draft action plan to comment on."
    ),
    Step.FINALISE_PLAN: _("The action plan for your case has been made final."),
    Step.CLOSE: _("Your case review has been closed."),
    Step.WITHDRAW: _("Your application has been withdrawn."),
    Step.SCREEN_OUT: _(
        "The council has decided that a case review is not suitable for your application. "
        "Their letter explains where you can go instead."
    ),
    Step.DECLINE_REPEAT: _(
        "The council has declined your application because it repeats an earlier one."
    ),
    Step.LODGE_APPEAL: _("Your appeal has been received."),
    # The outcome of an appeal reaches the victim in its letter; until then, only that it was
    # heard.
    Step.DISMISS_APPEAL: _("Your appeal has been heard. The council will send you the outcome."),
    Step.UPHOLD_APPEAL_REDECIDE: _(
        "Your appeal has been heard. The council will send you the outcome."
    ),
    Step.UPHOLD_APPEAL_RECONVENE: _(
        "Your appeal has been heard. The council will send you the outcome."
    ),
    Step.SEND_APPEAL_OUTCOME: _("The council has sent you the outcome of your appeal."),
}
