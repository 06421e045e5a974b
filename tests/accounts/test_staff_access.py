"""The staff home: members see their roles; a signed-in user with no membership is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.views import View

from casereview.accounts.access import StaffRequiredMixin, staff_member_required
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_user_with_no_membership_gets_a_403_that_says_why(staff_client):
    nobody = make_user("new.starter@eastherts.test")

    response = staff_client(nobody).get(reverse("accounts:home"))

    assert response.status_code == 403
    assert "You do not have access to any area yet" in response.content.decode()


def test_a_superuser_with_no_membership_is_refused_too(staff_client):
    root = make_user("root@eastherts.test", is_superuser=True, is_staff=True)

    assert staff_client(root).get(reverse("accounts:home")).status_code == 403


def test_the_home_page_lists_each_role_and_area(staff_client, agency_rep, area):
    page = staff_client(agency_rep).get(reverse("accounts:home")).content.decode()

    assert "East Hertfordshire" in page
    assert "Agency representative" in page
    assert area.police_force.name in page


def test_the_home_page_links_to_the_area_public_page(staff_client, coordinator, area):
    page = staff_client(coordinator).get(reverse("accounts:home")).content.decode()

    assert f'href="{reverse("areas:area", kwargs={"slug": area.slug})}"' in page


def test_the_home_page_shows_nothing_of_other_areas(staff_client, outsider, coordinator):
    page = staff_client(outsider).get(reverse("accounts:home")).content.decode()

    assert "Otherborough" in page
    assert "East Hertfordshire" not in page


def test_the_decorator_refuses_anonymous_requests_before_the_view_runs(rf: RequestFactory):
    called = []

    @staff_member_required
    def view(request: HttpRequest) -> HttpResponse:
        called.append(request)
        return HttpResponse("secret")

    request = rf.get("/staff/cases/")
    request.user = AnonymousUser()
    response = view(request)

    assert response.status_code == 302
    assert called == []


class CasesPage(StaffRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse("cases")


def verified_request(rf: RequestFactory, user) -> HttpRequest:
    request = rf.get("/staff/cases/")
    user.is_verified = lambda: True  # what OTPMiddleware sets after a code is entered
    request.user = user
    return request


def test_the_mixin_lets_a_verified_member_through(rf: RequestFactory, chair):
    response = CasesPage.as_view()(verified_request(rf, chair))

    assert isinstance(response, HttpResponse)
    assert response.content == b"cases"


def test_the_mixin_refuses_a_verified_user_with_no_membership(rf: RequestFactory):
    response = CasesPage.as_view()(verified_request(rf, make_user("nobody@eastherts.test")))

    assert response.status_code == 403
