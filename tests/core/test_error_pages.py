"""Errors are shown as pages in the service's own style, never as a bare server message."""

import pytest
from django.test import Client

from casereview.core.views import server_error
from tests.core.conftest import one

# The layout joins the page title and the service name with an en dash.
DASH = "\N{EN DASH}"


@pytest.mark.django_db
def test_an_unknown_address_is_a_styled_page_not_found(client):
    response = client.get("/no-such-page-anywhere/")

    html = response.content.decode()
    assert response.status_code == 404
    assert f"<title>Page not found {DASH} ASB Case Review</title>" in html
    assert one(html, "h1").tag == "h1"
    assert "If you typed the web address, check it is correct." in html
    assert one(html, "div", class_="govuk-generic-header")
    assert "govuk-logo" not in html


@pytest.mark.django_db
def test_the_server_error_handler_renders_the_sorry_page(rf):
    response = server_error(rf.get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert one(html, "div", class_="govuk-generic-header")


@pytest.mark.django_db
@pytest.mark.urls("tests.core.urls")
def test_a_failing_view_shows_the_sorry_page():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_the_permission_denied_page_says_so(rf):
    from django.contrib.auth.models import AnonymousUser

    from casereview.core.views import permission_denied

    request = rf.get("/staff/cases/")
    request.user = AnonymousUser()

    response = permission_denied(request)

    assert response.status_code == 403
    assert "You do not have permission to view this page" in response.content.decode()


def test_the_sorry_page_survives_a_broken_template(monkeypatch, rf):
    import casereview.core.views as views

    def explode(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(views, "render_to_string", explode)

    response = views.server_error(rf.get("/"))

    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
