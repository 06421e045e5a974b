"""Reads of case data for the tracking page and the progress e-mails.

There is no account here: the caller has already proved, by a signed link held in the session
(``casereview.public.access``), which one case they may see. Every read is of that case only, and
only of what the victim may be shown: restricted fields are never loaded (``defer``), actions the
victim may not see and letters to relevant bodies are filtered out in the query itself.
"""

from __future__ import annotations

from django.db.models import QuerySet

from casereview.appeals.models import Appeal
from casereview.cases.models import Case, CaseEvent, Deadline, DeadlineKind
from casereview.cases.workflow import Step
from casereview.letters.models import VICTIM_FACING, Letter
from casereview.public.models import ProgressEmail
from casereview.reviews.models import Action, Meeting, Recommendation

# The stored deadlines the victim hears about under "What happens next": the service's duties
# towards them, and their own window to comment on the draft action plan. Deadlines of relevant
# bodies (information, minutes, actions) are the agencies' business.
VICTIM_DEADLINE_KINDS: tuple[str, ...] = (
    DeadlineKind.ACKNOWLEDGE,
    DeadlineKind.DECISION,
    DeadlineKind.REDECISION,
    DeadlineKind.VICTIM_CONTACT,
    DeadlineKind.OUTCOME,
    DeadlineKind.VICTIM_COMMENT,
    DeadlineKind.APPEAL_HEARING,
    DeadlineKind.APPEAL_OUTCOME,
)

# The steps that end a case, for finding how far it had got when it ended.
ENDING_STEPS: tuple[str, ...] = (Step.SCREEN_OUT, Step.DECLINE_REPEAT, Step.WITHDRAW, Step.CLOSE)

# Never read for the public: the assessment is about the people alleged responsible, and the
# minutes go to the panel, not the victim.
_MEETING_NOT_FOR_THE_PUBLIC: tuple[str, ...] = (*Meeting.RESTRICTED_FIELDS, "minutes")


def case_with_reference(reference: str) -> Case | None:
    """The case with ``reference`` (as normalised by the form), or None. Only used to compare
    the e-mail address someone typed with the case's; nothing of the case is shown from it."""
    return (
        Case.objects.select_related("area")
        .defer(*Case.RESTRICTED_FIELDS)
        .filter(reference=reference)
        .exclude(status="")
        .first()
    )


def case_by_id(case_id: int) -> Case | None:
    """The case for a side effect of one of its steps (the handler receives the id)."""
    return (
        Case.objects.select_related("area")
        .defer(*Case.RESTRICTED_FIELDS)
        .filter(pk=case_id)
        .first()
    )


def latest_event(case: Case, step: str) -> CaseEvent | None:
    """The most recent event of ``step`` on ``case``: the one a side effect is about."""
    return case.events.filter(step=step).order_by("-at", "-pk").first()


def ending_event(case: Case) -> CaseEvent | None:
    """The event that ended ``case`` (screened out, declined, withdrawn or closed), if it has
    ended: its ``from_status`` says how far the case had got."""
    return (
        case.events.filter(step__in=ENDING_STEPS, to_status=case.status)
        .order_by("-at", "-pk")
        .first()
    )


def information_was_requested(case: Case) -> bool:
    return case.events.filter(step=Step.REQUEST_INFORMATION).exists()


def victim_deadlines(case: Case) -> list[Deadline]:
    """Open deadlines of ``case`` that concern the victim, soonest first."""
    return list(
        case.deadlines.filter(kind__in=VICTIM_DEADLINE_KINDS, met_on=None).order_by(
            "due_on", "kind", "pk"
        )
    )


def latest_meeting(case: Case) -> Meeting | None:
    """The case's latest review meeting, without the fields the public may never see."""
    return case.meetings.defer(*_MEETING_NOT_FOR_THE_PUBLIC).order_by("-number").first()


def visible_actions(meeting: Meeting) -> list[Action]:
    """The actions of ``meeting``'s plan that the victim may see."""
    return list(
        Action.objects.filter(meeting=meeting, victim_may_see=True)
        .select_related("owner")
        .order_by("due_on", "pk")
    )


def recommendations(meeting: Meeting) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(meeting=meeting).select_related("agency").order_by("pk")
    )


def appeals_of(case: Case) -> list[Appeal]:
    return list(case.appeals.order_by("received_on", "pk"))


def victim_letters(case: Case) -> QuerySet[Letter]:
    """Letters of ``case`` to the victim or the applicant, oldest first, without their files."""
    return (
        Letter.objects.filter(case=case, recipient__in=VICTIM_FACING)
        .defer("pdf", "docx", "html")
        .order_by("created_at", "pk")
    )


def victim_letter(case: Case, pk: int) -> Letter | None:
    """Letter ``pk`` if it is one of ``case``'s letters to the victim or the applicant."""
    return (
        Letter.objects.filter(case=case, recipient__in=VICTIM_FACING, pk=pk)
        .select_related("case")
        .first()
    )


def progress_address(case: Case) -> str:
    """Where progress e-mails go: the applicant's address when someone applied for the victim,
    the victim's when they applied themselves; "" when there is none."""
    address = case.victim_email if case.applicant_is_victim else case.applicant_email
    return address.strip()


def progress_email(progress_id: int) -> ProgressEmail | None:
    return (
        ProgressEmail.objects.select_related("case__area", "event").filter(pk=progress_id).first()
    )
