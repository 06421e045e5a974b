"""Which cases a person may see: their area's, for coordinators, administrators and read-only
users; nothing for anyone else yet."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from casereview.cases.selectors import case_for, cases_for
from tests.cases.helpers import receive, victim

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


@pytest.fixture
def ours(area, coordinator):
    return receive(area, coordinator)


@pytest.fixture
def theirs(other_area):
    return receive(other_area, None, victim=victim("Someone Else", email="", phone=""))


@pytest.mark.parametrize("who", ["coordinator", "area_admin", "read_only"])
def test_area_roles_see_their_areas_cases_only(request, who, ours, theirs):
    user = request.getfixturevalue(who)

    assert list(cases_for(user)) == [ours]


def test_an_outsider_sees_none_of_the_areas_cases(outsider, ours, theirs):
    assert ours not in cases_for(outsider)
    assert case_for(outsider, ours.reference) is None
    assert list(cases_for(outsider)) == [theirs]


@pytest.mark.parametrize("who", ["agency_rep", "chair", "appeal_reviewer"])
def test_other_roles_see_no_cases_yet(request, who, ours):
    assert list(cases_for(request.getfixturevalue(who))) == []


def test_anonymous_sees_nothing(ours):
    assert list(cases_for(AnonymousUser())) == []


def test_a_case_is_found_by_its_reference_in_any_case(coordinator, ours):
    assert case_for(coordinator, ours.reference.lower()) == ours
