"""The partner API answers 401, in the shared error shape, to every call without a valid key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.partners.models import AgencyToken
from casereview.partners.tokens.services import revoke_key

ENDPOINTS = [
    ("get", "/api/v1/incidents"),
    ("post", "/api/v1/incidents"),
    ("get", "/api/v1/information-requests"),
    ("get", "/api/v1/information-requests/1"),
    ("post", "/api/v1/information-requests/1/responses"),
    ("get", "/api/v1/actions"),
    ("get", "/api/v1/actions/1"),
    ("patch", "/api/v1/actions/1"),
]


def assert_refused(response: Any) -> None:
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    (error,) = response.json()["errors"]
    assert error["field"] == "Authorization"
    assert error["record"] is None
    assert "API key" in error["message"]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_a_call_without_a_key_is_refused(db: None, method: str, path: str) -> None:
    response = getattr(Client(), method)(path, data={}, content_type="application/json")
    assert_refused(response)


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Token crk_abcdefgh_" + "a" * 43],
)
def test_a_malformed_or_unknown_key_is_refused(db: None, header: str) -> None:
    response = Client(headers={"Authorization": header}).get("/api/v1/actions")
    assert_refused(response)


def test_a_revoked_key_is_refused(
    police_key: tuple[AgencyToken, str],
    police_api: Client,
    area_admin: User,
) -> None:
    assert police_api.get("/api/v1/actions").status_code == 200

    revoke_key(police_key[0], by=area_admin)

    assert_refused(police_api.get("/api/v1/actions"))


def test_a_signed_in_session_is_not_a_key(
    staff_client: Callable[[User], Client], area_admin: User, agency_rep: User
) -> None:
    assert_refused(staff_client(agency_rep).get("/api/v1/information-requests"))
    assert_refused(staff_client(area_admin).get("/api/v1/actions"))
