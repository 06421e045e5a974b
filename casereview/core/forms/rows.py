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


def rows_in(data: Mapping[str, Any] | None, name: str, default: int = 1) -> int:
    """How many rows of a kind the submitted page had (the hidden field ``name``), within
    bounds."""
    raw = str((data or {}).get(name, "") or "")
    # isdigit() alone lets through digits int() cannot read, such as "²".
    if not (raw.isascii() and raw.isdigit()):
        return default
    return max(1, min(int(raw), MAX_ROWS))


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
