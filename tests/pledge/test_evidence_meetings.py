"""Evidence from review meetings held in the last 12 months: victims invited, independent
chairs, panels of three relevant bodies."""

from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.evidence import (
    EvidenceStatus,
    independent_chairs,
    panel,
    victims_invited,
)
from casereview.reviews.models import VoiceChoice
from tests.pledge.helpers import someone
from tests.reviews.helpers import held, later


def test_no_meetings_is_not_known(area: Area, in_march: None) -> None:
    found = victims_invited(area, timezone.localdate())
    assert found.status == EvidenceStatus.UNKNOWN


def test_every_victim_invited_is_a_yes(area: Area, coordinator: User, in_march: None) -> None:
    held(area, coordinator)
    found = victims_invited(area, timezone.localdate())
    assert found.status == EvidenceStatus.YES
    assert "1 of 1" in found.summary


def test_a_victim_not_invited_halves_the_share(
    area: Area, coordinator: User, in_march: None
) -> None:
    held(area, coordinator)
    held(area, coordinator, choice=VoiceChoice.NONE, victim=someone(2))
    found = victims_invited(area, timezone.localdate())
    assert found.status == EvidenceStatus.NO
    assert "1 of 2" in found.summary
    assert "50%" in found.summary


def test_meetings_more_than_a_year_ago_do_not_count(
    area: Area, coordinator: User, in_march: None
) -> None:
    held(area, coordinator, choice=VoiceChoice.NONE)
    with later(366) as day:
        assert victims_invited(area, day).status == EvidenceStatus.UNKNOWN


def test_independent_chairs_and_full_panels(area: Area, coordinator: User, in_march: None) -> None:
    held(area, coordinator)
    today = timezone.localdate()
    assert independent_chairs(area, today).status == EvidenceStatus.YES
    assert panel(area, today).status == EvidenceStatus.YES


def test_another_areas_meetings_are_not_counted(
    area: Area, other_area: Area, coordinator: User, in_march: None
) -> None:
    held(area, coordinator)
    assert victims_invited(other_area, timezone.localdate()).status == EvidenceStatus.UNKNOWN
