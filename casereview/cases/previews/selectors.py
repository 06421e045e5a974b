"""Reads for the previews of one case, which the caller has already been allowed to see
(``casereview.cases.views.common.case_or_404``): every read here is of that case only.

A partner agency's reads mirror the portal's (``casereview.partners.portal.selectors``), narrowed
to one case and one agency instead of to the agencies a signed-in person represents, with the
same annotations, so the portal's templates and presenters receive what they always receive.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case
from casereview.letters.models import Letter
from casereview.partners.models import InformationRequest, InformationResponse
from casereview.partners.portal.selectors import _request_deadline
from casereview.reviews.models import Action, PanelMember


def agencies_to_preview(case: Case) -> list[Agency]:
    """The agencies a partner preview can be of: those asked for information about ``case``
    first (in the order they were asked), then the area's other relevant bodies by name."""
    asked: list[Agency] = []
    for request in case.information_requests.select_related("agency").order_by("pk"):
        if request.agency not in asked:
            asked.append(request.agency)
    others = sorted(
        (body for body in relevant_bodies(case.area) if body not in asked), key=lambda a: a.name
    )
    return asked + others


def requests_to(case: Case, agency: Agency) -> list[InformationRequest]:
    """``case``'s information requests to ``agency``, annotated as the portal's are
    (``due_on``, ``answered``), newest first."""
    found: QuerySet[InformationRequest] = (
        InformationRequest.objects.filter(case=case, agency=agency)
        .select_related("case", "case__area", "agency")
        .annotate(
            due_on=_request_deadline("due_on"),
            answered=Exists(InformationResponse.objects.filter(request=OuterRef("pk"))),
        )
        .order_by("-requested_on", "-pk")
    )
    return list(found)


def seats_of(case: Case, agency: Agency) -> list[PanelMember]:
    """Seats ``agency`` holds on the review panels of ``case``, soonest meeting first."""
    return list(
        PanelMember.objects.filter(meeting__case=case, agency=agency)
        .select_related("agency", "meeting", "meeting__case", "meeting__case__area", "responded_by")
        .order_by("meeting__starts_at", "pk")
    )


def actions_owned(case: Case, agency: Agency) -> list[Action]:
    """Actions of ``case``'s final action plans that ``agency`` owns (as the portal lists)."""
    return list(
        Action.objects.filter(
            meeting__case=case, owner=agency, meeting__plan_finalised_on__isnull=False
        )
        .select_related("owner", "meeting", "meeting__case", "meeting__case__area")
        .order_by("due_on", "pk")
    )


def letters_to_agency(case: Case, agency: Agency) -> list[Letter]:
    """``case``'s letters to ``agency``, oldest first."""
    return list(case.letters.filter(agency=agency).order_by("created_at", "pk"))


def stored_letter_keys(case: Case) -> set[str]:
    """The keys of the letters already written for ``case``."""
    return set(case.letters.values_list("key", flat=True))
