"""Forms of the releases pages: the period to prepare, and the note a publication carries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casereview.core.forms.fields import ChoiceField, IntegerField, SelectField, TextareaField
from casereview.core.forms.mixins import DesignSystemForm
from casereview.publishing.models import PeriodKindChoice
from casereview.publishing.periods import Period, PeriodKind

QUARTERS = [
    ("1", gettext_lazy("Quarter 1 (April to June)")),
    ("2", gettext_lazy("Quarter 2 (July to September)")),
    ("3", gettext_lazy("Quarter 3 (October to December)")),
    ("4", gettext_lazy("Quarter 4 (January to March)")),
]


def last_ended_financial_year(today: dt.date) -> Period:
    """The default period to publish: the last financial year that has ended."""
    return Period.financial_year(Period.financial_year_of(today).year - 1)


def period_initial(period: Period) -> dict[str, Any]:
    return {
        "kind": period.kind.value,
        "year": period.year,
        "quarter": str(period.quarter) if period.quarter else "",
    }


class PeriodForm(DesignSystemForm):
    """A period as kind, the year it starts in and (for a quarter) which quarter. ``kinds``
    limits the kinds offered (a return layout has one)."""

    kind = ChoiceField(
        label=gettext_lazy("Period"),
        choices=PeriodKindChoice.choices,
        error_messages={"required": gettext_lazy("Choose the kind of period.")},
    )
    year = IntegerField(
        label=gettext_lazy("Year it starts in"),
        hint=gettext_lazy(
            "For example 2025 for the financial year from April 2025 to March 2026, or for "
            "the calendar year 2025."
        ),
        classes="govuk-input--width-4",
        error_messages={
            "required": gettext_lazy("Enter the year the period starts in."),
            "invalid": gettext_lazy("Enter the year as a number, like 2025."),
        },
    )
    quarter = SelectField(
        label=gettext_lazy("Quarter (for a quarter only)"),
        choices=[("", gettext_lazy("Not a quarter")), *QUARTERS],
        required=False,
    )

    def __init__(self, *args: Any, kinds: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kinds is not None:
            field = self.fields["kind"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [(v, label) for v, label in PeriodKindChoice.choices if v in kinds]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, year, quarter = data.get("kind"), data.get("year"), data.get("quarter") or ""
        if kind is None or year is None:
            return data
        if not 2014 <= year <= 2999:
            self.add_error("year", _("Enter a year from 2014 to 2999."))
            return data
        if kind == PeriodKind.QUARTER and not quarter:
            self.add_error("quarter", _("Choose which quarter."))
            return data
        if kind != PeriodKind.QUARTER and quarter:
            self.add_error("quarter", _("Choose a quarter only when the period is a quarter."))
            return data
        data["period"] = Period(PeriodKind(kind), year, int(quarter) if quarter else 0)
        return data

    def period(self) -> Period:
        period = self.cleaned_data["period"]
        assert isinstance(period, Period)
        return period


class PublishForm(DesignSystemForm):
    """The note a release is published with (required for a revision; the service checks)."""

    note = TextareaField(
        label=gettext_lazy("What this revision corrects"),
        hint=gettext_lazy(
            "Shown with the release on the public page. Required when the period has been "
            "published before."
        ),
        required=False,
        max_length=2000,
        rows=3,
    )
