"""A completed self-assessment keeps the automatic evidence of the day it was completed: later
cases do not change its report."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.evidence import victims_invited
from casereview.reviews.models import VoiceChoice
from tests.pledge.helpers import completed, someone
from tests.reviews.helpers import held


def test_later_meetings_do_not_change_the_report(
    staff_client: Callable[[User], Client],
    area_admin: User,
    coordinator: User,
    area: Area,
    in_march: None,
) -> None:
    held(area, coordinator)
    assessment = completed(area, area_admin)
    held(area, coordinator, choice=VoiceChoice.NONE, victim=someone(2))

    # Today's figures have moved on...
    assert "1 of 2" in victims_invited(area, timezone.localdate()).summary
    # ...the completed report has not.
    assessment.refresh_from_db()
    kept = assessment.evidence["inclusive-victim-invited"]
    assert kept["status"] == "yes"
    assert "1 of 1" in kept["text"]["en"]["summary"]
    page = staff_client(area_admin).get(
        reverse("pledge:report", kwargs={"slug": area.slug, "pk": assessment.pk})
    )
    text = page.content.decode()
    assert "1 of 1 review meetings" in text
    assert "1 of 2 review meetings" not in text


def test_the_evidence_is_kept_in_welsh_too(
    area_admin: User, coordinator: User, area: Area, in_march: None
) -> None:
    assessment = completed(area, area_admin)
    kept = assessment.evidence["legality-threshold"]
    assert set(kept["text"]) == {"en", "cy"}
    assert kept["key"] == "threshold"
