"""The report of a self-assessment: the score overall and per commitment, and every item with its
answer, the area's evidence and the automatic evidence.

A completed assessment reports the automatic evidence kept when it was completed; an assessment
in progress shows the evidence as it stands today. The same ``Report`` feeds the staff page, the
public page and the PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify

from casereview.areas.models import Area
from casereview.letters.rendering import html_to_pdf
from casereview.pledge import checklist
from casereview.pledge.checklist import Commitment, Item
from casereview.pledge.evidence import STATUS_LABELS, Evidence, from_snapshot, gather
from casereview.pledge.models import AnswerChoice, Assessment, AssessmentStatus
from casereview.pledge.selectors import answers_of

ANSWER_LABELS: dict[str, str | Promise] = dict(AnswerChoice.choices)


@dataclass(frozen=True)
class ItemRow:
    item: Item
    answer: str
    evidence_text: str
    automatic: Evidence | None

    @property
    def answer_label(self) -> str | Promise:
        return ANSWER_LABELS.get(self.answer, "")

    @property
    def automatic_label(self) -> str | Promise:
        return STATUS_LABELS[self.automatic.status] if self.automatic else ""

    @property
    def points(self) -> int:
        return checklist.POINTS.get(self.answer, 0)


@dataclass(frozen=True)
class CommitmentRow:
    commitment: Commitment
    items: list[ItemRow]

    @property
    def score(self) -> int:
        return sum(row.points for row in self.items)

    @property
    def max_score(self) -> int:
        return checklist.MAX_POINTS_PER_ITEM * len(self.items)

    @property
    def percentage(self) -> int:
        return round(100 * self.score / self.max_score) if self.max_score else 0

    @property
    def answered(self) -> int:
        return sum(1 for row in self.items if row.answer)


@dataclass(frozen=True)
class Report:
    area: Area
    assessment: Assessment
    commitments: list[CommitmentRow]

    @property
    def completed(self) -> bool:
        return self.assessment.status == AssessmentStatus.COMPLETED

    @property
    def rows(self) -> list[ItemRow]:
        return [row for commitment in self.commitments for row in commitment.items]

    @property
    def answered(self) -> int:
        return sum(commitment.answered for commitment in self.commitments)

    @property
    def total(self) -> int:
        return len(checklist.ITEMS)


def automatic_evidence(assessment: Assessment, entry: Item, today: dt.date) -> Evidence | None:
    if not entry.evidence:
        return None
    if assessment.status == AssessmentStatus.COMPLETED:
        kept = (assessment.evidence or {}).get(entry.code)
        return from_snapshot(kept) if kept else None
    return gather(assessment.area, today, entry.evidence)


def build_report(assessment: Assessment, today: dt.date | None = None) -> Report:
    today = today or timezone.localdate()
    answers = answers_of(assessment)
    commitments = []
    for commitment in checklist.COMMITMENTS:
        rows = []
        for entry in checklist.items_of(commitment.number):
            answer = answers.get(entry.code)
            rows.append(
                ItemRow(
                    item=entry,
                    answer=answer.answer if answer else "",
                    evidence_text=answer.evidence if answer else "",
                    automatic=automatic_evidence(assessment, entry, today),
                )
            )
        commitments.append(CommitmentRow(commitment=commitment, items=rows))
    return Report(area=assessment.area, assessment=assessment, commitments=commitments)


def report_pdf(report: Report, *, public: bool, page_url: str) -> bytes:
    """The report as a PDF, printed from its own plain template with the letters' print
    styles. ``public``: leave out the names of staff."""
    html = render_to_string(
        "pledge/report_print.html", {"report": report, "public": public, "page_url": page_url}
    )
    return html_to_pdf(html)


def pdf_filename(report: Report) -> str:
    completed_on = report.assessment.completed_on or timezone.localdate()
    return f"pledge-self-assessment-{slugify(report.area.name)}-{completed_on:%Y-%m-%d}.pdf"
