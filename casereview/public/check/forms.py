"""The questions of the eligibility check: the complaints made, and when the person plans to apply.

The complaints page grows and shrinks without JavaScript: "Add another complaint" and each
"Remove" are submit buttons, and the page comes back with what was typed kept (see
``casereview.core.forms.rows``). A row left wholly blank is ignored, except that at least one
complaint is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import BooleanField, DateField, DesignSystemForm, SelectField
from casereview.core.forms.rows import MAX_ROWS, is_blank, rows_in
from casereview.public.check.answers import SOMEONE_ELSE, ComplaintAnswer
from casereview.public.check.selectors import CheckArea
from casereview.rules import add_months

# The hidden field that says how many rows the submitted page had.
ROWS_FIELD = "complaint_rows"
# The parts a person types into; whether a row is blank is decided on these alone (the diary
# sheet box is unticked in a blank row too).
TYPED_PARTS = ("happened", "reported", "body")
ALL_PARTS = (*TYPED_PARTS, "diary_sheet")
# The latest date someone can say they plan to apply: a check further ahead says little.
APPLY_WITHIN_MONTHS = 12


def row_field(number: int, part: str) -> str:
    return f"complaint_{number}_{part}"


def _whole_number(value: object) -> int | None:
    """A plain decimal number as typed, or None. ``str.isdigit`` alone lets through characters
    such as "²" that ``int`` then refuses."""
    raw = str(value or "")
    return int(raw) if raw.isascii() and raw.isdigit() else None


def rows_posted(data: Mapping[str, Any]) -> int:
    if _whole_number(data.get(ROWS_FIELD)) is None:
        return 1
    return rows_in(data, ROWS_FIELD)


@dataclass(frozen=True)
class ComplaintRow:
    """The names of one row's fields, for the template."""

    number: int
    happened: str
    reported: str
    body: str
    diary_sheet: str | None


class ComplaintsForm(DesignSystemForm):
    def __init__(self, *args: Any, place: CheckArea, rows: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place = place
        self.rows = max(1, min(rows, MAX_ROWS))
        # Asked only where the local policy does not count diary sheets: elsewhere the answer
        # changes nothing.
        self.asks_diary_sheet = not place.policy.diary_sheets_count
        body_choices = [(str(body.pk), body.name) for body in place.bodies]
        body_choices.append((SOMEONE_ELSE, gettext("Someone else")))
        for number in range(1, self.rows + 1):
            which = {"number": number}
            self.fields[row_field(number, "happened")] = DateField(
                label=_("When did it happen?"),
                label_classes="govuk-fieldset__legend--s",
                hint=_("For example, 27 3 2026"),
                required=False,
                not_in_future=True,
                error_name=gettext("the date the behaviour in complaint %(number)s happened")
                % which,
            )
            self.fields[row_field(number, "reported")] = DateField(
                label=_("When did you report it?"),
                label_classes="govuk-fieldset__legend--s",
                hint=_("For example, 28 3 2026"),
                required=False,
                not_in_future=True,
                error_name=gettext("the date you reported complaint %(number)s") % which,
            )
            self.fields[row_field(number, "body")] = SelectField(
                label=_("Who did you report it to?"),
                label_classes="govuk-label--s",
                required=False,
                choices=body_choices,
                error_messages={
                    "invalid_choice": gettext(
                        "Choose who you reported complaint %(number)s to from the list"
                    )
                    % which
                },
            )
            if self.asks_diary_sheet:
                self.fields[row_field(number, "diary_sheet")] = BooleanField(
                    label=_("This was a diary sheet"),
                    hint=_(
                        "A diary sheet is a record of incidents that you kept and handed in, "
                        "rather than a report you made at the time."
                    ),
                    required=False,
                )

    @property
    def can_add(self) -> bool:
        return self.rows < MAX_ROWS

    @property
    def complaint_rows(self) -> list[ComplaintRow]:
        return [
            ComplaintRow(
                number=number,
                happened=row_field(number, "happened"),
                reported=row_field(number, "reported"),
                body=row_field(number, "body"),
                diary_sheet=row_field(number, "diary_sheet") if self.asks_diary_sheet else None,
            )
            for number in range(1, self.rows + 1)
        ]

    def _row_is_blank(self, number: int) -> bool:
        return all(is_blank(self[row_field(number, part)].value()) for part in TYPED_PARTS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        filled = [n for n in range(1, self.rows + 1) if not self._row_is_blank(n)]
        # At least one complaint: an empty page asks for the first row's answers.
        for number in filled or [1]:
            self._check_row(number, cleaned)
        return cleaned

    def _check_row(self, number: int, cleaned: Mapping[str, Any]) -> None:
        which = {"number": number}
        happened, reported, body = (row_field(number, part) for part in TYPED_PARTS)
        if cleaned.get(happened) is None and happened not in self.errors:
            self.add_error(
                happened,
                gettext("Enter the date the behaviour in complaint %(number)s happened") % which,
            )
        if cleaned.get(reported) is None and reported not in self.errors:
            self.add_error(
                reported, gettext("Enter the date you reported complaint %(number)s") % which
            )
        if not cleaned.get(body) and body not in self.errors:
            self.add_error(body, gettext("Choose who you reported complaint %(number)s to") % which)
        first, then = cleaned.get(happened), cleaned.get(reported)
        if first is not None and then is not None and then < first and reported not in self.errors:
            self.add_error(
                reported,
                gettext(
                    "The date you reported complaint %(number)s must be the same as or after "
                    "the date it happened"
                )
                % which,
            )

    def complaints(self) -> list[ComplaintAnswer]:
        """The complaints of a valid form, blank rows left out."""
        data = self.cleaned_data
        return [
            ComplaintAnswer(
                happened=data[row_field(number, "happened")],
                reported=data[row_field(number, "reported")],
                body=data[row_field(number, "body")],
                diary_sheet=bool(data.get(row_field(number, "diary_sheet"), False)),
            )
            for number in range(1, self.rows + 1)
            if not self._row_is_blank(number)
        ]


def initial_from_answers(complaints: Sequence[ComplaintAnswer]) -> dict[str, Any]:
    """The complaints page filled in with answers already given ("Change your answers")."""
    initial: dict[str, Any] = {}
    for number, item in enumerate(complaints, start=1):
        initial[row_field(number, "happened")] = item.happened
        initial[row_field(number, "reported")] = item.reported
        initial[row_field(number, "body")] = item.body
        initial[row_field(number, "diary_sheet")] = item.diary_sheet
    return initial


def without_row(values: Mapping[str, Any], remove: int, rows: int) -> dict[str, Any]:
    """What was typed, with row ``remove`` taken out and the rows after it moved up one."""
    kept: dict[str, Any] = {}
    for number in range(1, rows + 1):
        if number == remove:
            continue
        target = number if number < remove else number - 1
        for part in ALL_PARTS:
            name = row_field(number, part)
            if name in values:
                kept[row_field(target, part)] = values[name]
    return kept


def row_to_remove(data: Mapping[str, Any], rows: int) -> int | None:
    """The row whose "Remove" button was pressed, if it names a row of the page."""
    number = _whole_number(data.get("remove"))
    return number if number is not None and 1 <= number <= rows else None


def latest_apply_on() -> dt.date:
    return add_months(timezone.localdate(), APPLY_WITHIN_MONTHS)


class ApplicationDateForm(DesignSystemForm):
    apply_on = DateField(
        label=_("When do you plan to apply?"),
        is_page_heading=True,
        hint=_(
            "We have filled in today's date. Change it if you plan to apply later. "
            "For example, 27 3 2026."
        ),
        # Lazy, so that messages are built in the language of the request.
        error_name=cast(str, _("the date you plan to apply")),
        not_in_past=True,
        max_date=latest_apply_on,
    )


def application_date_form(data: Mapping[str, Any] | None, apply_on: dt.date | None) -> forms.Form:
    return ApplicationDateForm(data, initial={"apply_on": apply_on or timezone.localdate()})
