"""A published release is the record of what was published: later cases never change it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release
from casereview.publishing.releases.services import prepare_draft
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db


def _stored(release: Release) -> tuple[str, str]:
    row = Release.objects.get(pk=release.pk)
    return json.dumps(row.document, sort_keys=True), json.dumps(row.figures, sort_keys=True)


def test_a_case_received_later_in_the_period_changes_only_a_new_draft(
    area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 7, received_on=dt.date(2025, 10, 1))
    release = published(area, area_admin)
    before = _stored(release)

    applications(area, coordinator, 1, received_on=dt.date(2026, 3, 31))

    assert _stored(release) == before
    with on(AFTER_YEAR_END + dt.timedelta(days=7)):
        draft = prepare_draft(area, FY, by=area_admin)
    assert draft.figures["statutory"]["applications"] == 8
    assert json.loads(before[0])["statutory"]["applications"] == 7
