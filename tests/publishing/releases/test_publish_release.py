"""Publishing a draft applies disclosure control and freezes the release."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import ImmutableRow
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.releases.services import (
    ReleaseRefused,
    discard_draft,
    prepare_draft,
    publish_release,
)
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db


def test_publishing_stores_the_document_and_who_published_it(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 6, received_on=dt.date(2025, 6, 2), channel="phone")
    applications(area, coordinator, 2, received_on=dt.date(2025, 9, 1), channel="online")

    release = published(area, area_admin)

    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
    assert release.published_by == area_admin
    assert release.published_at is not None
    assert release.document["published_on"] == "2026-05-01"
    assert release.document["revision"] == 1
    assert release.document["area"]["gss_code"] == area.gss_code
    assert release.document["statutory"]["applications"] == 8
    assert release.document["breakdowns"]["channel"]["online"] is None
    assert release.document["breakdowns"]["channel"]["phone"] is None
    assert release.document["breakdowns"]["channel"]["letter"] == 0
    assert release.figures["breakdowns"]["channel"]["online"] == 2


def test_a_published_release_cannot_be_saved_deleted_or_published_again(
    area: Area, area_admin: User
) -> None:
    release = published(area, area_admin)

    release.note = "changed"
    with pytest.raises(ImmutableRow):
        release.save()
    with pytest.raises(ImmutableRow):
        release.delete()
    with on(AFTER_YEAR_END), pytest.raises(ReleaseRefused, match="already been published"):
        publish_release(release, by=area_admin)
    with on(AFTER_YEAR_END), pytest.raises(ReleaseRefused, match="cannot be discarded"):
        discard_draft(release, by=area_admin)

    assert Release.objects.get(pk=release.pk).note == ""


def test_only_an_administrator_publishes(area: Area, coordinator: User, area_admin: User) -> None:
    with on(AFTER_YEAR_END):
        draft = prepare_draft(area, FY, by=area_admin)

        with pytest.raises(PermissionDenied):
            publish_release(draft, by=coordinator)

    assert Release.objects.get(pk=draft.pk).status == ReleaseStatus.DRAFT


def test_a_discarded_draft_is_gone(area: Area, area_admin: User) -> None:
    with on(AFTER_YEAR_END):
        draft = prepare_draft(area, FY, by=area_admin)
        discard_draft(draft, by=area_admin)

    assert not Release.objects.exists()
