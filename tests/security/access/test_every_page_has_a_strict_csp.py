"""Every page, public and staff, is served with a strict Content-Security-Policy (nothing
inline runs or styles the page unless it carries the response's nonce, and no 'unsafe-...'
source) and needs nothing the policy would block: no inline <script> or <style> without that
nonce, no style="" attributes, no inline event handlers.

The pages are walked, not listed: every public page, every staff page without arguments, every
staff page of a case (including the printable letter), and the 403, 404 and 500 pages.
"""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.cases.models import Case
from tests.security.access.pages import (
    assert_strict,
    case_pages,
    nonce_of,
    public_pages,
    staff_routes_without_arguments,
)

pytestmark = pytest.mark.django_db


def test_every_public_page_is_strict(reviewed_case: Case) -> None:
    client = Client()
    pages = public_pages(reviewed_case)
    assert len(pages) >= 20

    html = 0
    for page in pages:
        response = client.get(page)
        assert_strict(response)
        html += response.headers.get("Content-Type", "").startswith("text/html")

    assert html >= 20  # the walk saw real pages, not only redirects and files


def test_every_staff_page_of_a_case_is_strict(
    reviewed_case: Case, coordinator, staff_client
) -> None:
    client = staff_client(coordinator)
    letter = reviewed_case.letters.order_by("pk").first()
    assert letter is not None
    pages = case_pages(reviewed_case)
    assert f"/staff/letters/{reviewed_case.reference}/{letter.pk}/" in pages

    for page in pages:
        assert_strict(client.get(page))


def test_every_other_staff_page_is_strict_for_each_kind_of_member(
    reviewed_case: Case, coordinator, area_admin, chair, agency_rep, staff_client
) -> None:
    pages = staff_routes_without_arguments()
    assert "/staff/" in pages
    assert "/staff/sign-in/" in pages

    for client in (Client(), *(staff_client(u) for u in (coordinator, area_admin, agency_rep))):
        for page in pages:
            assert_strict(client.get(page))


def test_the_letter_page_has_no_inline_style_or_script_left(
    reviewed_case: Case, coordinator, staff_client
) -> None:
    letter = reviewed_case.letters.order_by("pk").first()
    assert letter is not None
    response = staff_client(coordinator).get(
        f"/staff/letters/{reviewed_case.reference}/{letter.pk}/"
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "<style" not in body
    assert 'data-print="true"' in body  # the print button, wired by application.mjs
    # The print styles, now in application.css, apply to this page through its body class.
    assert 'class="govuk-template__body app-letter-page"' in body
    assert_strict(response)


def test_the_403_and_404_pages_are_strict(area, outsider, staff_client) -> None:
    not_found = Client().get("/no-such-page/")
    forbidden = staff_client(outsider).get("/staff/cases/")

    assert not_found.status_code == 404
    assert_strict(not_found)
    assert_strict(forbidden)


@pytest.mark.urls("tests.security.access.urls_with_a_failing_page")
def test_the_500_page_is_strict_and_its_inline_script_has_the_nonce(db) -> None:
    response = Client(raise_request_exception=False).get("/failing-page/")

    assert response.status_code == 500
    assert nonce_of(response) is not None
    assert_strict(response)


def test_each_response_has_a_fresh_nonce_that_its_one_inline_script_carries(db) -> None:
    client = Client()
    first = client.get("/staff/sign-in/")
    second = client.get("/staff/sign-in/")

    nonces = {nonce_of(first), nonce_of(second)}
    assert None not in nonces
    assert len(nonces) == 2
    for response in (first, second):
        # GOV.UK Frontend's js-enabled script, which must run for the components to work.
        assert f'<script nonce="{nonce_of(response)}">' in response.content.decode()
