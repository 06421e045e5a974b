"""Forms of the privacy pages: finding a person, choosing their records, confirming erasure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import (
    BooleanField,
    ChoiceField,
    DesignSystemForm,
    MultipleChoiceField,
)
from casereview.core.forms import CharField as TextField
from casereview.privacy.selectors import Match, Person

JSON, PDF = "json", "pdf"


class PersonSearchForm(DesignSystemForm):
    """Who to look for. Any one of the four is enough; a record matching any of them is
    listed, and the member of staff picks the ones that are the person."""

    name = TextField(
        label=_("Full name"),
        required=False,
        max_length=200,
        autocomplete="off",
        error_messages={"max_length": _("The name must be 200 characters or fewer")},
    )
    email = TextField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        input_type="email",
        error_messages={"max_length": _("The e-mail address must be 254 characters or fewer")},
    )
    phone = TextField(
        label=_("Phone number"),
        required=False,
        max_length=40,
        input_type="tel",
        classes="govuk-input--width-20",
        error_messages={"max_length": _("The phone number must be 40 characters or fewer")},
    )
    postcode = TextField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        classes="govuk-input--width-10",
        error_messages={"max_length": _("The postcode must be 10 characters or fewer")},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not any(
            (cleaned.get(name) or "").strip() for name in ("name", "email", "phone", "postcode")
        ):
            self.add_error(
                "name", _gettext("Enter a name, e-mail address, phone number or postcode")
            )
        return cleaned

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            name=data["name"].strip(),
            email=data["email"].strip(),
            phone=data["phone"].strip(),
            postcode=data["postcode"].strip(),
        )


class RecordsForm(DesignSystemForm):
    """The records picked from the search results (tokens, checked again by the view)."""

    records = MultipleChoiceField(
        label=_("Records about the person"),
        error_messages={"required": _("Choose at least one record")},
    )
    format = ChoiceField(
        label=_("Format"),
        choices=[(JSON, _("JSON")), (PDF, _("PDF"))],
        required=False,
    )

    def __init__(self, *args: Any, matches: list[Match], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["records"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(match.token, match.label) for match in matches]


class ErasureForm(DesignSystemForm):
    """The confirmation of an erasure, once its assessment has been shown."""

    received_how = TextField(
        label=_("How the person asked"),
        required=False,
        max_length=200,
        hint=_("For example, a letter dated 3 March 2026. Do not enter their name."),
        error_messages={"max_length": _("How the person asked must be 200 characters or fewer")},
    )
    confirm = BooleanField(
        label=_("I have checked these records are the person's, and want them erased"),
        error_messages={"required": _("Confirm that the records are the person's")},
    )
