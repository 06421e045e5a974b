"""Every response carries the security headers: nosniff, Referrer-Policy, X-Frame-Options
DENY, Cross-Origin-Opener-Policy and Permissions-Policy; in production settings also HSTS, and
cookies that are Secure, HttpOnly and SameSite.

The production half runs the real ``manage.py`` with production settings in a subprocess,
since the test settings relax HSTS and secure cookies for the test client's plain HTTP."""

from __future__ import annotations

import json
from http.cookies import Morsel, SimpleCookie

import pytest
from django.test import Client

from tests.security.access.production import manage

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
NO_POWERFUL_FEATURES = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


def assert_security_headers(headers: dict[str, str], where: str) -> None:
    for name, value in EXPECTED.items():
        assert headers.get(name) == value, (where, name, headers.get(name))
    policy = headers.get("Permissions-Policy", "")
    for feature in NO_POWERFUL_FEATURES:
        assert feature in policy, (where, feature, policy)


@pytest.mark.django_db
def test_public_staff_and_error_pages_carry_the_headers(area, coordinator, staff_client) -> None:
    responses = {
        "home": Client().get("/"),
        "area": Client().get(f"/areas/{area.slug}/"),
        "sign-in": Client().get("/staff/sign-in/"),
        "staff home": staff_client(coordinator).get("/staff/"),
        "redirect": Client().get("/staff/"),
        "404": Client().get("/no-such-page/"),
        "api": Client().get("/api/docs"),
    }
    for where, response in responses.items():
        assert_security_headers(dict(response.headers), where)


# What a browser would be sent in production: a sign-in page over HTTPS, then a sign-in (which
# starts the session), and a page over plain HTTP; the headers and cookies as JSON.
PROBE = """
import json
from django.test import Client
client = Client(HTTP_HOST="casereview.example.org")
page = client.get("/staff/sign-in/", secure=True)
token = page.cookies["csrftoken"].value
from casereview.accounts.models import User
User.objects.create_user("probe@example.org", "a long probe password 1")
client.post("/staff/sign-in/", {"email": "probe@example.org", "password": "a long probe password 1",
            "csrfmiddlewaretoken": token}, secure=True)
plain = client.get("/staff/sign-in/")
print(json.dumps({"headers": dict(page.headers), "cookies": [m.output(header="") for m in
      client.cookies.values()], "plain_status": plain.status_code,
      "plain_location": plain.headers.get("Location", "")}))
"""


@pytest.fixture(scope="module")
def production_response(tmp_path_factory: pytest.TempPathFactory) -> dict:
    var = tmp_path_factory.mktemp("production")
    migrated = manage(var, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    # Static files are served from a manifest after collectstatic in production; that has
    # nothing to do with these headers, so the probe serves them from the build as they are.
    result = manage(var, "shell", "-c", PROBE, STATIC_MANIFEST="0")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(production_response):
    hsts = production_response["headers"].get("Strict-Transport-Security", "")

    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_production_sends_the_other_headers_too(production_response):
    assert_security_headers(production_response["headers"], "production")


def test_production_redirects_plain_http_to_https(production_response):
    assert production_response["plain_status"] == 301
    assert production_response["plain_location"].startswith("https://")


@pytest.mark.parametrize("name", ["sessionid", "csrftoken"])
def test_production_cookies_are_secure_httponly_and_samesite(production_response, name):
    cookies: dict[str, Morsel[str]] = {}
    for line in production_response["cookies"]:
        parsed = SimpleCookie(line.strip())
        cookies.update(parsed)

    assert name in cookies, list(cookies)
    cookie = cookies[name]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
