"""Building cases to the step that causes a letter, and reading letters back as text."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from pypdf import PdfReader

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import (
    Applicant,
    case_acknowledge,
    case_decide_threshold,
)
from casereview.letters.models import Letter
from tests.cases.helpers import confirm, gathering, receive

# Restricted data the letters to victims must never show.
ALLEGED = "The tenant of flat 3, Mr Example"


def pdf_text(data: bytes | memoryview) -> str:
    reader = PdfReader(io.BytesIO(bytes(data)))
    # Extracted lines break where the page does: join them, so sentences can be matched whole.
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def docx_text(data: bytes | memoryview) -> str:
    document = Document(io.BytesIO(bytes(data)))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(parts).split())


def texts(letter: Letter) -> tuple[str, str]:
    """The letter's PDF and Word text."""
    return pdf_text(letter.pdf), docx_text(letter.docx)


def third_party(**extra: Any) -> Applicant:
    values: dict[str, Any] = {
        "name": "Jo Helper",
        "relationship": "relative",
        "email": "jo@example.test",
        "address": "2 Low Road, Ware, SG12 0AA",
        "consent_given_how": "Signed consent form",
        "consent_given_on": dt.date(2026, 3, 16),
    }
    values.update(extra)
    return Applicant(**values)


def acknowledged(area: Area, by: User, **overrides: Any) -> Case:
    case = receive(area, by, **overrides)
    return case_acknowledge(case, by=by, on=case.received_on)


def decided_not_met(area: Area, by: User, **overrides: Any) -> Case:
    """Gathering information with no complaint confirmed, then decided "not met" today."""
    case = gathering(area, by, **overrides)
    return case_decide_threshold(
        case,
        by=by,
        on=case.received_on,
        route="threshold",
        met=False,
        reasons="No agency holds a record of complaints about the behaviour in the last six months.",
    )


def decided_met(area: Area, by: User, **overrides: Any) -> Case:
    """Three separate incidents confirmed by the police, then decided "met" today."""
    case = gathering(area, by, **overrides)
    confirm(
        case,
        by,
        [
            (dt.date(2026, 2, 2), dt.date(2026, 2, 3), "a"),
            (dt.date(2026, 2, 10), dt.date(2026, 2, 10), "b"),
            (dt.date(2026, 3, 1), dt.date(2026, 3, 2), "c"),
        ],
    )
    return case_decide_threshold(
        case,
        by=by,
        on=case.received_on,
        route="threshold",
        met=True,
        reasons="Three incidents reported to the police within 30 days of each.",
    )


def posted_ct1(area: Area, by: User, **overrides: Any) -> Letter:
    """A CT1 waiting to be posted (the victim prefers letters)."""
    from casereview.cases.workflow import Step
    from casereview.letters.services import write_letters

    case = acknowledged(area, by, **overrides)
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    return letter


def letter_urls(letter: Letter) -> dict[str, str]:
    from django.urls import reverse

    kwargs = {"reference": letter.case.reference, "pk": letter.pk}
    return {
        name: reverse(f"letters:{name}", kwargs=kwargs)
        for name in ("letter", "pdf", "docx", "mark-posted", "resend")
    }
