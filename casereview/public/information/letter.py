"""The letter to the Victims' Commissioner, made from the form's answers, the area and (when this
browser tracks a case of the area with the reference given) the dates of that case.

One HTML rendering (``commissioner_letter_document.html``) becomes the PDF and the Word file, as
the council's letters do (``casereview.letters.rendering``), and the page shows the same letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from casereview.areas.models import Area
from casereview.areas.presenters import working_days
from casereview.core.formatting import govuk_date
from casereview.letters.rendering import html_to_docx, html_to_pdf
from casereview.public.information.selectors import CaseFacts
from casereview.rules.policy import LocalPolicy

# The Commissioner's addresses change with the office: the letter never guesses one, and the
# page sends people to the Commissioner's own website for the current address and e-mail.
VICTIMS_COMMISSIONER_URL = "https://victimscommissioner.org.uk/"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FILE_NAMES = {
    "en": "letter-to-the-victims-commissioner",
    "cy": "llythyr-at-y-comisiynydd-dioddefwyr",
}


@dataclass(frozen=True)
class CommissionerLetter:
    """Everything the letter says, already in the page's language."""

    name: str
    contact_lines: tuple[str, ...]
    date: str
    subject: str
    opening: str
    facts: tuple[str, ...]
    failings: tuple[str, ...]
    details: tuple[str, ...]


def _failing_sentence(code: str, policy: LocalPolicy | None) -> str:
    if code == "late_decision":
        if policy is not None:
            return _(
                "I was not told the decision on my application in time. The council's procedure "
                "says applicants are told within %(period)s."
            ) % {"period": working_days(policy.timescales.decision_working_days)}
        return _("I was not told the decision on my application in time.")
    sentences = {
        "threshold": _(
            "I believe the threshold for a review was applied wrongly to my complaints."
        ),
        "no_voice": _(
            "I was not offered a chance to be heard at the review meeting: to attend, to give a "
            "victim impact statement, or to have someone speak for me."
        ),
        "not_consulted": _("I was not consulted on the action plan before it was made final."),
        "actions_not_done": _("The actions agreed at the review were not carried out."),
        "closure": _("I was not told when or why my case was closed."),
        "no_appeal": _("I was not told that I could appeal, or offered a way to do so."),
        "other": _("Something else went wrong, which I describe below."),
    }
    return sentences[code]


def _fact_lines(
    council: str, applied_on: dt.date | None, reference: str, case: CaseFacts | None
) -> list[str]:
    """What the person and (for their own tracked case) the service know about the case."""
    lines = []
    if case is not None and applied_on is None:
        applied_on = case.received_on
    if applied_on is not None:
        lines.append(
            _("I applied to %(council)s for an ASB Case Review on %(date)s.")
            % {"council": council, "date": govuk_date(applied_on)}
        )
    if reference:
        lines.append(_("My case reference is %(reference)s.") % {"reference": reference})
    if case is not None and case.decided_on is not None and case.threshold_met is not None:
        if case.threshold_met:
            line = _("On %(date)s the council told me the threshold for a review was met.")
        else:
            line = _("On %(date)s the council told me the threshold for a review was not met.")
        lines.append(line % {"date": govuk_date(case.decided_on)})
    if case is not None and case.ended_on is not None:
        lines.append(_("My case was closed on %(date)s.") % {"date": govuk_date(case.ended_on)})
    return lines


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip())


def build_letter(
    data: dict[str, Any],
    *,
    area: Area,
    policy: LocalPolicy | None,
    case: CaseFacts | None,
) -> CommissionerLetter:
    """The letter for the cleaned answers ``data`` of ``CommissionerLetterForm``. ``case`` is
    used only when the reference given is that case's."""
    reference = data.get("reference") or ""
    if case is not None and reference != case.reference.upper():
        case = None
    council = area.official_name
    return CommissionerLetter(
        name=data["name"],
        contact_lines=tuple(line.strip() for line in data["contact"].splitlines() if line.strip()),
        date=govuk_date(timezone.localdate()),
        subject=_("How my ASB Case Review was handled by %(council)s") % {"council": council},
        opening=_(
            "I am writing to tell you about my experience of the ASB Case Review (once called "
            "the Community Trigger) in %(area)s, run by %(council)s."
        )
        % {"area": area.name, "council": council},
        facts=tuple(_fact_lines(council, data.get("applied_on"), reference, case)),
        failings=tuple(_failing_sentence(code, policy) for code in data.get("failings") or ()),
        details=_paragraphs(data.get("details") or ""),
    )


def letter_html(letter: CommissionerLetter) -> str:
    return render_to_string(
        "public/information/commissioner_letter_document.html",
        {"letter": letter, "language": get_language() or "en"},
    )


def letter_file(letter: CommissionerLetter, fmt: str) -> bytes:
    """The letter as a ``pdf`` or ``docx`` file."""
    html = letter_html(letter)
    return html_to_pdf(html) if fmt == "pdf" else html_to_docx(html)


def letter_filename(fmt: str, language: str | None = None) -> str:
    stem = FILE_NAMES.get((language or get_language() or "en")[:2], FILE_NAMES["en"])
    return f"{stem}.{fmt}"
