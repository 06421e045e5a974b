"""Reading the staff pages in tests, and cases in the states the step pages need."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any, Protocol
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.services import Victim, case_decide_threshold
from tests.cases.helpers import confirm, gathering, victim


class Page(Protocol):
    """A test client's response: all these helpers read is its body."""

    content: bytes


def main_text(response: Page) -> str:
    """The words inside <main>, tags removed and whitespace collapsed: what a reader sees."""
    page = response.content.decode()
    main = page[page.find("<main") : page.find("</main>")]
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def title(response: Page) -> str:
    found = re.search(r"<title[^>]*>(.*?)</title>", response.content.decode(), re.S)
    assert found is not None
    return re.sub(r"\s+", " ", html.unescape(found.group(1))).strip()


def error_summary(response: Page) -> str:
    """The text of the GOV.UK error summary ("" when there is none)."""
    page = response.content.decode()
    start = page.find('class="govuk-error-summary"')
    if start == -1:
        return ""
    end = page.find("</ul>", start)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page[start:end]))).strip()


def step_url(name: str, case: Case, **extra: Any) -> str:
    return reverse(f"cases:{name}", kwargs={"reference": case.reference, **extra})


def case_page(case: Case) -> str:
    return reverse("cases:case", kwargs={"reference": case.reference})


def date_fields(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def decided(area: Area, by: User, *, met: bool, **overrides: Any) -> Case:
    """A case decided today: met on three complaints the police confirmed earlier this month,
    or not met on none."""
    case = gathering(area, by, **overrides)
    today = timezone.localdate()
    if met:
        days = [today - dt.timedelta(days=n) for n in (3, 6, 9)]
        confirm(case, by, [(day, day, f"incident-{day:%d}") for day in days])
    return case_decide_threshold(
        case, by=by, on=today, route="threshold", met=met, reasons="As the complaints show."
    )


def someone(number: int, name: str | None = None) -> Victim:
    """A victim distinct from every other ``someone``, so their cases are not repeats."""
    return victim(
        name or f"Person {number}",
        email=f"person{number}@example.test",
        phone=f"07700 9{number:05d}",
        postcode=f"SG{number} 1AA",
    )


def dashboard_url(**query: str) -> str:
    url = reverse("cases:dashboard")
    return url + ("?" + urlencode(query) if query else "")
