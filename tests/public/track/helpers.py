"""Reaching the tracking page as a person would: by the signed link, in a browser session."""

from __future__ import annotations

import re
from email.message import EmailMessage

from django.conf import settings
from django.test import Client
from django.urls import reverse

from casereview.cases.models import Case
from casereview.letters.models import Delivery, DeliveryStatus, Letter, LetterKind, Recipient
from casereview.public import links

TRACK_URL = "/track/case/"


def link_for(case: Case, email: str | None = None) -> str:
    """The path of a tracking link for ``case`` sent to ``email`` (the victim's by default)."""
    token = links.tracking_token(case, email or case.victim_email)
    return reverse("public:track_open", kwargs={"token": token})


def tracking(case: Case, email: str | None = None) -> Client:
    """A browser that has opened a tracking link of ``case``."""
    client = Client()
    response = client.get(link_for(case, email))
    assert response.status_code == 302
    return client


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def link_in(message: EmailMessage) -> str:
    """The path of the tracking link in an e-mail (which gives it on the service's address)."""
    found = re.search(
        re.escape(settings.SITE_URL.rstrip("/")) + r"(/track/open/\S+/)", body_of(message)
    )
    assert found, body_of(message)
    return found.group(1)


def letter_to(
    case: Case,
    recipient: str = Recipient.VICTIM,
    kind: str = LetterKind.CT1,
    key: str | None = None,
) -> Letter:
    """A stored letter of ``case`` (the letters app writes real ones; here only the download
    is at stake, so its files are small stand-ins)."""
    return Letter.objects.create(
        case=case,
        key=key or f"{kind}:{recipient}",
        kind=kind,
        step="acknowledge",
        recipient=recipient,
        recipient_name="Sam Victim"
        if recipient != Recipient.AGENCY
        else "Hertfordshire Constabulary",
        subject="A letter",
        html="<p>A letter</p>",
        pdf=b"%PDF-1.4 " + case.reference.encode(),
        docx=b"PK docx " + case.reference.encode(),
        delivery=Delivery.POST,
        status=DeliveryStatus.TO_POST,
    )


def stage_states(page: str) -> list[str]:
    """The words of each step's status in the page's progress list, in order."""
    found = re.findall(r'id="progress-\d+-status">(.*?)</div>', page, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in found]


def other_victim(name: str = "Alex Other") -> dict[str, str]:
    """Details of a second victim, different enough not to be taken for the first one."""
    return {
        "name": name,
        "email": "alex@example.test",
        "phone": "07700 900999",
        "postcode": "SG13 7AA",
    }
