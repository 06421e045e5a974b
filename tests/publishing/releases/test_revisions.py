"""A correction to a published period is a new revision, published with a note."""

from __future__ import annotations

import datetime as dt

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.releases.services import ReleaseRefused, prepare_draft, publish_release
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db

LATER = AFTER_YEAR_END + dt.timedelta(days=20)


def test_a_new_draft_after_publication_is_the_next_revision(
    area: Area, coordinator: User, area_admin: User
) -> None:
    first = published(area, area_admin)

    with on(LATER):
        draft = prepare_draft(area, FY, by=area_admin)

    assert draft.pk != first.pk
    assert draft.revision == 2
    assert draft.status == ReleaseStatus.DRAFT


def test_a_revision_needs_a_note_saying_what_it_corrects(area: Area, area_admin: User) -> None:
    published(area, area_admin)

    with on(LATER):
        draft = prepare_draft(area, FY, by=area_admin)
        with pytest.raises(ReleaseRefused, match="Say what this revision corrects") as refused:
            publish_release(draft, by=area_admin, note="   ")

    assert refused.value.field == "note"
    assert Release.objects.get(pk=draft.pk).status == ReleaseStatus.DRAFT


def test_two_revisions_are_both_kept_with_the_note_on_the_second(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 5, received_on=dt.date(2025, 6, 2))
    first = published(area, area_admin)
    applications(area, coordinator, 6, received_on=dt.date(2025, 8, 4))

    second = published(area, area_admin, note="Six applications entered late.", on_day=LATER)

    revisions = Release.objects.filter(area=area, period_slug="2025-26").order_by("revision")
    assert [r.revision for r in revisions] == [1, 2]
    assert [r.document["statutory"]["applications"] for r in revisions] == [5, 11]
    assert second.document["note"] == "Six applications entered late."
    assert second.document["published_on"] == "2026-05-21"
    assert Release.objects.get(pk=first.pk).document["revision"] == 1


def test_a_revision_hides_what_would_reveal_a_small_number_against_the_first(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 10, received_on=dt.date(2025, 6, 2), channel="phone")
    first = published(area, area_admin)
    applications(area, coordinator, 2, received_on=dt.date(2025, 6, 3), channel="phone")

    second = published(area, area_admin, note="Two applications entered late.", on_day=LATER)

    assert first.document["breakdowns"]["channel"]["phone"] == 10
    assert second.document["breakdowns"]["channel"]["phone"] is None
    assert second.document["statutory"]["applications"] == 12
