"""The forms of the matching pages: the status filter of the list and the decision on a match."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from casereview.core.forms import ChoiceField, DesignSystemForm, TextareaField
from casereview.partners.models import LinkStatus

STATUS_ALL = "all"
CONFIRM = "confirm"
SPLIT = "split"
NOTE_MAX_LENGTH = 2000


class StatusFilterForm(DesignSystemForm):
    status = ChoiceField(
        label=_("Show matches that are"),
        label_classes="govuk-fieldset__legend--s",
        choices=[
            (LinkStatus.PROPOSED.value, _("Waiting for a decision")),
            (LinkStatus.CONFIRMED.value, _("Confirmed as the same")),
            (LinkStatus.SPLIT.value, _("Split as different")),
            (STATUS_ALL, _("All")),
        ],
        inline=True,
        error_messages={"invalid_choice": _("Choose which matches to show from the list")},
    )

    def chosen(self) -> str:
        """The status to show: the valid choice, or waiting-for-a-decision by default."""
        if self.is_bound and self.is_valid():
            return str(self.cleaned_data["status"])
        return LinkStatus.PROPOSED.value


class DecisionForm(DesignSystemForm):
    decision = ChoiceField(
        label=_("Are these the same?"),
        label_classes="govuk-fieldset__legend--m",
        choices=[
            (CONFIRM, _("Confirm: these are the same")),
            (SPLIT, _("Split: these are different")),
        ],
        error_messages={
            "required": _("Choose whether these are the same or different"),
            "invalid_choice": _("Choose whether these are the same or different"),
        },
    )
    note = TextareaField(
        label=_("Note (optional)"),
        hint=_("Why you decided, for example what the agencies told you"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        rows=3,
        error_messages={
            "max_length": _("The note must be %(limit_value)s characters or fewer"),
        },
    )
