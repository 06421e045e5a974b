"""Parameters of GOV.UK's pagination component for a page of a Django ``Paginator``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Page


def govuk_pagination(page: Page[Any], link: Callable[[int], str]) -> dict[str, Any] | None:
    """govukPagination parameters (``link(n)`` is the address of page n), or None when
    everything fits on one page. Long ranges are elided around the current page."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    items: list[dict[str, Any]] = [
        {"ellipsis": True}
        if number == paginator.ELLIPSIS
        else {"number": number, "href": link(int(number)), "current": number == page.number}
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    params: dict[str, Any] = {"items": items}
    if page.has_previous():
        params["previous"] = {"href": link(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": link(page.next_page_number())}
    return params
