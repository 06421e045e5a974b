"""The case workflow as data: the statuses, the steps, and one table saying which step may be
taken from which status and where it leads.

::

                 receive
                    |
                    v
     +-------- received --------+---------------------------+
     |  screen_out  |           | decline_repeat            |
     v              |           v                           |
  not_suitable      |        declined                       |
                    | acknowledge                           |
                    v                                       |
              acknowledged                                  |
                    | request_information                   |  withdraw (from any
                    v                                       |  status that is not
          gathering_information <-----------------------+   |  final)
                    |                                   |   v
       +------------+-------------+                     |  withdrawn
       | decide_threshold_met     | decide_threshold_not_met
       v                          v                     |
  threshold_met <---------+  threshold_not_met ---------+ uphold_appeal_redecide
       | schedule_meeting |        |
       v                  |        | close
  meeting_scheduled       |        v
       | record_meeting   |      closed
       v                  |
  meeting_held -----------+ uphold_appeal_reconvene (from here and the next two)
       | send_outcome (outcome and draft action plan to the victim, for comment)
       v
  consulting_victim
       | finalise_plan (once the victim's comment window has ended, or they have commented)
       v
  monitoring
       | close (every action done, or a reason given)
       v
    closed

A decision may also be taken straight from ``acknowledged`` (a senior manager's decision for a
vulnerable victim needs no information requests). Final statuses (``not_suitable``, ``declined``,
``withdrawn``, ``closed``) accept no further step. Steps that record something without moving the
case (a partner's response, a complaint added, the SPOC changed, the victim's voice, an appeal
lodged or not upheld, an action updated) have the statuses they are allowed in and no target:
they write an event only.

An appeal (``casereview.appeals``) runs beside the case: lodging one and dismissing one leave the
case where it is; upholding one against the threshold decision sends the case back to have the
threshold decided again, and upholding one against how the review was carried out sends it back
to have the review meeting reconvened.

``transition`` is the only code that changes ``Case.status``. The service functions in
``casereview.cases.services`` call it inside their transaction, after locking the case row.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from casereview.accounts.models import User
    from casereview.cases.models import Case, CaseEvent


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    NOT_SUITABLE = "not_suitable", _("Not suitable")
    DECLINED = "declined", _("Declined as a repeat")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    GATHERING_INFORMATION = "gathering_information", _("Gathering information")
    THRESHOLD_MET = "threshold_met", _("Threshold met")
    THRESHOLD_NOT_MET = "threshold_not_met", _("Threshold not met")
    MEETING_SCHEDULED = "meeting_scheduled", _("Review meeting arranged")
    MEETING_HELD = "meeting_held", _("Review meeting held")
    CONSULTING_VICTIM = "consulting_victim", _("Victim consulted on the action plan")
    MONITORING = "monitoring", _("Actions monitored")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


# The status of a case that has not been received yet: only ``receive`` starts from it.
NOT_YET_RECEIVED = ""

FINAL_STATUSES: frozenset[str] = frozenset(
    {Status.NOT_SUITABLE, Status.DECLINED, Status.WITHDRAWN, Status.CLOSED}
)
OPEN_STATUSES: frozenset[str] = frozenset(Status.values) - FINAL_STATUSES


class Step(models.TextChoices):
    RECEIVE = "receive", _("Application received")
    SCREEN_OUT = "screen_out", _("Screened out as not suitable")
    DECLINE_REPEAT = "decline_repeat", _("Repeat application declined")
    ACKNOWLEDGE = "acknowledge", _("Acknowledged")
    ASSIGN_SPOC = "assign_spoc", _("Single point of contact assigned")
    ADD_COMPLAINT = "add_complaint", _("Complaint added")
    REQUEST_INFORMATION = "request_information", _("Information requested from relevant bodies")
    RECORD_RESPONSE = "record_response", _("Information response recorded")
    DECIDE_THRESHOLD_MET = "decide_threshold_met", _("Decided: threshold met")
    DECIDE_THRESHOLD_NOT_MET = "decide_threshold_not_met", _("Decided: threshold not met")
    RECORD_VICTIM_CONTACT = "record_victim_contact", _("Victim contacted after the decision")
    RECORD_VICTIM_VOICE = "record_victim_voice", _("Victim's voice at the review recorded")
    SCHEDULE_MEETING = "schedule_meeting", _("Review meeting arranged")
    RECORD_MEETING = "record_meeting", _("Review meeting recorded")
    SEND_OUTCOME = "send_outcome", _("Outcome and draft action plan sent to the victim")
    CIRCULATE_MINUTES = "circulate_minutes", _("Minutes and action plan sent to the panel")
    RECORD_VICTIM_COMMENT = "record_victim_comment", _("Victim's comment on the action plan")
    FINALISE_PLAN = "finalise_plan", _("Action plan made final")
    UPDATE_ACTION = "update_action", _("Action updated")
    CHANGE_LEAD_AGENCY = "change_lead_agency", _("Lead agency changed")
    LODGE_APPEAL = "lodge_appeal", _("Appeal received")
    DISMISS_APPEAL = "dismiss_appeal", _("Appeal not upheld")
    UPHOLD_APPEAL_REDECIDE = (
        "uphold_appeal_redecide",
        _("Appeal upheld: the threshold to be decided again"),
    )
    UPHOLD_APPEAL_RECONVENE = (
        "uphold_appeal_reconvene",
        _("Appeal upheld: the review to be reconvened"),
    )
    SEND_APPEAL_OUTCOME = "send_appeal_outcome", _("Appeal outcome sent to the victim")
    WITHDRAW = "withdraw", _("Withdrawn")
    CLOSE = "close", _("Closed")


@dataclass(frozen=True)
class Transition:
    """Where a step may be taken (``sources``) and the status it leads to (None: unchanged)."""

    sources: frozenset[str]
    target: str | None


def _from(*statuses: str) -> frozenset[str]:
    return frozenset(statuses)


_BEFORE_DECISION = _from(Status.RECEIVED, Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION)
_DECIDED = _from(Status.THRESHOLD_MET, Status.THRESHOLD_NOT_MET)
_BEFORE_MEETING = _from(Status.THRESHOLD_MET, Status.MEETING_SCHEDULED)
_AFTER_MEETING = _from(Status.MEETING_HELD, Status.CONSULTING_VICTIM, Status.MONITORING)
# Where an appeal can be made: against a "not met" decision, or against how the review was
# carried out once it has been held.
_APPEALABLE = _from(Status.THRESHOLD_NOT_MET) | _AFTER_MEETING

TRANSITIONS: Mapping[str, Transition] = {
    Step.RECEIVE: Transition(_from(NOT_YET_RECEIVED), Status.RECEIVED),
    Step.SCREEN_OUT: Transition(_from(Status.RECEIVED), Status.NOT_SUITABLE),
    Step.DECLINE_REPEAT: Transition(_from(Status.RECEIVED), Status.DECLINED),
    Step.ACKNOWLEDGE: Transition(_from(Status.RECEIVED), Status.ACKNOWLEDGED),
    Step.ASSIGN_SPOC: Transition(OPEN_STATUSES, None),
    Step.ADD_COMPLAINT: Transition(_BEFORE_DECISION, None),
    Step.REQUEST_INFORMATION: Transition(
        _from(Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION), Status.GATHERING_INFORMATION
    ),
    # Late responses are still recorded after the decision: they belong to the review.
    Step.RECORD_RESPONSE: Transition(
        _from(Status.GATHERING_INFORMATION, Status.MEETING_SCHEDULED) | _DECIDED, None
    ),
    Step.DECIDE_THRESHOLD_MET: Transition(
        _from(Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION), Status.THRESHOLD_MET
    ),
    Step.DECIDE_THRESHOLD_NOT_MET: Transition(
        _from(Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION), Status.THRESHOLD_NOT_MET
    ),
    Step.RECORD_VICTIM_CONTACT: Transition(_from(Status.THRESHOLD_MET), None),
    # The victim may change their mind about how they are heard until the meeting is held.
    Step.RECORD_VICTIM_VOICE: Transition(_BEFORE_MEETING, None),
    # Arranging it again (a new date, a changed panel) keeps the case where it is.
    Step.SCHEDULE_MEETING: Transition(_BEFORE_MEETING, Status.MEETING_SCHEDULED),
    # The record can be corrected until the outcome has gone to the victim.
    Step.RECORD_MEETING: Transition(
        _from(Status.MEETING_SCHEDULED, Status.MEETING_HELD), Status.MEETING_HELD
    ),
    Step.SEND_OUTCOME: Transition(_from(Status.MEETING_HELD), Status.CONSULTING_VICTIM),
    Step.CIRCULATE_MINUTES: Transition(_AFTER_MEETING, None),
    Step.RECORD_VICTIM_COMMENT: Transition(_from(Status.CONSULTING_VICTIM), None),
    Step.FINALISE_PLAN: Transition(_from(Status.CONSULTING_VICTIM), Status.MONITORING),
    Step.UPDATE_ACTION: Transition(_AFTER_MEETING, None),
    Step.CHANGE_LEAD_AGENCY: Transition(_AFTER_MEETING, None),
    Step.LODGE_APPEAL: Transition(_APPEALABLE, None),
    Step.DISMISS_APPEAL: Transition(_APPEALABLE, None),
    Step.UPHOLD_APPEAL_REDECIDE: Transition(
        _from(Status.THRESHOLD_NOT_MET), Status.GATHERING_INFORMATION
    ),
    Step.UPHOLD_APPEAL_RECONVENE: Transition(_AFTER_MEETING, Status.THRESHOLD_MET),
    # The outcome letter goes wherever the appeal has left the case.
    Step.SEND_APPEAL_OUTCOME: Transition(OPEN_STATUSES, None),
    Step.WITHDRAW: Transition(OPEN_STATUSES, Status.WITHDRAWN),
    Step.CLOSE: Transition(_DECIDED | _from(Status.MONITORING), Status.CLOSED),
}

# "A case that is <status phrase> cannot <step phrase>." Both read as plain English.
_STATUS_PHRASE: Mapping[str, Promise] = {
    NOT_YET_RECEIVED: _("not yet received"),
    Status.RECEIVED: _("newly received"),
    Status.NOT_SUITABLE: _("not suitable for a review"),
    Status.DECLINED: _("declined as a repeat application"),
    Status.ACKNOWLEDGED: _("acknowledged"),
    Status.GATHERING_INFORMATION: _("gathering information"),
    Status.THRESHOLD_MET: _("decided as meeting the threshold"),
    Status.THRESHOLD_NOT_MET: _("decided as not meeting the threshold"),
    Status.MEETING_SCHEDULED: _("waiting for its review meeting"),
    Status.MEETING_HELD: _("reviewed at a meeting whose outcome has not been sent"),
    Status.CONSULTING_VICTIM: _("waiting for the victim's comments on the action plan"),
    Status.MONITORING: _("having its action plan monitored"),
    Status.WITHDRAWN: _("withdrawn"),
    Status.CLOSED: _("closed"),
}

_STEP_PHRASE: Mapping[str, Promise] = {
    Step.RECEIVE: _("be received again"),
    Step.SCREEN_OUT: _("be screened out as not suitable"),
    Step.DECLINE_REPEAT: _("be declined as a repeat application"),
    Step.ACKNOWLEDGE: _("be acknowledged"),
    Step.ASSIGN_SPOC: _("have its single point of contact changed"),
    Step.ADD_COMPLAINT: _("have complaints added"),
    Step.REQUEST_INFORMATION: _("have information requested from relevant bodies"),
    Step.RECORD_RESPONSE: _("have an information response recorded"),
    Step.DECIDE_THRESHOLD_MET: _("be decided as meeting the threshold"),
    Step.DECIDE_THRESHOLD_NOT_MET: _("be decided as not meeting the threshold"),
    Step.RECORD_VICTIM_CONTACT: _("have a call to the victim recorded"),
    Step.RECORD_VICTIM_VOICE: _("have the victim's choice for the review meeting recorded"),
    Step.SCHEDULE_MEETING: _("have a review meeting arranged"),
    Step.RECORD_MEETING: _("have a review meeting recorded"),
    Step.SEND_OUTCOME: _("have the outcome of the review sent"),
    Step.CIRCULATE_MINUTES: _("have minutes sent to the panel"),
    Step.RECORD_VICTIM_COMMENT: _("have the victim's comment on the action plan recorded"),
    Step.FINALISE_PLAN: _("have its action plan made final"),
    Step.UPDATE_ACTION: _("have an action of its plan updated"),
    Step.CHANGE_LEAD_AGENCY: _("have its lead agency changed"),
    Step.LODGE_APPEAL: _("be appealed"),
    Step.DISMISS_APPEAL: _("have an appeal decided"),
    Step.UPHOLD_APPEAL_REDECIDE: _("have its threshold decision taken again"),
    Step.UPHOLD_APPEAL_RECONVENE: _("have its review meeting reconvened"),
    Step.SEND_APPEAL_OUTCOME: _("have an appeal outcome sent"),
    Step.WITHDRAW: _("be withdrawn"),
    Step.CLOSE: _("be closed"),
}


class IllegalStep(Exception):
    """A step the transition table does not allow from the case's current status."""

    def __init__(self, step: str, status: str) -> None:
        self.step = step
        self.status = status
        self.message = gettext("A case that is %(status)s cannot %(step)s.") % {
            "status": _STATUS_PHRASE[status],
            "step": _STEP_PHRASE[step],
        }
        super().__init__(self.message)


def is_allowed(step: str, status: str) -> bool:
    return status in TRANSITIONS[step].sources


def ensure_allowed(case: Case, step: str) -> None:
    """Refuse ``step`` with ``IllegalStep`` unless the table allows it from the case's status."""
    if not is_allowed(step, case.status):
        raise IllegalStep(step, case.status)


def allowed_steps(status: str) -> list[Step]:
    """The steps the table allows from ``status``, in declaration order (for pages' buttons)."""
    return [step for step in Step if status in TRANSITIONS[step].sources]


# Set while the applicant (or victim) acts for themselves through the public tracking page, with
# no staff account: the events written then say so (``data["by_applicant"]``).
_by_applicant: ContextVar[bool] = ContextVar("by_applicant", default=False)


@contextmanager
def by_applicant() -> Iterator[None]:
    """Steps taken inside this block are recorded as the applicant's own, made online."""
    token = _by_applicant.set(True)
    try:
        yield
    finally:
        _by_applicant.reset(token)


# Steps taken by an agency's system through the partner API, with one of its keys: there is no
# person to name, so the events say which agency and which key (``data["via_api"]``).
_via_api: ContextVar[dict[str, str] | None] = ContextVar("via_api", default=None)


@contextmanager
def via_api(agency_code: str, agency_name: str, key_prefix: str) -> Iterator[None]:
    """Steps taken inside this block are recorded as made by the agency's system through the
    API with the key starting ``key_prefix``."""
    token = _via_api.set({"agency": agency_code, "agency_name": agency_name, "key": key_prefix})
    try:
        yield
    finally:
        _via_api.reset(token)


def _acting_marks() -> dict[str, Any]:
    marks: dict[str, Any] = {}
    if _by_applicant.get():
        marks["by_applicant"] = True
    api = _via_api.get()
    if api is not None:
        marks["via_api"] = dict(api)
    return marks


def transition(
    case: Case,
    step: str,
    *,
    by: User | None,
    note: str = "",
    data: Mapping[str, Any] | None = None,
    related_changed: bool = False,
    **changes: Any,
) -> CaseEvent | None:
    """Take ``step`` on ``case``: check the table, apply ``changes`` to the case's fields, save
    only the fields that changed, and append the event.

    Returns None, writing nothing, when the step would change nothing: the case is already in the
    step's target status, every change already holds, and the caller says no related rows changed
    (``related_changed``, for steps whose substance lives in other tables, such as information
    requests). The caller holds the case row locked inside a transaction.
    """
    rule = TRANSITIONS[step]
    changed = {name: value for name, value in changes.items() if getattr(case, name) != value}
    reaches_target = rule.target is None or case.status == rule.target
    if case.pk is not None and not changed and reaches_target and not related_changed:
        return None
    if case.status not in rule.sources:
        raise IllegalStep(step, case.status)

    from_status = case.status
    for name, value in changed.items():
        setattr(case, name, value)
    if rule.target is not None and case.status != rule.target:
        case.status = rule.target
        changed["status"] = rule.target
    if case.pk is None:
        case.save()
    elif changed:
        case.save(update_fields=sorted(changed))
    return case.events.create(
        at=timezone.now(),
        by=by,
        step=step,
        from_status=from_status,
        to_status=case.status,
        note=note,
        data={**(data or {}), **_acting_marks()},
    )
