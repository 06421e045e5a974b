"""The world the permission matrix is walked in, built once per test that walks it.

Time is frozen on an ordinary working day (Monday 16 March 2026) so the case and its deadlines
are built the same way on every run; e-mail goes to the loopback SMTP server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from tests.security.matrix.world import World, build
from tests.smtp import Mailbox


@pytest.fixture
def world(
    in_march: None,
    smtp_server: Mailbox,
    area: Area,
    other_area: Area,
    coordinator: User,
    area_admin: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
    staff_client: Callable[[User], Client],
) -> World:
    return build(
        area, other_area, coordinator, area_admin, django_capture_on_commit_callbacks, staff_client
    )
