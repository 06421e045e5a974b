"""Administrators keep the area's own return layouts; bad column lines are reported by number
with everything typed kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.publishing.models import ReturnLayout

pytestmark = pytest.mark.django_db

StaffClient = Callable[[User], Client]

GOOD = {
    "name": "County PCC return",
    "recipient": "pcc",
    "period_kind": "quarter",
    "columns": "Area = area.name\nApplications = statutory.applications\nUpheld = internal.appeals_upheld",
}


def _new(area: Area) -> str:
    return reverse("publishing:return-layout-new", kwargs={"slug": area.slug})


def _layout_url(name: str, area: Area, layout: ReturnLayout) -> str:
    return reverse(f"publishing:return-layout-{name}", kwargs={"slug": area.slug, "pk": layout.pk})


def test_an_administrator_adds_a_layout(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    response = staff_client(area_admin).post(_new(area), GOOD)

    layout = ReturnLayout.objects.get(area=area)
    assert response.status_code == 302
    assert (layout.name, layout.recipient, layout.period_kind) == (
        "County PCC return",
        "pcc",
        "quarter",
    )
    assert layout.columns == [
        {"heading": "Area", "figure": "area.name"},
        {"heading": "Applications", "figure": "statutory.applications"},
        {"heading": "Upheld", "figure": "internal.appeals_upheld"},
    ]
    assert layout.created_by == area_admin


def test_bad_lines_are_each_named_and_what_was_typed_is_kept(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    typed = "Area = area.name\nApplications\nApplications = statutory.aplications"

    response = staff_client(area_admin).post(_new(area), {**GOOD, "columns": typed})

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Line 2: write the column as Heading = figure.key" in html
    assert "Line 3: &#39;statutory.aplications&#39; is not a figure" in html
    assert "Applications = statutory.aplications</textarea>" in html
    assert 'value="County PCC return"' in html
    assert not ReturnLayout.objects.filter(area=area).exists()


def test_a_second_layout_with_the_same_name_is_refused(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    client = staff_client(area_admin)
    client.post(_new(area), GOOD)

    response = client.post(_new(area), {**GOOD, "name": "county pcc return"})

    assert "The area already has a layout called county pcc return." in response.content.decode()
    assert ReturnLayout.objects.filter(area=area).count() == 1


def test_an_administrator_changes_and_deletes_the_areas_own_layout(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    client = staff_client(area_admin)
    client.post(_new(area), GOOD)
    layout = ReturnLayout.objects.get(area=area)

    form = client.get(_layout_url("edit", area, layout))
    client.post(_layout_url("edit", area, layout), {**GOOD, "columns": "Area = area.name"})
    layout.refresh_from_db()
    confirm = client.get(_layout_url("delete", area, layout))
    deleted = client.post(_layout_url("delete", area, layout))

    assert "Upheld = internal.appeals_upheld" in form.content.decode()
    assert layout.columns == [{"heading": "Area", "figure": "area.name"}]
    assert confirm.status_code == 200
    assert deleted.status_code == 302
    assert not ReturnLayout.objects.filter(area=area).exists()


def test_shared_layouts_cannot_be_changed_or_deleted_here(
    staff_client: StaffClient, area: Area, area_admin: User
) -> None:
    shared = ReturnLayout.objects.get(area=None, name="Home Office annual return")
    client = staff_client(area_admin)

    answers = [
        client.get(_layout_url("edit", area, shared)).status_code,
        client.post(_layout_url("edit", area, shared), GOOD).status_code,
        client.post(_layout_url("delete", area, shared)).status_code,
    ]

    assert answers == [404, 404, 404]
    assert ReturnLayout.objects.filter(pk=shared.pk).exists()


def test_a_coordinator_cannot_edit_layouts_and_an_outsider_gets_404(
    staff_client: StaffClient, area: Area, coordinator: User, outsider: User
) -> None:
    assert staff_client(coordinator).post(_new(area), GOOD).status_code == 403
    assert staff_client(outsider).post(_new(area), GOOD).status_code == 404
    assert not ReturnLayout.objects.filter(area=area).exists()
