"""Administrators publish; coordinators and read-only users see releases but cannot act (403);
anyone with no part in the area, or asking for another area's release, gets 404."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.releases.services import prepare_draft
from tests.factories import make_user
from tests.publishing.releases.helpers import AFTER_YEAR_END, FY
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]


def _urls(area: Area, release: Release) -> dict[str, str]:
    kwargs = {"slug": area.slug, "pk": release.pk}
    return {
        "prepare": reverse("publishing:release-prepare", kwargs={"slug": area.slug}),
        "refresh": reverse("publishing:release-refresh", kwargs=kwargs),
        "publish": reverse("publishing:release-publish", kwargs=kwargs),
        "discard": reverse("publishing:release-discard", kwargs=kwargs),
    }


@pytest.fixture
def draft(area: Area) -> Release:
    with on(AFTER_YEAR_END):
        return prepare_draft(area, FY, by=None)


@pytest.mark.parametrize("who", ["area_admin", "coordinator", "read_only"])
def test_the_areas_publishing_roles_see_the_releases_and_the_draft(
    request: pytest.FixtureRequest, staff_client: StaffClient, area: Area, draft: Release, who: str
) -> None:
    client = staff_client(request.getfixturevalue(who))

    listing = client.get(reverse("publishing:releases", kwargs={"slug": area.slug}))
    page = client.get(reverse("publishing:release", kwargs={"slug": area.slug, "pk": draft.pk}))

    assert listing.status_code == 200
    assert "Financial year 2025 to 2026" in listing.content.decode()
    assert page.status_code == 200
    assert "Draft: Financial year 2025 to 2026" in page.content.decode()


@pytest.mark.parametrize("who", ["coordinator", "read_only"])
def test_those_who_may_only_see_cannot_prepare_publish_refresh_or_discard(
    request: pytest.FixtureRequest, staff_client: StaffClient, area: Area, draft: Release, who: str
) -> None:
    client = staff_client(request.getfixturevalue(who))

    listing = client.get(reverse("publishing:releases", kwargs={"slug": area.slug}))
    answers = {
        action: client.post(url, {"kind": "financial_year", "year": "2025", "note": "x"})
        for action, url in _urls(area, draft).items()
    }

    assert "Prepare the draft" not in listing.content.decode()
    assert {action: r.status_code for action, r in answers.items()} == dict.fromkeys(answers, 403)
    assert Release.objects.get().status == ReleaseStatus.DRAFT


def test_someone_with_no_part_in_the_area_gets_404_for_every_page(
    staff_client: StaffClient, area: Area, outsider: User, draft: Release
) -> None:
    client = staff_client(outsider)

    pages = [
        client.get(reverse("publishing:releases", kwargs={"slug": area.slug})),
        client.get(reverse("publishing:release", kwargs={"slug": area.slug, "pk": draft.pk})),
        *(client.post(url, {"note": "x"}) for url in _urls(area, draft).values()),
    ]

    assert [p.status_code for p in pages] == [404] * len(pages)
    assert Release.objects.get().status == ReleaseStatus.DRAFT


def test_another_areas_release_is_404_even_through_an_area_the_person_administers(
    staff_client: StaffClient, area: Area, other_area: Area, area_admin: User
) -> None:
    with on(AFTER_YEAR_END):
        theirs = prepare_draft(other_area, FY, by=None)
    client = staff_client(area_admin)

    kwargs = {"slug": area.slug, "pk": theirs.pk}
    page = client.get(reverse("publishing:release", kwargs=kwargs))
    publish = client.post(reverse("publishing:release-publish", kwargs=kwargs))

    assert (page.status_code, publish.status_code) == (404, 404)
    assert Release.objects.get(pk=theirs.pk).status == ReleaseStatus.DRAFT


def test_an_administrator_of_another_area_gets_404(
    staff_client: StaffClient, area: Area, other_area: Area, draft: Release
) -> None:
    elsewhere = make_user("admin@otherborough.test", "area_admin", other_area)

    response = staff_client(elsewhere).post(_urls(area, draft)["publish"])

    assert response.status_code == 404
