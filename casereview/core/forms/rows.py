"""Forms that grow numbered rows ("Add another ...") without JavaScript: how many rows a
submitted page had, whether a row was left blank, and what was typed, to show it again in a form
with one more row (pressing "Add another" is not a submission, so it shows no errors)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.datastructures import MultiValueDict

# The most rows of one kind a page may have: a bound on what a submitted count can ask for.
MAX_ROWS = 30


def rows_in(
    data: Mapping[str, Any] | None, name: str, default: int = 1, *, prefix: str = ""
) -> int:
    """How many rows of a kind the submitted page had (the hidden field ``name``), within
    bounds. With ``prefix`` (the rows' fields are ``<prefix><number>_...``), never fewer than
    the highest row something was typed into, so that a value sent for a row is shown again
    even when the count is missing or too small (a forged or truncated submission)."""
    raw = str((data or {}).get(name, "") or "")
    # isdigit() alone lets through digits int() cannot read, such as "²".
    counted = max(1, min(int(raw), MAX_ROWS)) if raw.isascii() and raw.isdigit() else default
    if prefix:
        counted = max(counted, highest_row(data, prefix))
    return counted


def highest_row(data: Mapping[str, Any] | None, prefix: str) -> int:
    """The highest row number (at most ``MAX_ROWS``) with a field ``<prefix><number>_...`` that
    is not blank in ``data``; 0 when none is."""
    highest = 0
    if data is None:
        return highest
    for key in data:
        if not isinstance(key, str) or not key.startswith(prefix):
            continue
        number, separator, _ = key.removeprefix(prefix).partition("_")
        if not (separator and number.isascii() and number.isdigit()):
            continue
        if highest < int(number) <= MAX_ROWS and not is_blank(data[key]):
            highest = int(number)
    return highest


def is_blank(value: Any) -> bool:
    """Nothing typed: an empty value, or a date's day, month and year all empty."""
    if isinstance(value, Mapping):
        return not any(str(v).strip() for v in value.values())
    return value in (None, "") or not str(value).strip()


def kept_values(form: forms.BaseForm, data: Mapping[str, Any]) -> dict[str, Any]:
    """What was typed into ``form``'s fields, read from ``data`` as the fields' widgets read it,
    so that it can be shown again in an unbound form (no error messages yet)."""
    files: MultiValueDict[str, Any] = MultiValueDict()
    return {
        name: field.widget.value_from_datadict(data, files, form.add_prefix(name))
        for name, field in form.fields.items()
    }
