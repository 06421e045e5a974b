"""One of every object a URL of the service can name, and a signed-in client per principal.

The walk of the permission matrix fills every URL in from a ``World``: the case at the centre is
far enough through the workflow for every case page to have something to show (a review held,
its outcome sent, the victim's statement uploaded, an appeal lodged, letters made), and the area
has one of everything its staff pages list (an import, proposed matches, a second-report prompt,
an API key, a draft release, a return layout, a consultation, a PLEDGE self-assessment, an
erasure request).

Principals (see casereview/accounts/permission_matrix): "own" people are members of the case's
area (the agency representative represents the police force, which was asked for information,
sits on the panel and owns an action); "other" people hold the same role in another area (the
agency representative: the housing association of the same area, another agency). The applicant
holds the tracking link of the case and the resume link of a draft in the area; the other
applicant holds those of their own case and draft, in another area.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from casereview.accounts.models import Role, User
from casereview.appeals.models import Ground
from casereview.appeals.services import appeal_lodge
from casereview.areas.models import AgencyKind, Area
from casereview.cases.models import Case
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.models import (
    IncidentImport,
    IncidentImportFile,
    ResponseDocument,
    SecondReportPrompt,
)
from casereview.partners.tokens.services import issue_key, revoke_key
from casereview.pledge.checklist import ITEMS
from casereview.privacy.selectors import resolve
from casereview.privacy.services import erase
from casereview.public.apply.flow import QUESTIONS
from casereview.public.links import resume_token, tracking_token
from casereview.public.models import ApplicationDraft
from casereview.publishing.models import ReturnLayout
from casereview.publishing.open_data.schemas import SCHEMA_NAMES
from casereview.publishing.periods import Period
from casereview.publishing.procedure.services import ConsultationDetails, record_consultation
from casereview.publishing.releases.services import prepare_draft, publish_release
from casereview.publishing.returns.layouts import Column
from casereview.publishing.returns.services import save_layout
from casereview.reviews.models import Action, PanelMember, VictimVoice, VoiceChoice
from tests.api.partners.helpers import another_victim
from tests.cases.helpers import agency_of, receive
from tests.factories import make_user
from tests.partners.duties.helpers import incident, victim_record
from tests.partners.ingest.helpers import csv_file, csv_row
from tests.partners.matching.pages import proposed_matches
from tests.pledge.helpers import completed
from tests.reviews.helpers import consulting
from tests.tasks import run_tasks

StaffClient = Callable[[User], Client]

# Values of URL arguments that name no object, only a choice among fixed ones.
FIXED = {
    "kind": "agenda",
    "audience": "panel",
    "fmt": "pdf",
    "lang": "en",
    "version": "1",
}
# Every "pk" argument names a different kind of object, depending on the route.
PK_OF = {
    "letters": "letter",
    "public:track_letter": "letter",
    "partners:api-key-revoke": "api_key",
    "publishing:release": "release",
    "publishing:release-refresh": "release",
    "publishing:release-publish": "release",
    "publishing:release-discard": "release",
    "publishing:return-layout-edit": "layout",
    "publishing:return-layout-delete": "layout",
    "publishing:return": "layout",
    "publishing:return-csv": "layout",
    "publishing:consultation-edit": "consultation",
    "pledge:report": "assessment",
    "pledge:report-pdf": "assessment",
    "privacy:erasure": "erasure",
}


@dataclass
class World:
    area: Area
    other_area: Area
    case: Case
    other_case: Case
    ids: dict[str, Any]
    clients: dict[str, Client] = field(default_factory=dict)
    # Per principal, the token it presents where a URL carries one.
    tokens: dict[str, dict[str, str]] = field(default_factory=dict)

    def kwargs(self, route: str, arguments: frozenset[str], principal: str) -> dict[str, Any]:
        """The URL arguments of ``route`` for ``principal``, naming the world's objects."""
        values: dict[str, Any] = {}
        for name in arguments:
            if name == "pk":
                kind = PK_OF.get(route) or PK_OF.get(route.split(":", 1)[0])
                if kind is None:
                    raise LookupError(f"Which object does 'pk' of {route} name? Add it to PK_OF.")
                values[name] = self.ids[kind]
            elif name == "token" and route.startswith("public:"):
                kind = "resume" if route == "public:apply_resume" else "track"
                values[name] = self.tokens[principal][kind]
            elif name == "link_id" and route == "partners:victim-match":
                values[name] = self.ids["victim_link"]
            elif name in FIXED:
                values[name] = FIXED[name]
            elif name in self.ids:
                values[name] = self.ids[name]
            else:
                raise LookupError(f"No value for URL argument {name!r} of {route}")
        return values

    def url(self, route: str, arguments: frozenset[str], principal: str) -> str:
        return reverse(route, kwargs=self.kwargs(route, arguments, principal))


def _draft(area: Area, email: str) -> ApplicationDraft:
    return ApplicationDraft.objects.create(area=area, resume_email=email)


def build(
    area: Area,
    other_area: Area,
    coordinator: User,
    area_admin: User,
    capture: Callable[..., Any],
    staff_client: StaffClient,
) -> World:
    """The world, built through the services the service itself uses."""
    with capture(execute=True):
        case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
        VictimVoice.objects.filter(case=case).update(
            statement_file_name="statement.txt",
            statement_file_type="text/plain",
            statement_file=b"My statement.",
        )
        appeal_lodge(
            case,
            by=coordinator,
            ground=Ground.REVIEW_CONDUCT,
            received_on=timezone.localdate(),
            what_the_victim_says="The panel did not hear my statement.",
        )
        other_coordinator = make_user("coordinator@other.test", Role.COORDINATOR, other_area)
        other_case = receive(other_area, other_coordinator, victim=another_victim("Olive Other", 8))
    run_tasks()
    police = area.police_force
    housing = agency_of(area, AgencyKind.HOUSING)
    request = case.information_requests.get(agency=police)
    document = ResponseDocument.objects.create(
        response=request.responses.get(),
        name="log.txt",
        content_type="text/plain",
        data=b"l",
        size=1,
    )
    # The reference panel draws on the first three relevant bodies; the police sit on it too here,
    # so that one agency owns a request, a response file, a panel seat and an action.
    seat = PanelMember.objects.create(
        meeting=case.meetings.get(),
        agency=police,
        name="Pat Officer",
        email="pat.officer@police.test",
        relevant_body=True,
        attended=True,
    )
    letter = case.letters.filter(recipient__in=["victim", "applicant"]).order_by("pk").first()
    assert letter is not None, "the case has no letter to the victim to walk the letter pages"

    upload = IncidentImport.objects.create(area=area, agency=police, file_name="incidents.csv")
    IncidentImportFile.objects.create(upload=upload, content=csv_file(csv_row()))
    incident_link, victim_link = proposed_matches(area)
    record = victim_record(area, police, "Pat Prompted", postcode="SG13 7AA")
    incident(area, police, record, dt.date(2026, 1, 5))
    raise_second_report_prompts([incident(area, police, record, dt.date(2026, 2, 1))])
    prompt = SecondReportPrompt.objects.filter(area=area).order_by("pk").first()
    assert prompt is not None
    key, _plain = issue_key(area, police, name="Niche RMS", by=area_admin)
    layout = save_layout(
        area,
        by=area_admin,
        name="County PCC return",
        recipient="pcc",
        period_kind="quarter",
        columns=[Column("Applications", "statutory.applications")],
    )
    assert isinstance(layout, ReturnLayout)
    consultation = record_consultation(
        area,
        ConsultationDetails(
            consultee_kind="other",
            agency=None,
            consultee_name="Residents' association",
            policy=area.policies.get(version=1),
            consulted_on=dt.date(2026, 3, 2),
        ),
        by=area_admin,
    )
    # A published release for the open data pages, a draft for the staff release pages.
    published = Period.financial_year(2024)
    publish_release(prepare_draft(area, published, by=area_admin), by=area_admin)
    release = prepare_draft(area, Period.financial_year(2023), by=area_admin)
    assessment = completed(area, area_admin)
    # An erasure request about the case's victim, refused because the case is open: recorded
    # all the same, and the case is left as it was for the other pages.
    erasure = erase(
        resolve([f"case-victim:{case.pk}"], [area.pk]),
        by=area_admin,
        received_how="A letter from the victim",
    )
    assert not any(item["erased"] for item in erasure.items)

    ids: dict[str, Any] = {
        "reference": case.reference,
        "letter": letter.pk,
        "request_id": request.pk,
        "file_id": document.pk,
        "member_id": seat.pk,
        "action_id": Action.objects.get(meeting__case=case, owner=police).pk,
        "appeal_id": case.appeals.get().pk,
        "slug": area.slug,
        "region_slug": slugify(area.region),
        "question": QUESTIONS[0].slug,
        "import_id": upload.pk,
        "link_id": incident_link.pk,
        "prompt_id": prompt.pk,
        "api_key": key.pk,
        "release": release.pk,
        "layout": layout.pk,
        "consultation": consultation.pk,
        "assessment": assessment.pk,
        "erasure": erasure.pk,
        "code": ITEMS[0].code,
        "period": published.slug,
        "name": sorted(SCHEMA_NAMES)[0],
        "uidb64": "MQ",
        "token": "set-password",
    }
    # The victim-match page names its link with the same argument as the incident-match page.
    ids["victim_link"] = victim_link.pk

    world = World(area=area, other_area=other_area, case=case, other_case=other_case, ids=ids)
    own_draft = _draft(area, "sam@example.test")
    other_draft = _draft(other_area, "olive@example.test")
    # A link of the other kind stands for "no valid link": links are single-purpose.
    wrong_kind = {
        "track": resume_token(own_draft),
        "resume": tracking_token(case, case.victim_email),
    }

    people = {
        "coordinator:own": coordinator,
        "area_admin:own": area_admin,
        "agency_rep:own": make_user("rep@police.test", Role.AGENCY_REPRESENTATIVE, area),
        "chair:own": make_user("chair@own.test", Role.CHAIR, area),
        "appeal_reviewer:own": make_user("reviewer@own.test", Role.APPEAL_REVIEWER, area),
        "read_only:own": make_user("reader@own.test", Role.READ_ONLY, area),
        "coordinator:other": other_coordinator,
        "area_admin:other": make_user("admin@other.test", Role.AREA_ADMINISTRATOR, other_area),
        "agency_rep:other": make_user(
            "rep@housing.test", Role.AGENCY_REPRESENTATIVE, area, agency=housing
        ),
        "chair:other": make_user("chair@other.test", Role.CHAIR, other_area),
        "appeal_reviewer:other": make_user("reviewer@other.test", Role.APPEAL_REVIEWER, other_area),
        "read_only:other": make_user("reader@other.test", Role.READ_ONLY, other_area),
    }
    for principal, person in people.items():
        world.clients[principal] = staff_client(person)
        world.tokens[principal] = wrong_kind
    world.clients["anonymous"] = Client()
    world.tokens["anonymous"] = wrong_kind
    for principal, tracked, draft in (
        ("applicant:own", case, own_draft),
        ("applicant:other", other_case, other_draft),
    ):
        client = Client()
        track = tracking_token(tracked, tracked.victim_email)
        resume = resume_token(draft)
        assert client.get(reverse("public:track_open", kwargs={"token": track})).status_code == 302
        opened = client.get(
            reverse("public:apply_resume", kwargs={"slug": draft.area.slug, "token": resume})
        )
        assert opened.status_code == 302
        world.clients[principal] = client
        world.tokens[principal] = {"track": track, "resume": resume}

    # The API's principals: a key of the police (who own the request and the action), a key of
    # the housing association (another agency of the area), a revoked police key, and a staff
    # session sending no key.
    housing_key = issue_key(area, housing, name="Housing CRM", by=area_admin)[1]
    revoked, revoked_plain = issue_key(area, police, name="Old RMS", by=area_admin)
    revoke_key(revoked, by=area_admin)
    world.clients["api:anonymous"] = Client()
    world.clients["api:key:own"] = Client(headers={"Authorization": f"Bearer {_plain}"})
    world.clients["api:key:other"] = Client(headers={"Authorization": f"Bearer {housing_key}"})
    world.clients["api:key:revoked"] = Client(headers={"Authorization": f"Bearer {revoked_plain}"})
    world.clients["api:staff-session"] = staff_client(people["agency_rep:own"])
    return world
