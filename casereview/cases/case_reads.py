"""The rows the staff case page reads about one case, each through a prepared statement
(``casereview.core.prepared``): the same dozen queries on every request, compiled once per
database connection instead of once per request. Compiling them was about a quarter of the
case page's CPU (bench/fixes/b4.toml, session 12).

Every read here is of a case the caller has already been allowed to see (``case_for``): they
are reached through the case, as ``case.deadlines`` would be. Each row's relation back to the
case, or to the row it belongs to, is set to the instance the page holds, as reading through
the related manager or ``prefetch_related`` would have set it, so no query reads it again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from django.db.models import Model, QuerySet

from casereview.appeals.models import Appeal
from casereview.cases.models import Case, CaseEvent, Complaint, Deadline
from casereview.cases.selectors import victim_keys, victim_match
from casereview.core.prepared import Prepared
from casereview.letters.models import Letter
from casereview.partners.models import InformationRequest, InformationResponse
from casereview.reviews.models import Action, Meeting, PanelMember, Recommendation, VictimComment

M = TypeVar("M", bound=Model)

# A letter's renderings (its HTML, PDF and Word files), which the case page does not show: it
# lists the letters and links to those, and the files are tens of kilobytes each.
LETTER_RENDERINGS = ("html", "pdf", "docx")


def _attach(rows: Iterable[M], relation: str, to: Model) -> list[M]:
    """Set each row's ``relation`` to ``to``, the instance it was read through."""
    rows = list(rows)
    if rows:
        field = rows[0]._meta.get_field(relation)
        for row in rows:
            field.set_cached_value(row, to)  # type: ignore[union-attr]
    return rows


def _grouped(rows: Iterable[M], relation: str, owners: Sequence[Model]) -> dict[int, list[M]]:
    """``rows`` by the owner they belong to through ``relation``, each attached to it."""
    by_owner: dict[int, list[M]] = defaultdict(list)
    for row in rows:
        by_owner[getattr(row, f"{relation}_id")].append(row)
    for owner in owners:
        _attach(by_owner[owner.pk], relation, owner)
    return by_owner


_DEADLINES = Prepared(
    lambda case_id: Deadline.objects.filter(case_id=case_id).select_related(
        "information_request__agency"
    )
)
_COMPLAINTS = Prepared(
    lambda case_id: Complaint.objects.filter(case_id=case_id).select_related("agency")
)
_LETTERS = Prepared(
    lambda case_id: Letter.objects.filter(case_id=case_id).defer(*LETTER_RENDERINGS)
)
_EVENTS = Prepared(
    lambda case_id: (
        CaseEvent.objects.filter(case_id=case_id).select_related("by").order_by("-at", "-pk")
    )
)
_APPEALS = Prepared(
    lambda case_id: (
        Appeal.objects.filter(case_id=case_id)
        .select_related("lodged_by")
        .order_by("received_on", "pk")
    )
)
_REQUESTS = Prepared(
    lambda case_id: InformationRequest.objects.filter(case_id=case_id).select_related(
        "agency", "requested_by"
    )
)
_RESPONSES = Prepared(
    lambda case_id: InformationResponse.objects.filter(request__case_id=case_id).select_related(
        "recorded_by"
    )
)
_MEETINGS = Prepared(
    lambda case_id: (
        Meeting.objects.filter(case_id=case_id).select_related("chair_agency").order_by("-number")
    )
)
_PANEL = Prepared(
    lambda case_id: PanelMember.objects.filter(meeting__case_id=case_id).select_related("agency")
)
_RECOMMENDATIONS = Prepared(
    lambda case_id: Recommendation.objects.filter(meeting__case_id=case_id).select_related("agency")
)
_ACTIONS = Prepared(
    lambda case_id: Action.objects.filter(meeting__case_id=case_id).select_related("owner")
)
_COMMENTS = Prepared(lambda case_id: VictimComment.objects.filter(meeting__case_id=case_id))


def deadlines_of(case: Case) -> list[Deadline]:
    """The case's deadlines, in their order (due date, kind), with the request each is for."""
    return _attach(_DEADLINES.all(case.pk), "case", case)


def complaints_of(case: Case) -> list[Complaint]:
    """The case's complaints, in their order (behaviour date, report date), with the agency."""
    return _attach(_COMPLAINTS.all(case.pk), "case", case)


def letters_of(case: Case) -> list[Letter]:
    """The case's letters, oldest first, without their renderings (``LETTER_RENDERINGS``)."""
    return _attach(_LETTERS.all(case.pk), "case", case)


def events_of(case: Case) -> list[CaseEvent]:
    """The case's timeline, newest first, with who took each step."""
    return _attach(_EVENTS.all(case.pk), "case", case)


def appeals_of(case: Case) -> list[Appeal]:
    """The case's appeals, oldest first, with who recorded each."""
    return _attach(_APPEALS.all(case.pk), "case", case)


def information_requests_of(
    case: Case,
) -> list[tuple[InformationRequest, list[InformationResponse]]]:
    """The case's information requests (by the agency's name) with their agency and who made
    them, each with its responses (oldest first) and who recorded those."""
    requests = _attach(_REQUESTS.all(case.pk), "case", case)
    responses = _grouped(_RESPONSES.all(case.pk), "request", requests)
    return [(request, responses[request.pk]) for request in requests]


def meetings_of(
    case: Case,
) -> list[
    tuple[Meeting, list[PanelMember], list[Recommendation], list[Action], list[VictimComment]]
]:
    """The case's review meetings, the latest first, each with its panel, recommendations,
    action plan and the victim's comments, in their own orders."""
    meetings = _attach(_MEETINGS.all(case.pk), "case", case)
    if not meetings:
        return []
    panel = _grouped(_PANEL.all(case.pk), "meeting", meetings)
    recommendations = _grouped(_RECOMMENDATIONS.all(case.pk), "meeting", meetings)
    actions = _grouped(_ACTIONS.all(case.pk), "meeting", meetings)
    comments = _grouped(_COMMENTS.all(case.pk), "meeting", meetings)
    return [
        (
            meeting,
            panel[meeting.pk],
            recommendations[meeting.pk],
            actions[meeting.pk],
            comments[meeting.pk],
        )
        for meeting in meetings
    ]


def _earlier(
    area_id: int, case_id: int, *keys: str, by_name: bool, by_email: bool, by_phone: bool
) -> QuerySet[Case]:
    given = iter(keys)
    name, postcode = (next(given), next(given)) if by_name else ("", "")
    email = next(given) if by_email else ""
    phone = next(given) if by_phone else ""
    return (
        Case.objects.filter(victim_match(name, postcode, email, phone), area_id=area_id)
        .exclude(pk=case_id)
        .order_by("-received_on", "-pk")
    )


_EARLIER = Prepared(_earlier)


def earlier_cases_of(case: Case) -> list[Case]:
    """Other cases of ``case``'s victim in its area, newest first: what
    ``selectors.earlier_cases_of`` finds, as a list. One statement per combination of the keys
    the victim has (the keys themselves are its values)."""
    name, postcode, email, phone = victim_keys(
        case.victim_name, case.victim_postcode, case.victim_email, case.victim_phone
    )
    by_name = bool(name and postcode)
    keys = [*((name, postcode) if by_name else ()), *((email,) if email else ())]
    keys += [phone] if phone else []
    if not keys:  # nothing to know the victim by: no earlier case can be theirs
        return []
    return _EARLIER.all(
        case.area_id,
        case.pk,
        *keys,
        by_name=by_name,
        by_email=bool(email),
        by_phone=bool(phone),
    )
