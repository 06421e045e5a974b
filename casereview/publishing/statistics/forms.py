"""The form choosing the period of the staff figures page (a GET form: the period is in the
address, so a page of figures can be bookmarked and shared with colleagues)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import ChoiceField, DesignSystemForm, IntegerField
from casereview.publishing.periods import Period, PeriodKind

# The Case Review began on 20 October 2014: no figures before its financial year.
FIRST_YEAR = 2014

KIND_CHOICES = [
    (PeriodKind.FINANCIAL_YEAR.value, _("Financial year (April to March)")),
    (PeriodKind.QUARTER.value, _("Quarter of a financial year")),
    (PeriodKind.CALENDAR_YEAR.value, _("Calendar year (January to December)")),
]

QUARTER_CHOICES = [
    ("1", _("April to June")),
    ("2", _("July to September")),
    ("3", _("October to December")),
    ("4", _("January to March")),
]

# The parameters the form reads; anything else in the query is ignored.
FIELDS = ("kind", "year", "quarter")


class PeriodForm(DesignSystemForm):
    kind = ChoiceField(
        label=_("Period"),
        choices=KIND_CHOICES,
        error_messages={
            "required": _("Choose the kind of period."),
            "invalid_choice": _("Choose the kind of period."),
        },
    )
    year = IntegerField(
        label=_("Year"),
        hint=_(
            "The year the period starts in. For the financial year April 2025 to March 2026 "
            "and its quarters, enter 2025."
        ),
        classes="govuk-input--width-4",
        error_messages={
            "required": _("Enter the year the period starts in."),
            "invalid": _("Enter the year as a number, like 2025."),
        },
    )
    quarter = ChoiceField(
        label=_("Quarter"),
        hint=_("Only for a quarter."),
        choices=QUARTER_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the four quarters.")},
    )

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        last = self.today.year
        if not FIRST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Enter a year from %(first)s to %(last)s."),
                params={"first": FIRST_YEAR, "last": last},
            )
        return year

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        quarter_missing = not cleaned.get("quarter") and "quarter" not in self.errors
        if cleaned.get("kind") == PeriodKind.QUARTER and quarter_missing:
            self.add_error("quarter", _("Choose the quarter."))
        return cleaned

    def period(self) -> Period:
        """The period chosen (the form must be valid)."""
        kind = PeriodKind(self.cleaned_data["kind"])
        year = self.cleaned_data["year"]
        if kind == PeriodKind.QUARTER:
            return Period.quarter_of(year, int(self.cleaned_data["quarter"]))
        return Period(kind, year)


def initial_for(period: Period) -> dict[str, Any]:
    """The form's values showing ``period``."""
    initial: dict[str, Any] = {"kind": period.kind.value, "year": period.year}
    if period.kind == PeriodKind.QUARTER:
        initial["quarter"] = str(period.quarter)
    return initial


def query_for(period: Period) -> dict[str, str]:
    """The query string naming ``period`` on the figures page and in its CSV address."""
    return {key: str(value) for key, value in initial_for(period).items()}
