"""The tracking page explains, in plain words, where a case stands in every status, and lists the
steps done, in progress, to come and no longer needed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone

from casereview.accounts.models import User
from casereview.appeals.models import Outcome
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import (
    case_acknowledge,
    case_close,
    case_decline_repeat,
    case_withdraw,
)
from casereview.cases.workflow import Status
from casereview.reviews.models import Action, ActionStatus
from casereview.reviews.services import review_update_action
from tests.appeals.helpers import hear, lodge
from tests.cases.helpers import close_after_window, gathering, receive
from tests.letters.helpers import decided_not_met
from tests.public.track.helpers import TRACK_URL, stage_states, tracking
from tests.reviews.helpers import consulting, held, met_case, monitoring, scheduled

DONE, NOW, LATER, NO = "Done", "In progress", "To come", "Not needed"


def acknowledged(area: Area, by: User) -> Case:
    case = receive(area, by)
    return case_acknowledge(case, by=by, on=case.received_on)


def not_suitable(area: Area, by: User) -> Case:
    return receive(
        area,
        by,
        not_suitable_reason="cps_decision",
        signposting="Contact the Crown Prosecution Service's victims' right to review scheme.",
    )


def declined(area: Area, by: User) -> Case:
    earlier = decided_not_met(area, by)
    close_after_window(earlier, by, "Decision given.")
    repeat = receive(area, by, material_change="Says it has got worse.")
    return case_decline_repeat(repeat, by=by, reasons="Nothing new has happened since.")


def withdrawn(area: Area, by: User) -> Case:
    return case_withdraw(gathering(area, by), by=by, reason="The neighbour moved away.")


def closed_after_not_met(area: Area, by: User) -> Case:
    return close_after_window(decided_not_met(area, by), by, "Decision given; no review asked.")


def closed_after_monitoring(area: Area, by: User) -> Case:
    case = monitoring(area, by)
    for action in Action.objects.filter(meeting__case=case):
        case = review_update_action(
            case, action, by=by, status=ActionStatus.DONE, completed_on=timezone.localdate()
        )
    return case_close(case, by=by, reason="Every action is done.")


def appeal_waiting(area: Area, by: User) -> Case:
    case = decided_not_met(area, by)
    lodge(case, by)
    return case


def appeal_upheld(area: Area, by: User) -> Case:
    case = decided_not_met(area, by)
    hear(lodge(case, by), by, Outcome.UPHELD)
    case.refresh_from_db()
    return case


STATUSES: list[tuple[Callable[[Area, User], Case], str, str, list[str]]] = [
    (receive, Status.RECEIVED, "Your application has been received", [DONE, NOW] + [LATER] * 6),
    (
        acknowledged,
        Status.ACKNOWLEDGED,
        "Your application has been acknowledged",
        [DONE, DONE, NOW] + [LATER] * 5,
    ),
    (
        gathering,
        Status.GATHERING_INFORMATION,
        "The council is gathering information",
        [DONE, DONE, NOW] + [LATER] * 5,
    ),
    (
        met_case,
        Status.THRESHOLD_MET,
        "Your case meets the threshold for a review",
        [DONE] * 4 + [NOW, LATER, LATER, LATER],
    ),
    (
        decided_not_met,
        Status.THRESHOLD_NOT_MET,
        "Your case does not meet the threshold for a review",
        [DONE] * 4 + [NO, NO, NO, LATER],
    ),
    (
        scheduled,
        Status.MEETING_SCHEDULED,
        "A review meeting has been arranged",
        [DONE] * 4 + [NOW, LATER, LATER, LATER],
    ),
    (
        held,
        Status.MEETING_HELD,
        "The review meeting has taken place",
        [DONE] * 5 + [NOW, LATER, LATER],
    ),
    (
        consulting,
        Status.CONSULTING_VICTIM,
        "The draft action plan has been sent to you",
        [DONE] * 5 + [NOW, LATER, LATER],
    ),
    (
        monitoring,
        Status.MONITORING,
        "The action plan is being carried out",
        [DONE] * 6 + [NOW, LATER],
    ),
    (closed_after_monitoring, Status.CLOSED, "This case review is closed", [DONE] * 8),
    (
        closed_after_not_met,
        Status.CLOSED,
        "This case review is closed",
        [DONE] * 4 + [NO, NO, NO, DONE],
    ),
    (
        withdrawn,
        Status.WITHDRAWN,
        "This application has been withdrawn",
        [DONE, DONE] + [NO] * 5 + [DONE],
    ),
    (
        not_suitable,
        Status.NOT_SUITABLE,
        "A case review is not suitable for this application",
        [DONE] + [NO] * 6 + [DONE],
    ),
    (declined, Status.DECLINED, "Your application has been declined", [DONE] + [NO] * 6 + [DONE]),
    (
        appeal_waiting,
        Status.THRESHOLD_NOT_MET,
        "It is waiting to be heard",
        [DONE] * 4 + [NO, NO, NO, LATER],
    ),
    (
        appeal_upheld,
        Status.GATHERING_INFORMATION,
        "the council will decide again",
        [DONE, DONE, NOW] + [LATER] * 5,
    ),
]


@pytest.mark.parametrize(
    ("build", "status", "words", "states"),
    STATUSES,
    ids=[f"{build.__name__}" for build, *_ in STATUSES],
)
def test_the_page_explains_the_status_and_the_steps(
    area, coordinator, in_march, build, status, words, states
):
    case = build(area, coordinator)
    assert case.status == status

    page = tracking(case).get(TRACK_URL)

    assert page.status_code == 200
    text = page.content.decode()
    assert words in text
    assert case.reference in text
    assert stage_states(text) == states


def test_every_status_has_its_own_explanation():
    from casereview.public.track.progress import STATUS_TEXT

    assert set(STATUS_TEXT) == set(Status.values)
    assert len({str(heading) for heading, _ in STATUS_TEXT.values()}) == len(Status.values)


def test_the_decision_and_its_reasons_are_shown_once_decided(area, coordinator, in_march):
    case = decided_not_met(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "The decision" in text
    assert "No agency holds a record of complaints" in text
    assert "The threshold of qualifying complaints" in text
    assert timezone.localdate().strftime("%-d March %Y") in text
