"""The API key pages of an area: area administrators issue keys (shown once) and revoke them;
other members of the area are refused; people of other areas find nothing."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.models import AgencyToken
from casereview.partners.tokens.services import authenticate, issue_key


def keys_url(area: Area) -> str:
    return reverse("partners:api-keys", kwargs={"slug": area.slug})


def test_an_administrator_issues_a_key_and_sees_it_once(
    staff_client: Callable[[User], Client], area_admin: User, area: Area
) -> None:
    client = staff_client(area_admin)

    response = client.post(
        keys_url(area), {"agency": str(area.police_force.pk), "name": "Niche RMS"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    token = AgencyToken.objects.get()
    shown = re.search(r"crk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}", page)
    assert shown is not None
    key = shown.group(0)
    assert key.startswith(f"crk_{token.prefix}_")
    assert authenticate(key) == token
    assert "no-store" in response["Cache-Control"]
    assert "You will not be able to see it again" in page
    assert key not in client.get(keys_url(area)).content.decode()


def test_the_list_shows_each_agencys_keys_without_the_secret(
    staff_client: Callable[[User], Client], area_admin: User, area: Area
) -> None:
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)

    page = staff_client(area_admin).get(keys_url(area)).content.decode()

    assert "Hertfordshire Constabulary" in page
    assert "Niche RMS" in page
    assert token.prefix in page
    assert key.split("_", 2)[2] not in page
    assert "Alex Admin" in page
    assert 'href="/api/docs"' in page


def test_a_form_with_problems_keeps_what_was_typed(
    staff_client: Callable[[User], Client], area_admin: User, area: Area
) -> None:
    response = staff_client(area_admin).post(keys_url(area), {"name": "Niche RMS"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose the agency that will use the key" in page
    assert 'value="Niche RMS"' in page
    assert not AgencyToken.objects.exists()


def test_an_administrator_revokes_a_key_after_confirming(
    staff_client: Callable[[User], Client], area_admin: User, area: Area
) -> None:
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)
    client = staff_client(area_admin)
    revoke_url = reverse("partners:api-key-revoke", kwargs={"slug": area.slug, "pk": token.pk})

    confirm = client.get(revoke_url)
    assert "Revoke the key" in confirm.content.decode()
    assert authenticate(key) == token

    done = client.post(revoke_url, follow=True)

    assert authenticate(key) is None
    assert f"Key {token.prefix} of Hertfordshire Constabulary revoked" in done.content.decode()


def test_other_members_of_the_area_are_refused(
    staff_client: Callable[[User], Client], coordinator: User, agency_rep: User, area: Area
) -> None:
    assert staff_client(coordinator).get(keys_url(area)).status_code == 403
    response = staff_client(agency_rep).post(
        keys_url(area), {"agency": str(area.police_force.pk), "name": "Mine now"}
    )
    assert response.status_code == 403
    assert not AgencyToken.objects.exists()


def test_people_of_another_area_find_nothing(
    staff_client: Callable[[User], Client], outsider: User, area_admin: User, area: Area
) -> None:
    token, _key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)
    client = staff_client(outsider)

    assert client.get(keys_url(area)).status_code == 404
    revoke_url = reverse("partners:api-key-revoke", kwargs={"slug": area.slug, "pk": token.pk})
    assert client.post(revoke_url).status_code == 404
    assert AgencyToken.objects.get().is_active


def test_a_key_of_another_area_cannot_be_revoked_from_this_one(
    staff_client: Callable[[User], Client],
    area_admin: User,
    area: Area,
    other_area: Area,
) -> None:
    theirs, _key = issue_key(other_area, other_area.police_force, name="RMS", by=None)
    url = reverse("partners:api-key-revoke", kwargs={"slug": area.slug, "pk": theirs.pk})

    assert staff_client(area_admin).post(url).status_code == 404
    assert AgencyToken.objects.get().is_active
