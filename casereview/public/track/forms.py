"""The form that asks for a new tracking link: the case reference and an e-mail address."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import CharField, DesignSystemForm, EmailField

# References are "<three-character council code>-<year>-<number>", for example EHE-2026-0001
# (casereview.cases.services._next_reference).
REFERENCE = re.compile(r"^[A-Z0-9]{3}-\d{4}-\d{4,6}$")
# Spaces, and the dashes word processors put in place of hyphens, as people copy from letters.
_SEPARATORS = re.compile(r"[\s\u2010-\u2015\u2212]+")


def normalise_reference(value: str) -> str:
    """``ehe 2026 0001``, or the reference with dashes for hyphens, as ``EHE-2026-0001``."""
    return _SEPARATORS.sub("-", value.strip()).strip("-").upper()


class TrackStartForm(DesignSystemForm):
    reference = CharField(
        label=_("Case reference"),
        hint=_("It is on the letters and e-mails we sent you, for example EHE-2026-0001."),
        max_length=40,
        classes="govuk-input--width-10",
        spellcheck=False,
        autocomplete="off",
        error_messages={
            "required": _("Enter your case reference"),
            "max_length": _("Case reference must be 40 characters or fewer"),
        },
    )
    email = EmailField(
        label=_("E-mail address"),
        hint=_("The address you gave when you applied, or that the council has for you."),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
            "max_length": _("E-mail address must be 254 characters or fewer"),
        },
    )

    def clean_reference(self) -> str:
        reference = normalise_reference(self.cleaned_data["reference"])
        if not REFERENCE.match(reference):
            raise ValidationError(
                _("Enter the case reference as it is written on your letters, like EHE-2026-0001"),
                code="format",
            )
        return reference
