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
          gathering_information --(request_information)     |  final)
                    |                                       |
       +------------+-------------+                         v
       | decide_threshold_met     | decide_threshold_not_met   withdrawn
       v                          v
  threshold_met           threshold_not_met
       |                          |
       +------------+-------------+
                    | close
                    v
                 closed

A decision may also be taken straight from ``acknowledged`` (a senior manager's decision for a
vulnerable victim needs no information requests). Final statuses (``not_suitable``, ``declined``,
``withdrawn``, ``closed``) accept no further step. Steps that record something without moving the
case (a partner's response, a complaint added, the SPOC changed, the victim phoned) have the
statuses they are allowed in and no target: they write an event only.

The next part of the process (meeting, outcome, action plan, appeals) adds statuses between
``threshold_met``/``threshold_not_met`` and ``closed``, and rows to ``TRANSITIONS``; nothing else
here needs to change.

``transition`` is the only code that changes ``Case.status``. The service functions in
``casereview.cases.services`` call it inside their transaction, after locking the case row.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    Step.RECORD_RESPONSE: Transition(_from(Status.GATHERING_INFORMATION) | _DECIDED, None),
    Step.DECIDE_THRESHOLD_MET: Transition(
        _from(Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION), Status.THRESHOLD_MET
    ),
    Step.DECIDE_THRESHOLD_NOT_MET: Transition(
        _from(Status.ACKNOWLEDGED, Status.GATHERING_INFORMATION), Status.THRESHOLD_NOT_MET
    ),
    Step.RECORD_VICTIM_CONTACT: Transition(_from(Status.THRESHOLD_MET), None),
    Step.WITHDRAW: Transition(OPEN_STATUSES, Status.WITHDRAWN),
    Step.CLOSE: Transition(_DECIDED, Status.CLOSED),
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
        data=dict(data or {}),
    )
