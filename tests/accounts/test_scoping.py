"""The scoping function: a person sees only the areas they are a member of."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from casereview.accounts.models import Membership, Role
from casereview.accounts.scoping import agencies_for, areas_for, can, scope
from casereview.areas.models import Area
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_member_sees_only_their_own_area(coordinator, area, other_area):
    assert list(areas_for(coordinator)) == [area]


def test_an_outsider_sees_nothing_of_the_area(outsider, area, other_area):
    assert area not in areas_for(outsider)
    assert not can(outsider, Role.COORDINATOR, area)
    assert area.pk not in scope(outsider).area_ids()


def test_a_superuser_without_membership_sees_no_area(area):
    root = make_user("root@eastherts.test", is_superuser=True, is_staff=True)

    assert list(areas_for(root)) == []
    assert scope(root).is_empty


def test_anonymous_and_deactivated_users_see_nothing(coordinator, area):
    coordinator.is_active = False
    coordinator.save()

    assert list(areas_for(AnonymousUser())) == []
    assert list(areas_for(coordinator)) == []
    assert not can(coordinator, Role.COORDINATOR, area)


def test_roles_narrow_the_areas(chair, area):
    assert list(areas_for(chair, roles=[Role.CHAIR])) == [area]
    assert list(areas_for(chair, roles=[Role.COORDINATOR, Role.AREA_ADMINISTRATOR])) == []


def test_can_checks_the_exact_role_in_the_exact_area(read_only, area, other_area):
    assert can(read_only, Role.READ_ONLY, area)
    assert can(read_only, [Role.COORDINATOR, Role.READ_ONLY], area.pk)
    assert not can(read_only, Role.COORDINATOR, area)
    assert not can(read_only, Role.READ_ONLY, other_area)


def test_one_person_can_hold_roles_in_two_areas(area, other_area):
    person = make_user("both@eastherts.test", Role.COORDINATOR, area)
    Membership.objects.create(user=person, area=other_area, role=Role.CHAIR)

    assert set(areas_for(person)) == {area, other_area}
    assert scope(person).roles_in(other_area.pk) == {"chair"}


def test_an_agency_representative_is_scoped_to_their_agency(agency_rep, area):
    granted = scope(agency_rep)

    assert granted.agency_ids() == {area.police_force_id}
    assert granted.agency_ids(area.pk) == {area.police_force_id}
    assert list(agencies_for(agency_rep)) == [area.police_force]


def test_agency_filters_keep_only_rows_of_the_represented_agency(agency_rep, coordinator, area):
    # Memberships stand in for any row with an area and an agency (as case records will have).
    make_user("council@eastherts.test", Role.AGENCY_REPRESENTATIVE, area, agency=area.council)

    rows = Membership.objects.filter(scope(agency_rep).agency_q())

    assert [m.user for m in rows] == [agency_rep]
    assert not Membership.objects.filter(scope(coordinator).agency_q()).exists()


def test_area_filters_match_nothing_for_an_empty_scope(area, outsider):
    # The filter a case selector would use: it must never widen to "everything".
    assert not Area.objects.filter(scope(outsider).area_q("pk", roles=[Role.CHAIR])).exists()
    assert not Area.objects.filter(scope(AnonymousUser()).area_q("pk")).exists()


def test_area_filters_keep_the_member_areas(coordinator, area, other_area):
    assert list(Area.objects.filter(scope(coordinator).area_q("pk"))) == [area]


def test_the_scope_is_frozen(coordinator):
    granted = scope(coordinator)

    with pytest.raises(AttributeError):
        granted.grants = ()  # type: ignore[misc]
