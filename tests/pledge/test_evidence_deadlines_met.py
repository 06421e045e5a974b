"""Deadlines met: the share of the deadlines due in the last 12 months that were met by their
due date (the victim's own windows are not the service's duties and are left out)."""

from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.evidence import EvidenceStatus, deadlines_met, information_on_time
from tests.reviews.helpers import later, met_case


def test_nothing_due_yet_is_not_known(area: Area, coordinator: User, in_march: None) -> None:
    met_case(area, coordinator)
    # Decided on Monday 16 March: the acknowledgement is due on Thursday the 19th.
    assert deadlines_met(area, timezone.localdate()).status == EvidenceStatus.UNKNOWN


def test_all_met_so_far_is_a_yes(area: Area, coordinator: User, in_march: None) -> None:
    met_case(area, coordinator)
    with later(3) as day:
        found = deadlines_met(area, day)
    assert found.status == EvidenceStatus.YES
    assert "1 of 1" in found.summary


def test_missed_deadlines_bring_the_share_down(
    area: Area, coordinator: User, in_march: None
) -> None:
    met_case(area, coordinator)
    with later(30) as day:
        found = deadlines_met(area, day)
        information = information_on_time(area, day)
    # Met: acknowledgement, decision, the police's information. Missed: the four other relevant
    # bodies' information and the call to the victim after the decision.
    assert found.status == EvidenceStatus.NO
    assert "3 of 8" in found.summary
    assert "38%" in found.summary
    assert "1 of 5" in information.summary
