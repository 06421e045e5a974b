"""Every URL that shows or acts on a case answers 404 — never 403 — to people of another area,
so a reference from elsewhere reveals nothing, not even that the case exists.

The URLs are found by walking the URL configuration: a page added later that takes a case
reference is covered without being listed here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.appeals.models import Ground
from casereview.appeals.services import appeal_lodge
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.reviews.models import Action, VictimVoice, VoiceChoice
from tests.cases.helpers import at
from tests.factories import make_user
from tests.reviews.helpers import consulting
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db

# Pages that must be among those walked: if one disappears from the walk, this test is wrong.
EXPECTED = {
    "cases:case",
    "cases:acknowledge",
    "cases:assign-spoc",
    "cases:add-complaint",
    "cases:request-information",
    "cases:record-response",
    "cases:decide",
    "cases:decline-repeat",
    "cases:victim-contact",
    "cases:withdraw",
    "cases:close",
    "letters:letter",
    "letters:pdf",
    "letters:docx",
    "letters:mark-posted",
    "reviews:voice",
    "reviews:statement",
    "reviews:schedule",
    "reviews:record",
    "reviews:outcome",
    "reviews:minutes",
    "reviews:comment",
    "reviews:finalise",
    "reviews:action",
    "reviews:lead-agency",
    "reviews:documents",
    "reviews:document",
    "appeals:lodge",
    "appeals:appeal",
    "appeals:hear",
    "appeals:outcome",
}


@pytest.fixture(autouse=True)
def on_a_working_day() -> Iterator[None]:
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield


def _walk(
    patterns: list[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, set[str]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace or ""
            yield from _walk(pattern.url_patterns, inner.strip(":"))
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, set(pattern.pattern.regex.groupindex)


def case_urls(case: Case) -> dict[str, str]:
    """Every named URL taking a case reference, filled in for ``case``."""
    letter = case.letters.order_by("pk").first()
    request = case.information_requests.order_by("pk").first()
    action = Action.objects.filter(meeting__case=case).order_by("pk").first()
    appeal = case.appeals.order_by("pk").first()
    values = {
        "reference": case.reference,
        "pk": letter.pk if letter else 0,
        "request_id": request.pk if request else 0,
        "action_id": action.pk if action else 0,
        "appeal_id": appeal.pk if appeal else 0,
        "kind": "agenda",
        "audience": "panel",
        "fmt": "pdf",
    }
    urls = {}
    for name, arguments in _walk(get_resolver().url_patterns):
        if "reference" in arguments:
            urls[name] = reverse(name, kwargs={key: values[key] for key in arguments})
    return urls


def review_record_victim_voice_upload(case: Case, by) -> None:
    """Give the victim's voice an uploaded statement, so the statement download has a file.
    (Written directly: the voice step is closed once the meeting is held.)"""
    VictimVoice.objects.filter(case=case).update(
        statement_file_name="statement.txt",
        statement_file_type="text/plain",
        statement_file=b"My statement.",
    )


def test_every_case_url_is_404_for_people_of_another_area(
    area: Area, other_area: Area, coordinator, staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        # Far enough for every page to have something to show: a review held, its outcome sent,
        # the victim's statement uploaded, and an appeal against how the review was carried out.
        case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
        review_record_victim_voice_upload(case, coordinator)
        appeal_lodge(
            case,
            by=coordinator,
            ground=Ground.REVIEW_CONDUCT,
            received_on=timezone.localdate(),
            what_the_victim_says="The panel did not hear my statement.",
        )
    run_tasks()  # the letters of the steps so far
    assert case.letters.exists()
    urls = case_urls(case)
    assert set(urls) >= EXPECTED

    own = staff_client(coordinator)
    strangers = [
        make_user("coord@other.test", Role.COORDINATOR, other_area),
        make_user("admin@other.test", Role.AREA_ADMINISTRATOR, other_area),
        make_user("viewer@other.test", Role.READ_ONLY, other_area),
    ]
    for stranger in strangers:
        client: Client = staff_client(stranger)
        for name, url in urls.items():
            own_get = own.get(url).status_code
            assert own_get in {200, 302, 405}, (name, own_get)
            answer = client.get(url).status_code
            expected_get = {404, 405} if own_get == 405 else {404}
            assert answer in expected_get, (stranger.email, name, "GET", answer)
            answer = client.post(url, {"reason": "x", "on-day": "1"}).status_code
            assert answer == 404, (stranger.email, name, "POST", answer)
    case.refresh_from_db()
    assert case.status == "consulting_victim"
