"""Walking the online application in tests, through its pages as a person would."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.test import Client
from django.urls import reverse

from casereview.areas.models import Agency, AgencyKind, Area
from casereview.public.models import ApplicationDraft

Page = tuple[str, dict[str, str]]


def start_url(area: Area) -> str:
    return reverse("public:apply", kwargs={"slug": area.slug})


def page_url(area: Area, question: str, *, change: bool = False) -> str:
    url = reverse("public:apply_question", kwargs={"slug": area.slug, "question": question})
    return url + "?change=1" if change else url


def check_url(area: Area) -> str:
    return reverse("public:apply_check", kwargs={"slug": area.slug})


def done_url(area: Area) -> str:
    return reverse("public:apply_done", kwargs={"slug": area.slug})


def body(area: Area, kind: str) -> Agency:
    return Agency.objects.get(area_agencies__area=area, kind=kind)


def date(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}-day": str(day), f"{prefix}-month": str(month), f"{prefix}-year": str(year)}


def for_myself(area: Area, **changes: dict[str, str]) -> list[Page]:
    """Every page of an application by the victim, in order (in March 2026)."""
    pages: list[Page] = [
        ("screening", {"about": "none"}),
        ("who", {"who": "myself"}),
        ("victim-type", {"victim_kind": "person"}),
        ("victim-name", {"victim_name": "Sam Victim"}),
        (
            "victim-address",
            {"victim_address": "1 High Street\nHertford", "victim_postcode": "SG14 1AB"},
        ),
        (
            "victim-contact-details",
            {"victim_email": "sam@example.test", "victim_phone": "07700 900123"},
        ),
        ("behaviour", {"asb_description": "Loud music and shouting most nights."}),
        ("where-and-when", {"location": "Flat 3, next door", "started": "Last summer"}),
        ("impact", {"impact": "I cannot sleep and my children are frightened."}),
        ("responsible", {"alleged_responsible": "The tenant of flat 3"}),
        (
            "reports",
            {
                "complaint_rows": "2",
                "complaint_1_agency": str(body(area, AgencyKind.POLICE).pk),
                **date("complaint_1_behaviour_on", 2, 3, 2026),
                **date("complaint_1_reported_on", 3, 3, 2026),
                "complaint_1_reference": "HC-123",
                "complaint_2_agency": str(body(area, AgencyKind.COUNCIL).pk),
            },
        ),
        ("support", {"vulnerability_notes": "", "support_needs": "Large print letters"}),
        ("applied-before", {"applied_before": "no"}),
        ("contact-preference", {"preferred_contact": "email"}),
        ("language", {"language": "cy"}),
    ]
    return [(slug, {**data, **changes.get(slug, {})}) for slug, data in pages]


def for_someone_else(area: Area) -> list[Page]:
    """An application by a friend of the victim, with the victim's agreement."""
    mine = dict(for_myself(area))
    return [
        ("screening", {"about": "none"}),
        ("who", {"who": "someone_else"}),
        ("your-details", {"applicant_name": "Alex Friend", "applicant_relationship": "friend"}),
        ("your-contact-details", {"applicant_email": "alex@example.test", "applicant_phone": "", "applicant_address": ""}),
        ("consent", {"consent": "yes"}),
        ("consent-details", {"consent_given_how": "In writing", **date("consent_given_on", 10, 3, 2026)}),
        ("victim-type", {"victim_kind": "person"}),
        ("victim-name", {"victim_name": "Sam Victim"}),
        ("victim-address", mine["victim-address"]),
        ("victim-contact-details", {"victim_email": "", "victim_phone": "07700 900123"}),
        ("behaviour", mine["behaviour"]),
        ("where-and-when", mine["where-and-when"]),
        ("impact", {"impact": "Sam cannot sleep."}),
        ("responsible", {"alleged_responsible": ""}),
        ("reports", {"complaint_rows": "1"}),
        ("support", {"vulnerability_notes": "Sam is 84 and lives alone.", "support_needs": ""}),
        ("applied-before", {"applied_before": "no"}),
        ("contact-preference", {"preferred_contact": "letter"}),
        ("language", {"language": "en"}),
    ]  # fmt: skip


def start(client: Client, area: Area) -> ApplicationDraft:
    response = client.post(start_url(area))
    assert response.status_code == 302, response
    return ApplicationDraft.objects.latest("created_at")


def answer(client: Client, area: Area, question: str, data: dict[str, str], **extra: Any) -> Any:
    return client.post(page_url(area, question), data, **extra)


def answer_all(client: Client, area: Area, pages: Iterable[Page]) -> None:
    """Answer each page in turn, checking each leads where the flow says."""
    for slug, data in pages:
        response = answer(client, area, slug, data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])


def submit(client: Client, area: Area, **extra: str) -> Any:
    return client.post(check_url(area), {"declaration": "true", "website": "", **extra})
