"""Cases in which the police (the ``agency_rep`` fixture's agency) are asked for information,
sit on the panel and own an action, built through the real services."""

from __future__ import annotations

from typing import Any

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.reviews.models import Action, PanelMember
from casereview.reviews.services import review_schedule_meeting
from tests.reviews.helpers import meeting_plan, voiced


def police_on_panel(area: Area, by: User, **kw: Any) -> Case:
    """A case whose review meeting (today at 2pm) has every relevant body on its panel."""
    case = voiced(area, by, **kw)
    return review_schedule_meeting(case, by=by, plan=meeting_plan(area, count=5)).case


def police_seat(case: Case) -> PanelMember:
    return PanelMember.objects.get(meeting__case=case, agency=case.area.police_force)


def police_action(case: Case) -> Action:
    return Action.objects.get(meeting__case=case, owner=case.area.police_force)
