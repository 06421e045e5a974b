"""Reading the information pages and their files in tests."""

from __future__ import annotations

import html
import io
from typing import Any

from django.test import Client
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.access import SESSION_KEY
from casereview.public.links import email_hash


def plain(text: str) -> str:
    """Typographic apostrophes (templates) and plain ones (Python) read alike in assertions."""
    return text.replace("\u2019", "'")


def text_of(response: Any) -> str:
    """A page as text to search, entities decoded (Python strings' apostrophes are escaped)."""
    return plain(html.unescape(response.content.decode()))


def get_text(client: Client, name: str, area: Area, status: int = 200) -> str:
    response = client.get(reverse(name, args=[area.slug]))
    assert response.status_code == status
    return text_of(response)


def pdf_text(content: bytes) -> str:
    """The words of a PDF, with its line breaks turned into spaces."""
    reader = PdfReader(io.BytesIO(content))
    return plain(" ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages))


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return plain("\n".join(paragraph.text for paragraph in document.paragraphs))


def welsh(client: Client) -> Client:
    client.cookies["django_language"] = "cy"
    return client


def track(client: Client, case: Case) -> Client:
    """``client`` holding the tracking access a signed link gives, for the victim's address."""
    session = client.session
    session[SESSION_KEY] = {"case": case.pk, "email": email_hash(case.victim_email)}
    session.save()
    return client
