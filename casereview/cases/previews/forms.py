"""The choice of which partner agency a partner preview is of."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.core.forms import ChoiceField, DesignSystemForm


class AgencyChoiceForm(DesignSystemForm):
    """A GET form: ``?agency=<code>``, one of the relevant bodies of the case's area."""

    agency = ChoiceField(
        label=_("Which partner agency?"),
        hint=_("Agencies asked for information about this case come first"),
        error_messages={
            "required": _("Choose the partner agency to preview the case as"),
            "invalid_choice": _("Choose one of the partner agencies listed"),
        },
    )

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {agency.code: agency for agency in agencies}
        field = self.fields["agency"]
        assert isinstance(field, ChoiceField)
        field.choices = [(agency.code, agency.name) for agency in agencies]

    def chosen(self) -> Agency:
        """The agency chosen (call after ``is_valid``)."""
        return self.agencies[self.cleaned_data["agency"]]
