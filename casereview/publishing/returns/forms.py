"""Forms of the returns pages: a layout (its columns as text, one a line) and the period of a
return (``releases.forms.PeriodForm`` limited to the layout's kind)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from casereview.core.forms.fields import CharField, ChoiceField, TextareaField
from casereview.core.forms.mixins import DesignSystemForm
from casereview.publishing.models import PeriodKindChoice, Recipient, ReturnLayout
from casereview.publishing.returns.layouts import Column, columns_from, columns_text, parse_columns


class LayoutForm(DesignSystemForm):
    name = CharField(
        label=gettext_lazy("Name of the layout"),
        max_length=120,
        error_messages={"required": gettext_lazy("Enter a name for the layout.")},
    )
    recipient = ChoiceField(
        label=gettext_lazy("Who the return is for"),
        choices=Recipient.choices,
        error_messages={"required": gettext_lazy("Choose who the return is for.")},
    )
    period_kind = ChoiceField(
        label=gettext_lazy("Period the return covers"),
        choices=PeriodKindChoice.choices,
        error_messages={"required": gettext_lazy("Choose the kind of period the return covers.")},
    )
    columns = TextareaField(
        label=gettext_lazy("Columns"),
        hint=gettext_lazy(
            "One column a line, in order, as the heading, an equals sign and the figure, for "
            "example: Applications received = statutory.applications. The figures you can "
            "use are listed below."
        ),
        rows=12,
        max_length=10000,
        error_messages={"required": gettext_lazy("Write at least one column.")},
        spellcheck=False,
    )

    def clean_columns(self) -> list[Column]:
        text = self.cleaned_data.get("columns") or ""
        columns, problems = parse_columns(text)
        if problems:
            # One message for the field naming every bad line, so all are fixed in one go.
            raise ValidationError(" ".join(problems), code="invalid_columns")
        return columns


def layout_initial(layout: ReturnLayout) -> dict[str, Any]:
    return {
        "name": layout.name,
        "recipient": layout.recipient,
        "period_kind": layout.period_kind,
        "columns": columns_text(columns_from(layout.columns)),
    }
