"""Fixtures for the review's step pages: time frozen on Monday 21 December 2026 (the
``before_christmas`` fixture) and signed-in clients for the cast."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User


@pytest.fixture(autouse=True)
def _frozen(before_christmas: None) -> None:
    """Every test here runs on Monday 21 December 2026 (the dependency keeps time frozen)."""


@pytest.fixture
def coordinator_client(staff_client: Callable[[User], Client], coordinator: User) -> Client:
    return staff_client(coordinator)


@pytest.fixture
def read_only_client(staff_client: Callable[[User], Client], read_only: User) -> Client:
    return staff_client(read_only)


@pytest.fixture
def outsider_client(staff_client: Callable[[User], Client], outsider: User) -> Client:
    return staff_client(outsider)


@pytest.fixture
def agency_rep_client(staff_client: Callable[[User], Client], agency_rep: User) -> Client:
    return staff_client(agency_rep)
