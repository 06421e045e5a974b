"""The form that writes a letter to the Victims' Commissioner. Nothing it takes is stored: the
letter is made from the posted answers each time, and the download buttons post them again."""

from __future__ import annotations

import re
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import (
    CharField,
    DateField,
    DesignSystemForm,
    MultipleChoiceField,
    TextareaField,
)

# Control characters other than tab and new lines: invisible, not allowed in a Word document,
# and never something a person meant to type.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

FAILINGS: list[tuple[str, Any]] = [
    ("late_decision", _("I was not told the decision in time")),
    ("threshold", _("The threshold was applied wrongly")),
    ("no_voice", _("I was not offered a chance to be heard at the review meeting")),
    ("not_consulted", _("I was not consulted on the action plan")),
    ("actions_not_done", _("The agreed actions were not carried out")),
    ("closure", _("I was not told why my case was closed")),
    ("no_appeal", _("I was not offered a way to appeal")),
    ("other", _("Something else")),
]

# Every name the form reads from a POST: the letter page posts these back unchanged.
POSTED_NAMES = (
    "name",
    "contact",
    "applied_on-day",
    "applied_on-month",
    "applied_on-year",
    "reference",
    "failings",
    "details",
)


def _clean_text(value: str) -> str:
    return _CONTROL.sub("", value).strip()


class CommissionerLetterForm(DesignSystemForm):
    name = CharField(
        label=_("Your name"),
        max_length=200,
        autocomplete="name",
        spellcheck=False,
        error_messages={
            "required": _("Enter your name"),
            "max_length": _("Your name must be 200 characters or fewer"),
        },
    )
    contact = TextareaField(
        label=_("Your postal address or email address"),
        hint=_("So that the Commissioner's office can reply to you."),
        rows=4,
        max_length=500,
        error_messages={
            "required": _("Enter your postal address or email address"),
            "max_length": _("Your address must be 500 characters or fewer"),
        },
    )
    applied_on = DateField(
        label=_("When did you ask for the Case Review?"),
        hint=_("For example, 27 3 2026. Leave this blank if you do not know."),
        required=False,
        not_in_future=True,
        error_name=cast(str, _("the date you asked for the review")),
    )
    reference = CharField(
        label=_("Your case reference (if you have one)"),
        hint=_("It is on the letters the council sent you, for example ABC-2026-0123."),
        required=False,
        max_length=40,
        spellcheck=False,
        classes="govuk-input--width-20",
        error_messages={"max_length": _("The case reference must be 40 characters or fewer")},
    )
    failings = MultipleChoiceField(
        label=_("What went wrong?"),
        hint=_("Select all that apply."),
        choices=FAILINGS,
        required=False,
        error_messages={"invalid_choice": _("Select what went wrong from the list")},
    )
    details = TextareaField(
        label=_("Tell the Commissioner what happened"),
        hint=_(
            "What went wrong, when, and how it has affected you. Do not include other people's "
            "personal details."
        ),
        rows=8,
        required=False,
        max_length=5000,
        error_messages={"max_length": _("What happened must be 5,000 characters or fewer")},
    )

    def clean_name(self) -> str:
        name = _clean_text(self.cleaned_data["name"])
        if not name:
            raise ValidationError(_("Enter your name"), code="required")
        return name

    def clean_contact(self) -> str:
        contact = _clean_text(self.cleaned_data["contact"])
        if not contact:
            raise ValidationError(_("Enter your postal address or email address"), code="required")
        return contact

    def clean_reference(self) -> str:
        return _clean_text(self.cleaned_data["reference"]).upper()

    def clean_details(self) -> str:
        return _clean_text(self.cleaned_data["details"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            "failings" in data
            and "details" in data
            and not data["failings"]
            and not data["details"]
        ):
            self.add_error(
                "failings", _("Select what went wrong, or tell the Commissioner what happened")
            )
        return data


def posted_pairs(form: CommissionerLetterForm) -> list[tuple[str, str]]:
    """The answers as they were posted, as (name, value) pairs for hidden inputs, so that the
    download and change buttons send them back exactly."""
    pairs: list[tuple[str, str]] = []
    for name in POSTED_NAMES:
        for value in form.data.getlist(name) if hasattr(form.data, "getlist") else []:
            pairs.append((name, str(value)))
    return pairs
