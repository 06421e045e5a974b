"""An administrator prepares a draft, reviews what will be published and publishes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import Release, ReleaseStatus
from tests.publishing.releases.helpers import AFTER_YEAR_END, applications, published
from tests.publishing.statistics.helpers import on

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]
FY_FORM = {"kind": "financial_year", "year": "2025", "quarter": ""}


def test_the_list_offers_the_last_financial_year_that_has_ended(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    with on(AFTER_YEAR_END):
        page = staff_client(area_admin).get(
            reverse("publishing:releases", kwargs={"slug": area.slug})
        )

    html = page.content.decode()
    assert 'name="year" type="text" value="2025"' in html or 'value="2025"' in html
    assert "No statistics have been prepared for this area yet." in html


def test_a_draft_shows_exact_numbers_beside_what_will_be_published(
    staff_client: StaffClient, area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 9, received_on=dt.date(2025, 6, 2), channel="phone")
    applications(area, coordinator, 3, received_on=dt.date(2025, 6, 3), channel="online")
    client = staff_client(area_admin)

    with on(AFTER_YEAR_END):
        made = client.post(
            reverse("publishing:release-prepare", kwargs={"slug": area.slug}), FY_FORM
        )
        page = client.get(made["Location"])

    draft = Release.objects.get()
    assert made.status_code == 302
    assert made["Location"] == reverse(
        "publishing:release", kwargs={"slug": area.slug, "pk": draft.pk}
    )
    html = page.content.decode()
    assert "Draft: Financial year 2025 to 2026" in html
    assert "Not published: fewer than 5" in html
    assert "Not published: would reveal a small number by subtraction" in html
    assert "For the area&#39;s own use (not published)" in html
    assert "Median working days to decision" in html
    # Every figure has its written definition beside it.
    assert "Applications for a Case Review received in the period" in html
    assert "Review meetings held in the period, counted by the date the meeting was held" in html


def test_publishing_through_the_page_freezes_the_release(
    staff_client: StaffClient, area: Area, coordinator: User, area_admin: User
) -> None:
    applications(area, coordinator, 6, received_on=dt.date(2025, 6, 2))
    client = staff_client(area_admin)
    with on(AFTER_YEAR_END):
        client.post(reverse("publishing:release-prepare", kwargs={"slug": area.slug}), FY_FORM)
        draft = Release.objects.get()
        kwargs = {"slug": area.slug, "pk": draft.pk}

        done = client.post(reverse("publishing:release-publish", kwargs=kwargs), {"note": ""})
        page = client.get(done["Location"])

    draft.refresh_from_db()
    assert done.status_code == 302
    assert draft.status == ReleaseStatus.PUBLISHED
    assert draft.published_by == area_admin
    html = page.content.decode()
    assert "Published: Financial year 2025 to 2026" in html
    assert "Statutory figures: Financial year 2025 to 2026" in html
    assert "Applications for a Case Review received in the period" in html


def test_a_revision_without_a_note_is_shown_again_with_the_error(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    published(area, area_admin)
    client = staff_client(area_admin)
    with on(AFTER_YEAR_END + dt.timedelta(days=1)):
        client.post(reverse("publishing:release-prepare", kwargs={"slug": area.slug}), FY_FORM)
        draft = Release.objects.get(status=ReleaseStatus.DRAFT)

        response = client.post(
            reverse("publishing:release-publish", kwargs={"slug": area.slug, "pk": draft.pk}),
            {"note": "  "},
        )

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Say what this revision corrects." in html
    assert 'href="#note"' in html or 'href="#id_note"' in html
    assert Release.objects.get(pk=draft.pk).status == ReleaseStatus.DRAFT


def test_refresh_recomputes_and_discard_removes_the_draft(
    staff_client: StaffClient, area: Area, coordinator: User, area_admin: User
) -> None:
    client = staff_client(area_admin)
    with on(AFTER_YEAR_END):
        client.post(reverse("publishing:release-prepare", kwargs={"slug": area.slug}), FY_FORM)
    draft = Release.objects.get()
    kwargs = {"slug": area.slug, "pk": draft.pk}
    applications(area, coordinator, 2, received_on=dt.date(2025, 12, 1))

    with on(AFTER_YEAR_END):
        refreshed = client.post(reverse("publishing:release-refresh", kwargs=kwargs))
    draft.refresh_from_db()
    assert refreshed.status_code == 302
    assert draft.figures["statutory"]["applications"] == 2

    with on(AFTER_YEAR_END):
        gone = client.post(reverse("publishing:release-discard", kwargs=kwargs))

    assert gone["Location"] == reverse("publishing:releases", kwargs={"slug": area.slug})
    assert not Release.objects.exists()


def test_a_published_release_links_to_its_public_page(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    release = published(area, area_admin)

    page = staff_client(area_admin).get(
        reverse("publishing:release", kwargs={"slug": area.slug, "pk": release.pk})
    )

    public = reverse("publishing:area-release", kwargs={"slug": area.slug, "period": "2025-26"})
    assert f'href="{public}?revision=1"' in page.content.decode()
