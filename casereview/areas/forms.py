"""The directory's search form (a GET form: it works without JavaScript and can be bookmarked)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from casereview.areas.selectors import SEARCH_MAX_LENGTH
from casereview.core.forms.fields import CharField


class AreaSearchForm(forms.Form):
    q = CharField(
        label=_("Council name or place"),
        hint=_("For example, East Hertfordshire or Swansea"),
        max_length=SEARCH_MAX_LENGTH,
        label_classes="govuk-label--m",
        classes="govuk-!-width-two-thirds",
        spellcheck=False,
        error_messages={
            "required": _("Enter the name of a council or place"),
            "max_length": _("Council name or place must be %(limit_value)s characters or fewer"),
        },
    )

    def clean_q(self) -> str:
        # Extra spaces (pasted text) should not stop a match.
        return " ".join(self.cleaned_data["q"].split())
