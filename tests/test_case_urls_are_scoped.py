"""Every URL that shows or acts on a case answers 404 — never 403 — to people of another area,
so a reference from elsewhere reveals nothing, not even that the case exists. The same holds for
agency representatives, who see a case only through the agency portal: every case URL is 404 to
them but their own action's, and the portal's pages are 404 to every agency but the owner.

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
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.models import Case
from casereview.partners.models import ResponseDocument
from casereview.reviews.models import Action, PanelMember, VictimVoice, VoiceChoice
from tests.cases.helpers import at
from tests.factories import add_agency, make_agency, make_user
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
            # An include() of a plain list of patterns has no namespace of its own.
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from _walk(pattern.url_patterns, inner)
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


# --- Agency representatives --------------------------------------------------------------------
#
# An agency sees a case only through what was asked of it: no case page, no step, no letter. The
# one case URL open to it is its own action's update page (reviews:action); the portal's pages
# (partners:request, partners:answer, partners:response-file, partners:panel) are its way in.

# Portal pages that must be among those walked.
EXPECTED_PORTAL = {
    "partners:request",
    "partners:answer",
    "partners:response-file",
    "partners:panel",
}


def _reviewed_case(area: Area, coordinator, capture) -> Case:
    with capture(execute=True):
        case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
        review_record_victim_voice_upload(case, coordinator)
    run_tasks()
    return case


def _assert_all_404(client: Client, urls: dict[str, str], who: str, skip: set[str]) -> None:
    for name, url in urls.items():
        if name in skip:
            continue
        answer = client.get(url).status_code
        assert answer in {404, 405}, (who, name, "GET", answer)
        answer = client.post(url, {"reason": "x", "on-day": "1"}).status_code
        assert answer == 404, (who, name, "POST", answer)


def test_every_case_url_is_404_for_agencies_not_involved(
    area: Area, other_area: Area, coordinator, staff_client, django_capture_on_commit_callbacks
):
    case = _reviewed_case(area, coordinator, django_capture_on_commit_callbacks)
    urls = case_urls(case)
    assert set(urls) >= EXPECTED
    # A service of the area that was asked nothing, sits on no panel and owns no action.
    fire = make_agency("Hertfordshire Fire and Rescue Service", AgencyKind.FIRE)
    add_agency(area, fire, relevant_body=False)
    strangers = [
        make_user("rep@other.test", Role.AGENCY_REPRESENTATIVE, other_area),
        make_user("rep@fire.test", Role.AGENCY_REPRESENTATIVE, area, agency=fire),
    ]
    for stranger in strangers:
        _assert_all_404(staff_client(stranger), urls, stranger.email, skip=set())


def test_the_involved_agency_reaches_only_its_own_action(
    area: Area, coordinator, agency_rep, staff_client, django_capture_on_commit_callbacks
):
    case = _reviewed_case(area, coordinator, django_capture_on_commit_callbacks)
    own_action = Action.objects.get(meeting__case=case, owner=area.police_force)
    assert case.information_requests.filter(agency=area.police_force).exists()
    urls = case_urls(case)  # reviews:action here is the council's action
    client = staff_client(agency_rep)

    _assert_all_404(client, urls, agency_rep.email, skip=set())
    own = reverse(
        "reviews:action", kwargs={"reference": case.reference, "action_id": own_action.pk}
    )
    assert client.get(own).status_code == 200


def portal_urls(values: dict[str, int]) -> dict[str, str]:
    """Every named URL of the portal taking one of its objects' ids, filled in from ``values``."""
    urls = {}
    for name, arguments in _walk(get_resolver().url_patterns):
        if name.startswith("partners:") and arguments & {"request_id", "member_id", "file_id"}:
            urls[name] = reverse(name, kwargs={key: values[key] for key in arguments})
    return urls


def test_portal_urls_are_404_for_other_agencies_and_open_to_the_owner(
    area: Area,
    other_area: Area,
    coordinator,
    agency_rep,
    staff_client,
    django_capture_on_commit_callbacks,
):
    case = _reviewed_case(area, coordinator, django_capture_on_commit_callbacks)
    police_request = case.information_requests.get(agency=area.police_force)
    response = police_request.responses.get()
    document = ResponseDocument.objects.create(
        response=response, name="log.txt", content_type="text/plain", data=b"log", size=3
    )
    council_seat = PanelMember.objects.get(meeting__case=case, agency=area.council)
    council_rep = make_user(
        "rep@council.test", Role.AGENCY_REPRESENTATIVE, area, agency=area.council
    )
    urls = portal_urls(
        {"request_id": police_request.pk, "file_id": document.pk, "member_id": council_seat.pk}
    )
    assert set(urls) >= EXPECTED_PORTAL

    for name, url in urls.items():
        owner = council_rep if "panels" in url else agency_rep
        answer = staff_client(owner).get(url).status_code
        # The answer form sends the owner back to the request: the case is past answering.
        assert answer in {200, 302}, (name, answer)
    housing = make_user(
        "rep@housing.test",
        Role.AGENCY_REPRESENTATIVE,
        area,
        agency=Agency.objects.get(area_agencies__area=area, kind=AgencyKind.HOUSING),
    )
    strangers = [housing, make_user("rep@other.test", Role.AGENCY_REPRESENTATIVE, other_area)]
    for stranger in strangers:
        _assert_all_404(staff_client(stranger), urls, stranger.email, skip=set())
    # Each owner is a stranger to the other's objects.
    _assert_all_404(
        staff_client(council_rep),
        {n: u for n, u in urls.items() if "panels" not in u},
        "council",
        set(),
    )
    _assert_all_404(
        staff_client(agency_rep), {n: u for n, u in urls.items() if "panels" in u}, "police", set()
    )
