"""Builders for the PLEDGE tests, on top of the shared case and review helpers."""

from __future__ import annotations

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.services import Victim
from casereview.pledge.checklist import ITEMS
from casereview.pledge.models import Assessment
from casereview.pledge.services import complete_assessment, record_answer, start_assessment
from tests.cases.helpers import victim


def someone(n: int) -> Victim:
    """A victim of their own (a second case of the same victim would be a repeat application)."""
    return victim(
        f"Victim Number {n}",
        address=f"{n} Other Road, Ware",
        postcode=f"SG12 {n}AB",
        email=f"victim{n}@example.test",
        phone=f"07700 90{n:04d}",
    )


def answer_all(assessment: Assessment, by: User | None, **answers: str) -> None:
    """Answer every item Yes with a line of evidence, except the items named in ``answers``
    (code with underscores for hyphens -> yes|partly|no)."""
    wanted = {code.replace("_", "-"): answer for code, answer in answers.items()}
    for entry in ITEMS:
        record_answer(
            assessment,
            entry.code,
            answer=wanted.get(entry.code, "yes"),
            evidence=f"Evidence for {entry.code}",
            by=by,
        )


def completed(area: Area, by: User | None, **answers: str) -> Assessment:
    """A self-assessment started, answered and completed today (all Yes unless told)."""
    assessment = start_assessment(area, by=by)
    answer_all(assessment, by, **answers)
    return complete_assessment(assessment, by=by)
