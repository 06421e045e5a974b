"""Addresses of the review's step pages, and what the pages say, for the tests here."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from casereview.cases.models import Case
from tests.cases.views.pages import Page


def review_url(name: str, case: Case, **extra: Any) -> str:
    return reverse(f"reviews:{name}", kwargs={"reference": case.reference, **extra})


def field_value(response: Page, name: str) -> str | None:
    """The value of the text input called ``name`` (None when there is none)."""
    page = response.content.decode()
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
    if tag is None:
        return None
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def is_ticked(response: Page, name: str) -> bool:
    """Whether the checkbox called ``name`` is ticked (it must be on the page)."""
    page = response.content.decode()
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert tag is not None, f"no checkbox {name}"
    return re.search(r"\schecked[\s>]", tag.group(0)) is not None
