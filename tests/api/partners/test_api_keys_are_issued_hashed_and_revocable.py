"""Issuing, recognising and revoking agency API keys (partners.tokens.services)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.partners.models import AgencyToken
from casereview.partners.tokens.services import authenticate, issue_key, revoke_key
from tests.factories import make_agency


def test_a_key_is_shown_once_and_only_its_hash_is_stored(area: Area, area_admin: User) -> None:
    token, key = issue_key(area, area.police_force, name="Niche RMS", by=area_admin)

    assert key.startswith(f"crk_{token.prefix}_")
    assert len(token.prefix) == 8
    stored = AgencyToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    secret = key.split("_", 2)[2]
    assert secret not in stored.key_hash
    assert not AgencyToken.objects.filter(key_hash__contains=secret).exists()
    assert stored.created_by == area_admin
    assert stored.name == "Niche RMS"


def test_the_key_is_recognised_and_a_near_miss_is_not(area: Area, area_admin: User) -> None:
    token, key = issue_key(area, area.police_force, name="RMS", by=area_admin)

    assert authenticate(key) == token
    assert authenticate(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert authenticate(key + "x") is None
    assert authenticate("crk_unknown1_" + "a" * 43) is None
    assert authenticate("") is None
    assert authenticate("Bearer " + key) is None


def test_a_revoked_key_no_longer_works(area: Area, area_admin: User) -> None:
    token, key = issue_key(area, area.police_force, name="RMS", by=area_admin)

    revoke_key(token, by=area_admin)

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.revoked_by == area_admin
    assert authenticate(key) is None


def test_revoking_twice_keeps_the_first_revocation(area: Area, area_admin: User) -> None:
    token, _key = issue_key(area, area.police_force, name="RMS", by=area_admin)
    first = revoke_key(token, by=area_admin).revoked_at

    with time_machine.travel(timezone.now() + dt.timedelta(hours=1), tick=False):
        again = revoke_key(token, by=area_admin)

    assert again.revoked_at == first


def test_last_use_is_written_at_most_once_a_minute(area: Area, area_admin: User) -> None:
    token, key = issue_key(area, area.police_force, name="RMS", by=area_admin)
    start = timezone.now()

    authenticate(key)
    with time_machine.travel(start + dt.timedelta(seconds=30), tick=False):
        authenticate(key)
    token.refresh_from_db()
    assert token.last_used_at == start

    with time_machine.travel(start + dt.timedelta(seconds=61), tick=False):
        authenticate(key)
    token.refresh_from_db()
    assert token.last_used_at == start + dt.timedelta(seconds=61)


def test_only_the_areas_administrators_issue_and_revoke_keys(
    area: Area, coordinator: User, area_admin: User, outsider: User
) -> None:
    with pytest.raises(PermissionDenied):
        issue_key(area, area.police_force, name="RMS", by=coordinator)
    with pytest.raises(PermissionDenied):
        issue_key(area, area.police_force, name="RMS", by=outsider)
    token, _key = issue_key(area, area.police_force, name="RMS", by=area_admin)
    with pytest.raises(PermissionDenied):
        revoke_key(token, by=coordinator)
    assert AgencyToken.objects.get(pk=token.pk).revoked_at is None


def test_a_key_is_only_for_an_agency_of_the_area_and_needs_a_name(
    area: Area, area_admin: User
) -> None:
    stranger = make_agency("Somewhere Else Housing")

    with pytest.raises(ValidationError) as refused:
        issue_key(area, stranger, name="  ", by=area_admin)

    assert set(refused.value.message_dict) == {"agency", "name"}
    assert "Somewhere Else Housing" in refused.value.message_dict["agency"][0]
    assert not AgencyToken.objects.exists()


def test_a_key_stops_working_when_its_agency_leaves_the_area(area: Area, area_admin: User) -> None:
    housing = area.area_agencies.get(agency__kind="housing")
    token, key = issue_key(area, housing.agency, name="CRM", by=area_admin)
    assert authenticate(key) == token

    housing.delete()

    assert authenticate(key) is None
