"""A user object keeps its scope once read (casereview.accounts.scoping), so a page reads the
signed-in person's memberships once; any change to a membership is seen at the next question,
by the same user object, and the staff navigation follows it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import Membership, Role, User
from casereview.accounts.scoping import has_any_membership, scope
from casereview.areas.models import Area
from casereview.core.navigation import staff_sections

pytestmark = pytest.mark.django_db


def test_the_scope_is_read_once_for_a_user_object(area: Area, coordinator: User) -> None:
    with CaptureQueriesContext(connection) as queries:
        first = scope(coordinator)
        again = scope(coordinator)
        member = has_any_membership(coordinator)

    assert len(queries.captured_queries) == 1
    assert again == first
    assert member
    assert first.has(Role.COORDINATOR, area.pk)


def test_a_new_membership_is_seen_by_the_same_user_object(
    area: Area, other_area: Area, coordinator: User
) -> None:
    assert not scope(coordinator).has(Role.COORDINATOR, other_area.pk)

    Membership.objects.create(user=coordinator, area=other_area, role=Role.COORDINATOR)

    assert scope(coordinator).has(Role.COORDINATOR, other_area.pk)


def test_a_removed_or_changed_membership_is_seen_at_once(area: Area, coordinator: User) -> None:
    membership = Membership.objects.get(user=coordinator, area=area)
    assert scope(coordinator).has(Role.COORDINATOR, area.pk)

    membership.role = Role.READ_ONLY
    membership.save()
    assert scope(coordinator).roles_in(area.pk) == {Role.READ_ONLY}

    Membership.objects.filter(user=coordinator).delete()
    assert scope(coordinator).is_empty
    assert not has_any_membership(coordinator)


def test_one_users_kept_scope_is_never_anothers(
    area: Area, coordinator: User, area_admin: User
) -> None:
    assert scope(coordinator).roles_in(area.pk) == {Role.COORDINATOR}
    assert scope(area_admin).roles_in(area.pk) == {Role.AREA_ADMINISTRATOR}


def test_the_navigation_follows_a_change_of_role(area: Area, coordinator: User) -> None:
    def section_names() -> list[str]:
        request = RequestFactory().get("/staff/cases/")
        request.user = coordinator
        return [item["name"] for item in staff_sections(request)]

    assert "audit:log" not in section_names()

    Membership.objects.create(user=coordinator, area=area, role=Role.AREA_ADMINISTRATOR)

    assert "audit:log" in section_names()


def test_a_deactivated_user_has_an_empty_scope_even_when_one_was_kept(
    area: Area, coordinator: User
) -> None:
    assert not scope(coordinator).is_empty

    coordinator.is_active = False

    assert scope(coordinator).is_empty
