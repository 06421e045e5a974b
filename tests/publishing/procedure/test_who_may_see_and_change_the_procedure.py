"""Coordinators and read-only members see the procedure pages; only area administrators change
anything (others get 403, as on the other administrators' pages); anyone with no part in the
area gets 404."""

from __future__ import annotations

import pytest

from casereview.accounts.models import Role
from tests.factories import make_user
from tests.publishing.procedure.helpers import url

pytestmark = pytest.mark.django_db

EDITING_PAGES = ["policy-edit", "consultation-add", "review-add"]


@pytest.mark.parametrize("user", ["area_admin", "coordinator", "read_only"])
def test_the_overview_and_versions_are_open_to_the_areas_publishing_roles(
    staff_client, area, user, request
):
    client = staff_client(request.getfixturevalue(user))
    assert client.get(url("procedure", area)).status_code == 200
    assert client.get(url("policy-version", area, version=1)).status_code == 200


@pytest.mark.parametrize("user", ["coordinator", "read_only"])
@pytest.mark.parametrize("page", EDITING_PAGES)
def test_other_members_of_the_area_may_not_change_it(staff_client, area, user, page, request):
    client = staff_client(request.getfixturevalue(user))
    assert client.get(url(page, area)).status_code == 403
    assert client.post(url(page, area), {}).status_code == 403


@pytest.mark.parametrize("page", EDITING_PAGES)
def test_administrators_may_open_every_editing_page(staff_client, area_admin, area, page):
    assert staff_client(area_admin).get(url(page, area)).status_code == 200


@pytest.mark.parametrize("user", ["outsider", "agency_rep", "chair"])
@pytest.mark.parametrize("page", ["procedure", *EDITING_PAGES])
def test_people_with_no_part_in_the_areas_publishing_get_404(
    staff_client, area, user, page, request
):
    client = staff_client(request.getfixturevalue(user))
    assert client.get(url(page, area)).status_code == 404


def test_an_administrator_of_another_area_gets_404(staff_client, area, other_area):
    other_admin = make_user("admin@otherborough.test", Role.AREA_ADMINISTRATOR, other_area)
    client = staff_client(other_admin)
    assert client.get(url("policy-edit", area)).status_code == 404
    assert client.get(url("procedure", area)).status_code == 404


def test_an_unknown_version_is_404(staff_client, area_admin, area):
    assert staff_client(area_admin).get(url("policy-version", area, version=9)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, area):
    response = client.get(url("policy-edit", area))
    assert response.status_code == 302
    assert "sign-in" in response["Location"] or "login" in response["Location"]
