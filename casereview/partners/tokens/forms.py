"""The form an area administrator fills in to issue an API key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.core.forms import CharField, ChoiceField, DesignSystemForm
from casereview.partners.tokens.services import NAME_MAX_LENGTH


class IssueKeyForm(DesignSystemForm):
    agency = ChoiceField(
        label=_("Which agency will use the key?"),
        label_classes="govuk-fieldset__legend--m",
        hint=_("The key can send and read only that agency's data in this area."),
        error_messages={
            "required": _("Choose the agency that will use the key"),
            "invalid_choice": _("Choose one of the area's agencies"),
        },
    )
    name = CharField(
        label=_("What is the key for?"),
        label_classes="govuk-label--m",
        hint=_("For example, the name of the system that will use it, such as Niche RMS."),
        max_length=NAME_MAX_LENGTH,
        spellcheck=False,
        error_messages={
            "required": _("Enter what the key is for"),
            "max_length": _("What the key is for must be %(limit_value)s characters or fewer"),
        },
    )

    def __init__(self, *args: Any, agencies: Sequence[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        field = self.fields["agency"]
        assert isinstance(field, ChoiceField)
        field.choices = [(pk, agency.name) for pk, agency in self.agencies.items()]

    def chosen_agency(self) -> Agency:
        return self.agencies[self.cleaned_data["agency"]]
