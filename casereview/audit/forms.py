"""The filters of the audit log viewer."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from casereview.audit.models import Kind
from casereview.audit.selectors import AuditFilters
from casereview.core.forms.dates import DateField
from casereview.core.forms.fields import CharField, SelectField
from casereview.core.forms.mixins import DesignSystemForm

ANY_KIND = ""
FILTER_FIELDS = ("who", "kind", "case_reference", "date_from-day", "date_to-day")


class AuditFilterForm(DesignSystemForm):
    who = CharField(
        label=_("Who"),
        hint=_("All or part of an e-mail address, or of an API key's name"),
        required=False,
        max_length=254,
        spellcheck=False,
    )
    kind = SelectField(
        label=_("What kind of record"),
        choices=[(ANY_KIND, _("Any kind")), *Kind.choices],
        required=False,
    )
    case_reference = CharField(
        label=_("Case reference"),
        hint=_("All or part of a reference, for example EHE-2026-0001"),
        required=False,
        max_length=20,
        spellcheck=False,
    )
    date_from = DateField(
        label=_("From"),
        hint=_("For example, 27 3 2026"),
        error_name=str(_("the date from")),
        required=False,
    )
    date_to = DateField(
        label=_("To"),
        hint=_("For example, 31 3 2026"),
        error_name=str(_("the date to")),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start is not None and end is not None and end < start:
            self.add_error("date_to", _("The date to must be the same as or after the date from"))
        return data

    def filters(self) -> AuditFilters:
        """The valid filters; a field in error filters nothing (its message is shown)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return AuditFilters(
            who=(data.get("who") or "").strip(),
            kind=data.get("kind") or ANY_KIND,
            case_reference=(data.get("case_reference") or "").strip(),
            date_from=data.get("date_from") if "date_from" not in self.errors else None,
            date_to=data.get("date_to") if "date_to" not in self.errors else None,
        )
