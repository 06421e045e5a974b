"""An area administrator finds a person across cases, partner records and drafts, and exports
everything held about them as JSON and as a real PDF, with other people's restricted data
withheld and marked; the search and the export are in the audit log."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from django.test import Client
from pypdf import PdfReader

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.partners.ingest import IncidentRecord, ingest_incidents
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import receive
from tests.privacy.helpers import ALLEGED, DESCRIPTION, PERSON, the_person

SEARCH = "/staff/privacy/people/"
EXPORT = "/staff/privacy/people/export/"


def _the_persons_records(area: Area, by: User) -> None:
    receive(area, by, victim=the_person(), asb_description=DESCRIPTION, alleged_responsible=ALLEGED)
    ingest_incidents(
        area,
        area.police_force,
        [
            IncidentRecord(
                agency_reference="HC-1",
                behaviour_on=by.date_joined.date(),
                reported_on=by.date_joined.date(),
                description="Bass at night",
                victim_name=PERSON["name"],
                victim_postcode=PERSON["postcode"],
            )
        ],
        by=None,
    )
    ApplicationDraft.objects.create(
        area=area,
        answers={"victim_email": PERSON["email"], "alleged_responsible": ALLEGED},
    )


def _tokens(client: Client) -> list[str]:
    page = client.get(SEARCH, {"email": PERSON["email"], "name": PERSON["name"]})
    assert page.status_code == 200
    return [match.token for match in (page.context_data or {})["matches"]]


def test_the_search_finds_the_case_the_partner_record_and_the_draft(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    _the_persons_records(area, coordinator)
    tokens = _tokens(staff_client(area_admin))
    assert sorted(token.split(":")[0] for token in tokens) == [
        "case-victim",
        "draft",
        "partner-victim",
    ]
    assert AccessRecord.objects.filter(what="privacy: subject access search", area=area).exists()


def test_the_json_export_holds_the_persons_data_and_withholds_the_alleged_perpetrator(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    _the_persons_records(area, coordinator)
    client = staff_client(area_admin)
    tokens = _tokens(client)

    response = client.post(EXPORT, {"records": tokens, "format": "json"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document: dict[str, Any] = json.loads(response.content)
    text = json.dumps(document)
    for detail in (PERSON["name"], PERSON["email"], PERSON["phone"], DESCRIPTION):
        assert detail in text
    assert ALLEGED not in text
    case = next(r for r in document["records"] if r["kind"] == "case-victim")["data"]
    assert case["behaviour"]["alleged_responsible"]["withheld"] is True
    draft = next(r for r in document["records"] if r["kind"] == "draft")["data"]
    assert draft["answers"]["alleged_responsible"]["withheld"] is True
    assert AccessRecord.objects.filter(
        area=area, what__startswith="privacy: subject access export"
    ).exists()


def test_the_pdf_export_is_a_real_pdf_with_the_persons_data_in_it(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    _the_persons_records(area, coordinator)
    client = staff_client(area_admin)

    response = client.post(EXPORT, {"records": _tokens(client), "format": "pdf"})

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert PERSON["name"] in text
    assert PERSON["email"] in text
    assert "Withheld" in text
    assert "Perpetrator-Unique" not in text


def test_exporting_with_no_record_chosen_says_so_and_keeps_the_search(
    in_march: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    staff_client: Callable[[User], Client],
) -> None:
    _the_persons_records(area, coordinator)
    response = staff_client(area_admin).post(EXPORT, {"format": "json", "email": PERSON["email"]})
    assert response.status_code == 200
    assert "Choose at least one record" in response.content.decode()
    assert (response.context_data or {})["matches"]
