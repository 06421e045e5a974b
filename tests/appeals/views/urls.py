"""The addresses of the appeal pages."""

from __future__ import annotations

from django.urls import reverse

from casereview.appeals.models import Appeal
from casereview.cases.models import Case


def lodge_url(case: Case) -> str:
    return reverse("appeals:lodge", kwargs={"reference": case.reference})


def appeal_page(appeal: Appeal, name: str = "appeal") -> str:
    return reverse(
        f"appeals:{name}", kwargs={"reference": appeal.case.reference, "appeal_id": appeal.pk}
    )
