"""A date asked as three boxes (day, month, year), with the GOV.UK date-input error messages.

The boxes are named ``<field>-day``, ``<field>-month`` and ``<field>-year``. What was typed is
kept as typed (even "30", "Febuary", "26") so it is shown again beside the error message.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from casereview.core.formatting import govuk_date
from casereview.core.forms.components import DATE_PARTS, DateInput
from casereview.core.forms.fields import DesignSystemField

DateParts = dict[str, str]
DateLimit = dt.date | Callable[[], dt.date]

# The GOV.UK patterns, with %(name)s the date's name in the sentence ("the date it happened")
# and %(Name)s the same at the start of a sentence.
MESSAGES: dict[str, Any] = {
    "required": _("Enter %(name)s"),
    "invalid": _("%(Name)s must be a real date"),
    "year_format": _("Year must include 4 numbers"),
    "not_in_future": _("%(Name)s must be today or in the past"),
    "not_in_past": _("%(Name)s must be today or in the future"),
    "min_date": _("%(Name)s must be the same as or after %(limit)s"),
    "max_date": _("%(Name)s must be the same as or before %(limit)s"),
}
INCOMPLETE: dict[tuple[str, ...], Any] = {
    ("day",): _("%(Name)s must include a day"),
    ("month",): _("%(Name)s must include a month"),
    ("year",): _("%(Name)s must include a year"),
    ("day", "month"): _("%(Name)s must include a day and month"),
    ("day", "year"): _("%(Name)s must include a day and year"),
    ("month", "year"): _("%(Name)s must include a month and year"),
}

# The design system asks services to accept month names as well as numbers.
_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}


def parts_of(value: dt.date | None) -> DateParts:
    if value is None:
        return dict.fromkeys(DATE_PARTS, "")
    return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}


class DateInputWidget(forms.Widget):
    """Reads the three boxes; it is never rendered by Django (the DateInput component is)."""

    def value_from_datadict(
        self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str
    ) -> DateParts:
        return {part: str(data.get(f"{name}-{part}", "") or "") for part in DATE_PARTS}

    def value_omitted_from_data(
        self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str
    ) -> bool:
        return not any(f"{name}-{part}" in data for part in DATE_PARTS)


class DateField(DesignSystemField, forms.Field):
    """govukDateInput.

    ``error_name`` is how messages name the date ("the date it happened" gives "Enter the date it
    happened" and "The date it happened must include a month"). ``not_in_future`` and
    ``not_in_past`` compare with today in the service's time zone; ``min_date`` and ``max_date``
    take a date or a callable returning one (evaluated at validation time).
    """

    widget = DateInputWidget
    # Merged by Django with any ``error_messages`` the form passes in.
    default_error_messages = MESSAGES

    def __init__(
        self,
        *args: Any,
        error_name: str | None = None,
        not_in_future: bool = False,
        not_in_past: bool = False,
        min_date: DateLimit | None = None,
        max_date: DateLimit | None = None,
        **kwargs: Any,
    ) -> None:
        self.component = DateInput()
        self.error_name = error_name if error_name is not None else _("the date")
        self.not_in_future = not_in_future
        self.not_in_past = not_in_past
        self.min_date = min_date
        self.max_date = max_date
        super().__init__(*args, **kwargs)

    def _error(self, code: str, message: Any = None, **params: Any) -> ValidationError:
        name = str(self.error_name)
        text = message if message is not None else self.error_messages[code]
        return ValidationError(
            text, code=code, params={"name": name, "Name": capfirst(name), **params}
        )

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.date):
            return parts_of(value)
        return value

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return timezone.localdate(value) if timezone.is_aware(value) else value.date()
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, Mapping):
            return None
        parts = {part: str(value.get(part, "") or "").strip() for part in DATE_PARTS}
        missing = tuple(part for part in DATE_PARTS if not parts[part])
        if len(missing) == len(DATE_PARTS):
            return None
        if missing:
            raise self._error("incomplete", INCOMPLETE[missing])
        month = _MONTH_NAMES.get(parts["month"].lower().rstrip("."), parts["month"])
        day, year = parts["day"], parts["year"]
        if not (day.isdigit() and str(month).isdigit() and year.isdigit()):
            raise self._error("invalid")
        if len(year) != 4:
            raise self._error("year_format")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise self._error("invalid") from None

    def validate(self, value: dt.date | None) -> None:
        if value is None:
            if self.required:
                raise self._error("required")
            return
        today = timezone.localdate()
        if self.not_in_future and value > today:
            raise self._error("not_in_future")
        if self.not_in_past and value < today:
            raise self._error("not_in_past")
        if self.min_date is not None:
            limit = self.min_date() if callable(self.min_date) else self.min_date
            if value < limit:
                raise self._error("min_date", limit=govuk_date(limit))
        if self.max_date is not None:
            limit = self.max_date() if callable(self.max_date) else self.max_date
            if value > limit:
                raise self._error("max_date", limit=govuk_date(limit))

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True
