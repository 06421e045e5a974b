"""The case page: everything staff know about one case, its deadlines and history, and buttons
for the steps its status allows.

It shows restricted data (the people alleged responsible) under a RESTRICTED label: staff
only, never copied into anything a victim sees. Every showing is recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import scope
from casereview.appeals.models import Appeal, AppealStatus
from casereview.audit.log import record_view
from casereview.cases.case_reads import (
    appeals_of,
    complaints_of,
    deadlines_of,
    earlier_cases_of,
    events_of,
    information_requests_of,
    letters_of,
)
from casereview.cases.dashboard import Urgency, deadline_urgency
from casereview.cases.models import Case, Complaint, ComplaintSource, Deadline, DeadlineKind
from casereview.cases.presenters import choice_labels, lead_agency, meeting_views, victim_voice_of
from casereview.cases.selectors import AREA_CASE_ROLES, cases_for
from casereview.cases.selectors import earlier_cases_of as earlier_cases_queryset
from casereview.cases.views.common import can_act, case_or_404, staff_navigation
from casereview.cases.workflow import FINAL_STATUSES, Status, Step, allowed_steps, is_allowed
from casereview.letters.models import Letter
from casereview.partners.services import relevant_bodies_to_ask
from casereview.reviews.models import Meeting


@dataclass(frozen=True)
class Action:
    text: str
    href: str
    warning: bool = False


def _case_url(name: str, case: Case, **extra: Any) -> str:
    return reverse(name, kwargs={"reference": case.reference, **extra})


def review_actions(case: Case, steps: set[Step], meeting: Meeting | None) -> list[Action]:
    """Buttons for the steps of the review, in the order they come: the victim's voice, the
    meeting, its record, the outcome and minutes, the victim's comments, the final plan, the
    lead agency. ``meeting`` is the case's latest meeting (``latest_meeting``), if any."""
    actions: list[Action] = []
    if Step.RECORD_VICTIM_VOICE in steps:
        label = (
            _("Change how the victim is heard")
            if victim_voice_of(case) is not None
            else _("Record how the victim is heard")
        )
        actions.append(Action(label, _case_url("reviews:voice", case)))
    if Step.SCHEDULE_MEETING in steps:
        arranged = meeting is not None and meeting.held_on is None
        label = _("Re-arrange the review meeting") if arranged else _("Arrange the review meeting")
        actions.append(Action(label, _case_url("reviews:schedule", case)))
    if Step.RECORD_MEETING in steps:
        label = (
            _("Correct the record of the meeting")
            if case.status == Status.MEETING_HELD
            else _("Record the review meeting")
        )
        actions.append(Action(label, _case_url("reviews:record", case)))
    if Step.SEND_OUTCOME in steps:
        actions.append(
            Action(_("Send the outcome to the victim"), _case_url("reviews:outcome", case))
        )
    if Step.CIRCULATE_MINUTES in steps and meeting is not None:
        label = (
            _("Send the minutes to the panel again")
            if meeting.minutes_sent_on
            else _("Send the minutes to the panel")
        )
        actions.append(Action(label, _case_url("reviews:minutes", case)))
    if Step.RECORD_VICTIM_COMMENT in steps:
        actions.append(
            Action(
                _("Record the victim's comments on the plan"), _case_url("reviews:comment", case)
            )
        )
    if Step.FINALISE_PLAN in steps:
        actions.append(Action(_("Make the action plan final"), _case_url("reviews:finalise", case)))
    if Step.CHANGE_LEAD_AGENCY in steps:
        actions.append(Action(_("Change the lead agency"), _case_url("reviews:lead-agency", case)))
    return actions


def can_lodge_now(case: Case, *, meeting_held: bool, waiting: Appeal | None) -> bool:
    """``appeals.selectors.can_lodge(case)`` from what the case page has read already, instead
    of two more queries (the last meeting held, the open appeal) and two readings of the
    policy: the status allows an appeal, no appeal is waiting for its outcome, and there is
    something to appeal against, a window (``appeal_window``) on some ground: a decision that
    the threshold was not met, or a review meeting held. tests/cases/test_case_page_queries.py
    checks that both answer the same."""
    if waiting is not None or not is_allowed(Step.LODGE_APPEAL, case.status):
        return False
    threshold_not_met = case.threshold_met is False and case.decided_on is not None
    return threshold_not_met or meeting_held


def appeal_actions(
    case: Case, steps: set[Step], waiting: Appeal | None, *, meeting_held: bool
) -> list[Action]:
    """A button to record an appeal when one can be made, or for the next step of the appeal
    that is open (``waiting``: the case's ``open_appeal``, if any; ``meeting_held``: whether
    a review meeting of the case has been held)."""
    if waiting is None:
        if can_lodge_now(case, meeting_held=meeting_held, waiting=None):
            return [Action(_("Record an appeal"), _case_url("appeals:lodge", case))]
        return []
    if waiting.status == AppealStatus.LODGED and Step.DISMISS_APPEAL in steps:
        return [
            Action(
                _("Record the appeal's hearing"),
                _case_url("appeals:hear", case, appeal_id=waiting.pk),
            )
        ]
    if waiting.status == AppealStatus.HEARD and Step.SEND_APPEAL_OUTCOME in steps:
        return [
            Action(
                _("Send the appeal's outcome to the victim"),
                _case_url("appeals:outcome", case, appeal_id=waiting.pk),
            )
        ]
    return []


def actions_for(
    case: Case,
    *,
    latest_meeting: Meeting | None,
    open_appeal: Appeal | None,
    meeting_held: bool,
) -> list[Action]:
    """Buttons for the steps the case's status allows, in the order they come in the process.

    Steps with a page of their own get a button; the two decisions share the decision page; a
    response is recorded from its request's row, and an action of the plan from its own row;
    screening out happens at receipt; an appeal's hearing and outcome follow the open appeal.
    The case page has read the meetings and the appeals already: the latest meeting, the open
    appeal and whether a meeting has been held are passed in.
    """
    steps = set(allowed_steps(case.status))
    actions: list[Action] = []
    if Step.ACKNOWLEDGE in steps:
        actions.append(
            Action(_("Acknowledge the application"), _case_url("cases:acknowledge", case))
        )
    if Step.REQUEST_INFORMATION in steps and relevant_bodies_to_ask(case):
        actions.append(
            Action(
                _("Request information from relevant bodies"),
                _case_url("cases:request-information", case),
            )
        )
    if Step.DECIDE_THRESHOLD_MET in steps or Step.DECIDE_THRESHOLD_NOT_MET in steps:
        actions.append(Action(_("Decide the threshold"), _case_url("cases:decide", case)))
    if Step.DECLINE_REPEAT in steps and case.repeat_of_id is not None:
        actions.append(
            Action(_("Decline as a repeat application"), _case_url("cases:decline-repeat", case))
        )
    if Step.RECORD_VICTIM_CONTACT in steps:
        actions.append(
            Action(_("Record the call to the victim"), _case_url("cases:victim-contact", case))
        )
    actions.extend(review_actions(case, steps, latest_meeting))
    actions.extend(appeal_actions(case, steps, open_appeal, meeting_held=meeting_held))
    if Step.ADD_COMPLAINT in steps:
        actions.append(Action(_("Add a complaint"), _case_url("cases:add-complaint", case)))
    if Step.ASSIGN_SPOC in steps:
        label = (
            _("Change the single point of contact")
            if case.spoc_id
            else _("Assign a single point of contact")
        )
        actions.append(Action(label, _case_url("cases:assign-spoc", case)))
    if Step.CLOSE in steps:
        actions.append(Action(_("Close the case"), _case_url("cases:close", case), warning=True))
    if Step.WITHDRAW in steps:
        actions.append(
            Action(_("Withdraw the application"), _case_url("cases:withdraw", case), warning=True)
        )
    return actions


@dataclass(frozen=True)
class DeadlineRow:
    deadline: Deadline
    what: str
    urgency: Urgency
    lines: list[str]


def deadline_rows(case: Case, deadlines: list[Deadline], today: Any) -> list[DeadlineRow]:
    rows = []
    for deadline in deadlines:
        what = str(DeadlineKind(deadline.kind).label)
        if deadline.information_request is not None:
            what = _("%(what)s: %(agency)s") % {
                "what": what,
                "agency": deadline.information_request.agency.name,
            }
        rows.append(
            DeadlineRow(
                deadline=deadline,
                what=str(what),
                urgency=deadline_urgency(deadline, today, case.area.nation),
                lines=list((deadline.explanation or {}).get("lines", [])),
            )
        )
    return rows


def complaint_source(complaint: Any) -> str:
    if complaint.source == ComplaintSource.CONFIRMED_BY_AGENCY:
        return _("Confirmed by %(agency)s") % {"agency": complaint.agency.name}
    return str(ComplaintSource(complaint.source).label)


def earlier_visible_cases(request: HttpRequest, case: Case) -> list[Case]:
    """The earlier cases of ``case``'s victim that the signed-in person may see. They are all in
    the case's own area, so someone who sees that area's cases (as anyone who has opened the
    case through an area role does) sees them all: no need to filter by the scope again, in a
    subquery with its own compile cost. Anyone else gets them filtered by ``cases_for``."""
    if scope(request.user).has(AREA_CASE_ROLES, case.area_id):
        return earlier_cases_of(case)
    visible = cases_for(request.user)
    return list(earlier_cases_queryset(case).filter(pk__in=visible.values("pk")))


# The pages of a letter the case page links to: its own page, its PDF and its Word file.
LETTER_PAGES = {"view": "letters:letter", "pdf": "letters:pdf", "docx": "letters:docx"}
# A stand-in letter number: each address is reversed once with it, then filled in per letter.
_STAND_IN_PK = 918273645


def _letter_address(name: str, reference: str) -> Callable[[int], str | None]:
    """The address of page ``name`` of the letter numbered ``pk`` of case ``reference``, as a
    function of ``pk``: None where this deployment has no such page (as the template's
    ``optional_url`` did). reverse() runs once, with a stand-in number that is then replaced,
    unless the number cannot be told apart in the address (then once per letter)."""
    try:
        address = reverse(name, kwargs={"reference": reference, "pk": _STAND_IN_PK})
    except NoReverseMatch:
        return lambda pk: None
    before, found, after = address.partition(str(_STAND_IN_PK))
    if not found or str(_STAND_IN_PK) in after:
        return lambda pk: reverse(name, kwargs={"reference": reference, "pk": pk})
    return lambda pk: f"{before}{pk}{after}"


def letter_links(case: Case, letters: list[Letter]) -> dict[int, dict[str, str | None]]:
    """Each letter's addresses (``LETTER_PAGES``), by letter. A case has dozens of letters and
    each reverse() walks the resolver: one per kind of page, rather than three per letter."""
    addresses = {key: _letter_address(name, case.reference) for key, name in LETTER_PAGES.items()}
    return {
        letter.pk: {key: address(letter.pk) for key, address in addresses.items()}
        for letter in letters
    }


# What the case page shows of the case's own relations, read with the case in one query
# instead of one query each while the page is rendered.
# The victim's voice is a reverse one-to-one: read by the same join, None when not recorded.
CASE_PAGE_RELATED = ("policy", "decided_by", "lead_agency", "area__council", "victim_voice")


@staff_member_required
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    # The case is looked up before the method is checked, so that a reference outside the
    # caller's scope is 404 whatever the method, and a 405 never confirms that it exists.
    case = case_or_404(request, reference, related=CASE_PAGE_RELATED)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    today = timezone.localdate()

    deadlines = deadlines_of(case)
    due_by_request = {
        d.information_request_id: d for d in deadlines if d.information_request_id is not None
    }
    requests = information_requests_of(case)
    complaints = complaints_of(case)
    repeat_of = (
        cases_for(request.user).filter(pk=case.repeat_of_id).first() if case.repeat_of_id else None
    )
    acting = can_act(request, case)
    steps = set(allowed_steps(case.status))
    meetings = meeting_views(case)  # the latest first, as ``latest_meeting`` finds it
    appeals = appeals_of(case)
    # ``open_appeal``, from the appeals read for the page rather than by a query of its own.
    waiting = max(
        (appeal for appeal in appeals if appeal.status != AppealStatus.CONCLUDED),
        key=lambda appeal: appeal.pk,
        default=None,
    )
    held_meetings = [m for m in meetings if m.meeting.held_on is not None]
    letters = letters_of(case)  # without their renderings, which the page does not show
    record_view(request, case, "case page")
    return TemplateResponse(
        request,
        "cases/case.html",
        {
            "case": case,
            "status_label": Status(case.status).label if case.status else "",
            "is_final": case.status in FINAL_STATUSES,
            "can_act": acting,
            "actions": (
                actions_for(
                    case,
                    latest_meeting=meetings[0].meeting if meetings else None,
                    open_appeal=waiting,
                    meeting_held=bool(held_meetings),
                )
                if acting
                else []
            ),
            "complaints": [(c, complaint_source(c)) for c in complaints],
            "requests": [
                {
                    "request": r,
                    "deadline": due_by_request.get(r.pk),
                    "responses": responses,
                    "respond_url": reverse(
                        "cases:record-response",
                        kwargs={"reference": case.reference, "request_id": r.pk},
                    ),
                }
                for r, responses in requests
            ],
            "can_record_response": Step.RECORD_RESPONSE in allowed_steps(case.status),
            "deadlines": deadline_rows(case, deadlines, today),
            "letters": letters,
            "letter_links": letter_links(case, letters),
            # get_<field>_display() of the letters and complaints, read once for all the rows
            "letter_labels": {
                field: choice_labels(Letter, field)
                for field in ("kind", "recipient", "delivery", "status")
            },
            "complaint_kinds": choice_labels(Complaint, "kind"),
            "earlier_cases": earlier_visible_cases(request, case),
            "repeat_of": repeat_of,
            "events": events_of(case),
            "voice": victim_voice_of(case),
            "meetings": meetings,
            "held_meetings": held_meetings,
            "planned_actions": any(m.actions for m in meetings),
            "comments_recorded": any(m.comments for m in meetings),
            "lead_agency": lead_agency(case),
            "appeals": appeals,
            "can_change_voice": acting and Step.RECORD_VICTIM_VOICE in steps,
            "can_update_actions": acting and Step.UPDATE_ACTION in steps,
            "step_labels": dict(Step.choices),
            "status_labels": dict(Status.choices),
            "navigation": staff_navigation("cases:dashboard"),
        },
    )
