"""The ready letter of a second-report prompt: the council explains the ASB Case Review to the
victim, with the area's own threshold and windows from its live policy and how to apply.

One HTML rendering (``partners/duties/letter.html``, on the letters' base template) in English or
Welsh becomes the PDF and the Word file (``casereview.letters.rendering``), as the council's case
letters do, so both always say the same thing.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from casereview.cases.presenters import report_window
from casereview.letters.rendering import html_to_docx, html_to_pdf
from casereview.partners.duties.repeat_victims import live_policy
from casereview.partners.models import SecondReportPrompt
from casereview.public.links import absolute

LANGUAGES = ("en", "cy")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TEMPLATE = "partners/duties/letter.html"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _optional_absolute(name: str, **kwargs: str) -> str:
    # The online application is another part of the service: linked when it is there.
    try:
        return absolute(reverse(name, kwargs=kwargs))
    except NoReverseMatch:
        return ""


def letter_context(prompt: SecondReportPrompt) -> dict[str, Any]:
    """What the letter says, in the active language. Only what the victim may read: their own
    name and address, the dates of their two reports and the agencies they told."""
    area = prompt.area
    policy = live_policy(area)
    victim = prompt.victim
    address_lines = _lines(victim.address)
    if victim.postcode.strip() and victim.postcode.strip() not in victim.address:
        address_lines.append(victim.postcode.strip())
    return {
        "language": translation.get_language(),
        "title": _("The ASB Case Review: your right to ask for a review"),
        "date": timezone.localdate(),
        "reference": "",
        "sender": {
            "name": area.official_name or area.name,
            "address_lines": _lines(area.contact_address),
            "email": area.contact_email,
            "phone": area.contact_phone,
        },
        "recipient": {
            "name": victim.name,
            "address_lines": address_lines,
            "salutation": victim.name,
        },
        "signatory": {"name": _("Community Safety Team"), "role": ""},
        "area": {
            "name": area.name,
            "official_name": area.official_name or area.name,
            "email": area.contact_email,
            "phone": area.contact_phone,
            "procedure_url": area.procedure_url,
            "page_url": absolute(reverse("areas:area", args=[area.slug])),
            "apply_url": _optional_absolute("public:apply", slug=area.slug),
        },
        "policy": policy,
        "report_window": report_window(policy) if policy is not None else "",
        "earlier": {
            "reported_on": prompt.earlier_incident.reported_on,
            "agency": prompt.earlier_incident.agency.name,
        },
        "second": {
            "reported_on": prompt.second_incident.reported_on,
            "agency": prompt.second_incident.agency.name,
        },
    }


def letter_html(prompt: SecondReportPrompt, language: str) -> str:
    """The letter as HTML in ``language`` ("en" or "cy")."""
    with translation.override(language):
        return get_template(TEMPLATE, using="jinja2").render(letter_context(prompt))


def letter_file(prompt: SecondReportPrompt, fmt: str, language: str) -> bytes:
    """The letter as a PDF or Word file."""
    html = letter_html(prompt, language)
    return html_to_pdf(html) if fmt == "pdf" else html_to_docx(html)


def file_name(prompt: SecondReportPrompt, fmt: str, language: str) -> str:
    """A name that does not carry the victim's name (files get forwarded)."""
    return f"{prompt.area.la_code}-case-review-explained-{prompt.pk}-{language}.{fmt}"
