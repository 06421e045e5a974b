"""Signed-in clients for the appeal pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from casereview.accounts.models import User


@pytest.fixture
def coordinator_client(staff_client: Callable[[User], Client], coordinator: User) -> Client:
    return staff_client(coordinator)


@pytest.fixture
def read_only_client(staff_client: Callable[[User], Client], read_only: User) -> Client:
    return staff_client(read_only)


@pytest.fixture
def outsider_client(staff_client: Callable[[User], Client], outsider: User) -> Client:
    return staff_client(outsider)
