"""The question pages of the online application, one form per page.

Every form is bound to the draft's stored answers (``{field name: text as typed}``), never to
the request directly: a page's answers are saved first and then checked, so a page shown again
with errors shows exactly what was typed. A form also knows how it reads on "Check your
answers" (``summary``) and which stored keys are its own (``answer_keys``).

Labels depend on who is applying ("your name" or "the victim's name"), so they are set when the
form is built, from the ``FlowContext``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.functional import Promise, lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area
from casereview.cases.models import (
    RELATIONSHIPS_WITHOUT_CONSENT,
    ContactMethod,
    Language,
    Relationship,
    VictimKind,
)
from casereview.cases.services import ComplaintInput
from casereview.core.formatting import govuk_date
from casereview.core.forms import (
    BooleanField,
    CharField,
    ChoiceField,
    DateField,
    DateInputWidget,
    DesignSystemForm,
    EmailField,
    SelectField,
    TextareaField,
)
from casereview.core.forms.components import DATE_PARTS
from casereview.core.forms.rows import MAX_ROWS, is_blank, rows_in
from casereview.rules import Exclusion, LocalPolicy

# What is kept of any one answer: far beyond every field's own limit (so the limit's error
# message still shows), and a bound on what a crafted request can make the server store.
MAX_STORED_CHARS = 20_000
LONG_TEXT = 10_000

MYSELF, SOMEONE_ELSE = "myself", "someone_else"
YES, NO = "yes", "no"
NOT_SURE = "not_sure"
# "None of these" on the screening page: the application can go on.
NONE_OF_THESE = "none"

LEGEND = "govuk-fieldset__legend--m"


def _too_long(what: Promise | str, limit: int) -> str:
    return gettext("%(what)s must be %(limit)s characters or fewer") % {
        "what": str(what),
        "limit": f"{limit:,}",
    }


# Evaluated when the message is shown, in the page's language.
too_long = lazy(_too_long, str)


def _limits(
    what: Promise | str, limit: int, required: Promise | str | None = None
) -> dict[str, Any]:
    messages: dict[str, Any] = {"max_length": too_long(what, limit)}
    if required is not None:
        messages["required"] = required
    return messages


@dataclass(frozen=True)
class FlowContext:
    """What every question page may depend on: the area, its live policy, its relevant bodies,
    and the answers given so far."""

    area: Area
    policy: LocalPolicy
    bodies: list[Agency]
    answers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def for_self(self) -> bool:
        return self.answers.get("who") != SOMEONE_ELSE

    @property
    def victim_kind(self) -> str:
        return str(self.answers.get("victim_kind") or VictimKind.PERSON)

    def answer(self, key: str) -> str:
        return str(self.answers.get(key, "") or "").strip()


@dataclass(frozen=True)
class SummaryRow:
    """One line of "Check your answers": the question, and the answer as lines of text."""

    key: str
    lines: tuple[str, ...]


def answers_as_data(answers: Mapping[str, Any]) -> MultiValueDict[str, Any]:
    """Stored answers in the shape a Django form reads submitted data from."""
    data: MultiValueDict[str, Any] = MultiValueDict()
    for key, value in answers.items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        else:
            data[key] = "" if value is None else str(value)
    return data


def stored_text(value: Any) -> str:
    """A submitted value as it is kept: text, without NUL characters (which no keyboard types and
    PostgreSQL cannot store in JSON), cut to ``MAX_STORED_CHARS``."""
    return str(value or "").replace("\x00", "")[:MAX_STORED_CHARS]


PHONE_CHARACTERS = re.compile(r"^[0-9 +()\-.]+$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")


def check_phone(value: str) -> None:
    digits = re.sub(r"\D", "", value)
    if not PHONE_CHARACTERS.match(value) or not 7 <= len(digits) <= 15:
        raise ValidationError(
            gettext("Enter a phone number, like 01632 960 001 or 07700 900 982"), code="invalid"
        )


def check_postcode(value: str) -> None:
    if not POSTCODE.match(re.sub(r"\s+", "", value).upper()):
        raise ValidationError(gettext("Enter a full postcode, like SG14 1AB"), code="invalid")


def _display(bound: forms.BoundField, value: Any) -> tuple[str, ...]:
    """An answer as "Check your answers" shows it."""
    if value in (None, ""):
        return (gettext("Not given"),)
    if isinstance(value, dt.date):
        return (govuk_date(value),)
    choices = dict(getattr(bound.field, "choices", []) or [])
    if choices and str(value) in {str(k) for k in choices}:
        labels = {str(k): str(v) for k, v in choices.items()}
        return (labels[str(value)],)
    lines = tuple(line.rstrip() for line in str(value).strip().splitlines())
    return lines or (gettext("Not given"),)


class ApplyForm(DesignSystemForm):
    """A question page's form. Subclasses add fields and set labels in ``setup``."""

    def __init__(self, data: Mapping[str, Any] | None = None, *, ctx: FlowContext) -> None:
        super().__init__(data)
        self.ctx = ctx
        self.setup()

    def setup(self) -> None:
        """Labels and choices that depend on the context."""

    def title(self) -> str:
        """The page's heading (and <title>)."""
        first = next(iter(self.fields.values()))
        return str(first.label)

    def answer_keys(self) -> list[str]:
        """The keys of the stored answers this page writes: a date's three boxes each."""
        keys: list[str] = []
        for name, item in self.fields.items():
            if isinstance(item.widget, DateInputWidget):
                keys += [f"{name}-{part}" for part in DATE_PARTS]
            else:
                keys.append(name)
        return keys

    def defaults(self) -> dict[str, str]:
        """What the page shows selected before it is first answered."""
        return {}

    def owns_key(self, key: str) -> bool:
        """Whether a stored key belongs to this page even when the page no longer has the
        field (rows removed): saving the page clears those."""
        return False

    def summary(self) -> list[SummaryRow]:
        """The page's answers on "Check your answers" (the form must be valid)."""
        rows = []
        for name in self.fields:
            bound = self[name]
            rows.append(
                SummaryRow(str(self.summary_label(name)), _display(bound, self.cleaned_data[name]))
            )
        return rows

    def summary_label(self, name: str) -> str:
        return str(self.fields[name].label)

    def set_label(self, name: str, label: str, hint: str | None = None) -> None:
        self.fields[name].label = label
        if hint is not None:
            self.fields[name].help_text = hint


def set_options(form: forms.Form, name: str, **options: Any) -> None:
    """Change a field's presentation options for this form only."""
    item = form.fields[name]
    item.options = replace(item.options, **options)  # type: ignore[attr-defined]


def _choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    item = form.fields[name]
    assert isinstance(item, forms.ChoiceField)
    item.choices = choices


# ---- Screening ------------------------------------------------------------------------------

# In the order the brief for the public names them; each is offered only when the area's policy
# lists it as not suitable for a review.
EXCLUSION_CHOICES: list[tuple[Exclusion, Promise]] = [
    (Exclusion.COURT_DECISION, _("A decision made by a court")),
    (
        Exclusion.CPS_DECISION,
        _("A decision by the Crown Prosecution Service (CPS), for example not to charge someone"),
    ),
    (Exclusion.OFFICER_CONDUCT, _("How one police officer behaved")),
    (
        Exclusion.SERVICE_COMPLAINT_ONLY,
        _("Only how a service was provided, not the anti-social behaviour itself"),
    ),
    (Exclusion.ANONYMOUS_APPLICANT, _("You want to stay anonymous")),
]


class ScreeningForm(ApplyForm):
    about = ChoiceField(
        label=_("Is your application about any of these?"),
        is_page_heading=True,
        hint=_(
            "A Case Review cannot help with these. If yours is one of them, we will tell you "
            "where to go instead."
        ),
        error_messages={
            "required": _("Select what your application is about, or 'No, none of these'"),
            "invalid_choice": _("Select one of the options"),
        },
    )

    def setup(self) -> None:
        listed = set(self.ctx.policy.exclusions)
        _choices(
            self,
            "about",
            [
                *((str(reason), label) for reason, label in EXCLUSION_CHOICES if reason in listed),
                (NONE_OF_THESE, _("No, none of these")),
            ],
        )


# ---- Who is applying ------------------------------------------------------------------------


class WhoForm(ApplyForm):
    who = ChoiceField(
        label=_("Who are you applying for?"),
        is_page_heading=True,
        choices=[
            (MYSELF, _("Myself, or my own business or community group")),
            (SOMEONE_ELSE, _("Someone else, with their agreement")),
        ],
        hint=_(
            "For example, a friend, relative, neighbour or someone you support. A councillor, "
            "MP or professional can apply for someone too."
        ),
        error_messages={
            "required": _("Select who you are applying for"),
            "invalid_choice": _("Select who you are applying for"),
        },
    )


class ApplicantForm(ApplyForm):
    applicant_name = CharField(
        label=_("Your full name"),
        max_length=200,
        autocomplete="name",
        spellcheck=False,
        error_messages=_limits(_("Your name"), 200, _("Enter your full name")),
    )
    applicant_relationship = ChoiceField(
        label=_("What is your relationship to the victim?"),
        label_classes=LEGEND,
        choices=Relationship.choices,
        error_messages={
            "required": _("Select your relationship to the victim"),
            "invalid_choice": _("Select your relationship to the victim"),
        },
    )

    def title(self) -> str:
        return gettext("About you")


class ApplicantContactForm(ApplyForm):
    applicant_email = EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        hint=_("We will e-mail you a link to follow the application."),
        error_messages={
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
            "max_length": too_long(_("Your e-mail address"), 254),
        },
    )
    applicant_phone = CharField(
        label=_("Phone number"),
        required=False,
        max_length=40,
        input_type="tel",
        autocomplete="tel",
        classes="govuk-input--width-20",
        validators=[check_phone],
        error_messages=_limits(_("Your phone number"), 40),
    )
    applicant_address = TextareaField(
        label=_("Postal address"),
        required=False,
        max_length=1000,
        rows=4,
        autocomplete="street-address",
        error_messages=_limits(_("Your address"), 1000),
    )

    def title(self) -> str:
        return gettext("How can we contact you?")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not any(
            str(cleaned.get(name) or "").strip()
            for name in ("applicant_email", "applicant_phone", "applicant_address")
        ):
            self.add_error(
                "applicant_email",
                gettext("Enter at least one way to contact you: e-mail, phone or address"),
            )
        return cleaned


class ConsentForm(ApplyForm):
    consent = ChoiceField(
        label=_("Has the victim agreed to you applying for them?"),
        is_page_heading=True,
        choices=[(YES, _("Yes")), (NO, _("No, or not yet"))],
        hint=_(
            "The law only lets someone else apply with the victim's agreement, so that the "
            "agencies can share what they know about them."
        ),
        error_messages={
            "required": _("Select yes if the victim has agreed to you applying for them"),
            "invalid_choice": _("Select yes if the victim has agreed to you applying for them"),
        },
    )


class ConsentDetailsForm(ApplyForm):
    consent_given_how = CharField(
        label=_("How did they give their agreement?"),
        max_length=200,
        hint=_("For example, in writing, by e-mail, in a phone call or in person."),
        error_messages=_limits(
            _("How they gave their agreement"),
            200,
            _("Enter how the victim gave their agreement"),
        ),
    )
    consent_given_on = DateField(
        label=_("When did they agree?"),
        label_classes=LEGEND,
        hint=_("For example, 27 3 2026"),
        error_name=str(_("the date they agreed")),
        not_in_future=True,
        error_messages={"required": _("Enter the date the victim agreed")},
    )

    def setup(self) -> None:
        # The date's messages name it in the page's language.
        date_field = self.fields["consent_given_on"]
        assert isinstance(date_field, DateField)
        date_field.error_name = gettext("the date they agreed")

    def title(self) -> str:
        return gettext("The victim's agreement")


# ---- The victim -----------------------------------------------------------------------------


class VictimKindForm(ApplyForm):
    victim_kind = ChoiceField(
        label=_("Who is affected by the behaviour?"),
        is_page_heading=True,
        choices=VictimKind.choices,
        error_messages={
            "required": _("Select who is affected by the behaviour"),
            "invalid_choice": _("Select who is affected by the behaviour"),
        },
    )

    def setup(self) -> None:
        if self.ctx.for_self:
            self.set_label(
                "victim_kind",
                gettext("Are you applying as a person, a business or a community group?"),
            )
            _choices(
                self,
                "victim_kind",
                [
                    (VictimKind.PERSON, _("As a person")),
                    (VictimKind.BUSINESS, _("For my business")),
                    (VictimKind.COMMUNITY_GROUP, _("For my community group")),
                ],
            )
        else:
            self.set_label(
                "victim_kind", gettext("Is the victim a person, a business or a community group?")
            )


class VictimNameForm(ApplyForm):
    victim_name = CharField(
        label=_("What is your full name?"),
        is_page_heading=True,
        max_length=200,
        spellcheck=False,
        error_messages=_limits(_("The name"), 200, _("Enter the name")),
    )

    def setup(self) -> None:
        kind, mine = self.ctx.victim_kind, self.ctx.for_self
        if kind == VictimKind.BUSINESS:
            label = (
                gettext("What is the name of your business?")
                if mine
                else gettext("What is the name of the business?")
            )
            required = gettext("Enter the name of the business")
        elif kind == VictimKind.COMMUNITY_GROUP:
            label = (
                gettext("What is the name of your community group?")
                if mine
                else gettext("What is the name of the community group?")
            )
            required = gettext("Enter the name of the community group")
        elif mine:
            label, required = gettext("What is your full name?"), gettext("Enter your full name")
            set_options(self, "victim_name", autocomplete="name")
        else:
            label = gettext("What is the victim's full name?")
            required = gettext("Enter the victim's full name")
        self.set_label("victim_name", label)
        self.fields["victim_name"].error_messages["required"] = required


class VictimAddressForm(ApplyForm):
    victim_address = TextareaField(
        label=_("Address"),
        required=False,
        max_length=1000,
        rows=4,
        error_messages=_limits(_("The address"), 1000),
    )
    victim_postcode = CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        classes="govuk-input--width-10",
        spellcheck=False,
        validators=[check_postcode],
        error_messages=_limits(_("The postcode"), 10),
    )

    def setup(self) -> None:
        # The browser may fill in the person's own address, never someone else's.
        mine = self.ctx.for_self
        set_options(self, "victim_address", autocomplete="street-address" if mine else "off")
        set_options(self, "victim_postcode", autocomplete="postal-code" if mine else "off")

    def title(self) -> str:
        if self.ctx.for_self:
            return gettext("What is your address?")
        return gettext("What is the victim's address?")

    def summary_label(self, name: str) -> str:
        return self.title() if name == "victim_address" else super().summary_label(name)


class VictimContactForm(ApplyForm):
    victim_email = EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
            "max_length": too_long(_("The e-mail address"), 254),
        },
    )
    victim_phone = CharField(
        label=_("Phone number"),
        required=False,
        max_length=40,
        input_type="tel",
        classes="govuk-input--width-20",
        validators=[check_phone],
        error_messages=_limits(_("The phone number"), 40),
    )

    def setup(self) -> None:
        if self.ctx.for_self:
            self.fields["victim_email"].help_text = gettext(
                "We will e-mail you a link to follow your application."
            )
        else:
            set_options(self, "victim_email", autocomplete="off")

    def title(self) -> str:
        if self.ctx.for_self:
            return gettext("How can we contact you?")
        return gettext("How can we contact the victim?")

    def summary_label(self, name: str) -> str:
        if self.ctx.for_self:
            return super().summary_label(name)
        if name == "victim_email":
            return gettext("Victim's e-mail address")
        return gettext("Victim's phone number")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_address = bool(self.ctx.answer("victim_address"))
        if (
            not self.errors
            and not has_address
            and not any(str(cleaned.get(n) or "").strip() for n in ("victim_email", "victim_phone"))
        ):
            self.add_error(
                "victim_email",
                gettext("Enter an e-mail address or a phone number, or go back and give an address")
                if self.ctx.for_self
                else gettext(
                    "Enter the victim's e-mail address or phone number, or go back and give "
                    "their address"
                ),
            )
        return cleaned


# ---- The behaviour --------------------------------------------------------------------------


class BehaviourForm(ApplyForm):
    asb_description = TextareaField(
        label=_("What has been happening?"),
        is_page_heading=True,
        rows=8,
        max_length=LONG_TEXT,
        hint=_(
            "Describe the anti-social behaviour: what happens, how often, and what time of day. "
            "Write it in your own words; you do not need to remember everything."
        ),
        error_messages=_limits(
            _("The description"), LONG_TEXT, _("Describe what has been happening")
        ),
    )


class WhereWhenForm(ApplyForm):
    location = TextareaField(
        label=_("Where does it happen?"),
        required=False,
        rows=3,
        max_length=2000,
        hint=_("For example, outside my home, or in the car park behind the shops."),
        error_messages=_limits(_("Where it happens"), 2000),
    )
    started = CharField(
        label=_("When did it start?"),
        required=False,
        max_length=200,
        hint=_("For example, last summer, or March 2025. A rough idea is fine."),
        error_messages=_limits(_("When it started"), 200),
    )

    def title(self) -> str:
        return gettext("Where and when")


class ImpactForm(ApplyForm):
    impact = TextareaField(
        label=_("How is it affecting you?"),
        is_page_heading=True,
        rows=6,
        max_length=LONG_TEXT,
        hint=_(
            "For example, on your health, your sleep, your family, your work or your feeling of "
            "safety at home."
        ),
        error_messages=_limits(
            _("How it is affecting you"), LONG_TEXT, _("Tell us how the behaviour is affecting you")
        ),
    )

    def setup(self) -> None:
        if not self.ctx.for_self:
            self.set_label("impact", gettext("How is it affecting the victim?"))
            self.fields["impact"].error_messages["required"] = gettext(
                "Tell us how the behaviour is affecting the victim"
            )


class ResponsibleForm(ApplyForm):
    alleged_responsible = TextareaField(
        label=_("Do you know who is responsible? (optional)"),
        is_page_heading=True,
        required=False,
        rows=4,
        max_length=2000,
        hint=_(
            "Only if you know, for example a name or where they live. We share this with the "
            "agencies looking into the case. It is never put in letters or e-mails to you or "
            "the victim."
        ),
        error_messages=_limits(_("Who is responsible"), 2000),
    )


# ---- Complaints made ------------------------------------------------------------------------

ROWS_FIELD = "complaint_rows"
ROW_PARTS = ("agency", "behaviour_on", "reported_on", "reference")
ROW_PREFIX = "complaint_"


def row_field(number: int, part: str) -> str:
    return f"{ROW_PREFIX}{number}_{part}"


@dataclass(frozen=True)
class ComplaintRow:
    """The field names of one row, for the template."""

    number: int
    agency: str
    behaviour_on: str
    reported_on: str
    reference: str


class ComplaintsForm(ApplyForm):
    """Rows of (when it happened, when reported, to whom, reference). All optional: a row left
    blank is ignored, and someone who does not know the dates can leave them out."""

    def __init__(self, data: Mapping[str, Any] | None = None, *, ctx: FlowContext) -> None:
        self.rows = rows_in(
            data if data is not None else ctx.answers, ROWS_FIELD, prefix=ROW_PREFIX
        )
        super().__init__(data, ctx=ctx)

    def setup(self) -> None:
        self.agencies = {str(agency.pk): agency for agency in self.ctx.bodies}
        self.fields[ROWS_FIELD] = forms.IntegerField(
            required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_ROWS
        )
        choices = [(pk, agency.name) for pk, agency in self.agencies.items()]
        for number in range(1, self.rows + 1):
            which = {"number": number}
            self.fields[row_field(number, "agency")] = SelectField(
                label=gettext("Who did you report it to?"),
                required=False,
                choices=choices,
                error_messages={
                    "invalid_choice": gettext(
                        "Report %(number)s: select who you reported it to from the list"
                    )
                    % which
                },
            )
            self.fields[row_field(number, "behaviour_on")] = DateField(
                label=gettext("When did the behaviour happen? (optional)"),
                label_classes="govuk-fieldset__legend--s",
                required=False,
                hint=gettext("For example, 27 3 2026. Leave blank if you do not know."),
                error_name=gettext("the date the behaviour happened in report %(number)s") % which,
                not_in_future=True,
            )
            self.fields[row_field(number, "reported_on")] = DateField(
                label=gettext("When did you report it? (optional)"),
                label_classes="govuk-fieldset__legend--s",
                required=False,
                hint=gettext("For example, 28 3 2026. Leave blank if you do not know."),
                error_name=gettext("the date of report %(number)s") % which,
                not_in_future=True,
            )
            self.fields[row_field(number, "reference")] = CharField(
                label=gettext("Reference number (optional)"),
                required=False,
                max_length=100,
                classes="govuk-input--width-20",
                spellcheck=False,
                hint=gettext("For example, a crime or incident number, if you were given one."),
                error_messages={
                    "max_length": too_long(gettext("The reference number"), 100),
                },
            )

    def title(self) -> str:
        return gettext("Times the behaviour was reported")

    def owns_key(self, key: str) -> bool:
        return key.startswith("complaint_")

    @property
    def complaint_rows(self) -> list[ComplaintRow]:
        return [
            ComplaintRow(number, *(row_field(number, part) for part in ROW_PARTS))
            for number in range(1, self.rows + 1)
        ]

    def _row_is_blank(self, number: int) -> bool:
        return all(is_blank(self[row_field(number, part)].value()) for part in ROW_PARTS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number in range(1, self.rows + 1):
            if self._row_is_blank(number):
                continue
            which = {"number": number}
            agency = row_field(number, "agency")
            if not cleaned.get(agency) and agency not in self.errors:
                self.add_error(
                    agency, gettext("Report %(number)s: select who you reported it to") % which
                )
            first = cleaned.get(row_field(number, "behaviour_on"))
            then = cleaned.get(row_field(number, "reported_on"))
            if first is not None and then is not None and then < first:
                self.add_error(
                    row_field(number, "reported_on"),
                    gettext(
                        "Report %(number)s: the date you reported it must be the same as or "
                        "after the date it happened"
                    )
                    % which,
                )
        return cleaned

    def _filled(self) -> list[int]:
        return [n for n in range(1, self.rows + 1) if not self._row_is_blank(n)]

    def complaint_inputs(self) -> list[ComplaintInput]:
        """The rows with both dates, as the case service takes them."""
        data = self.cleaned_data
        found = []
        for number in self._filled():
            behaviour = data.get(row_field(number, "behaviour_on"))
            reported = data.get(row_field(number, "reported_on"))
            if behaviour is None or reported is None:
                continue
            found.append(
                ComplaintInput(
                    agency=self.agencies[data[row_field(number, "agency")]],
                    behaviour_on=behaviour,
                    reported_on=reported,
                    agency_reference=data[row_field(number, "reference")],
                )
            )
        return found

    def undated(self) -> list[tuple[Agency, str, dt.date | None, dt.date | None]]:
        """The rows missing a date: (agency, reference, behaviour date, reported date)."""
        data = self.cleaned_data
        found = []
        for number in self._filled():
            behaviour = data.get(row_field(number, "behaviour_on"))
            reported = data.get(row_field(number, "reported_on"))
            if behaviour is not None and reported is not None:
                continue
            found.append(
                (
                    self.agencies[data[row_field(number, "agency")]],
                    data[row_field(number, "reference")],
                    behaviour,
                    reported,
                )
            )
        return found

    def summary(self) -> list[SummaryRow]:
        data = self.cleaned_data
        rows = []
        for index, number in enumerate(self._filled(), start=1):
            agency = self.agencies[data[row_field(number, "agency")]]
            behaviour = data.get(row_field(number, "behaviour_on"))
            reported = data.get(row_field(number, "reported_on"))
            reference = data.get(row_field(number, "reference"))
            lines = [gettext("Reported to %(agency)s") % {"agency": agency.name}]
            lines.append(
                gettext("Happened on %(date)s") % {"date": govuk_date(behaviour)}
                if behaviour
                else gettext("Date it happened not known")
            )
            lines.append(
                gettext("Reported on %(date)s") % {"date": govuk_date(reported)}
                if reported
                else gettext("Date reported not known")
            )
            if reference:
                lines.append(gettext("Reference: %(reference)s") % {"reference": reference})
            rows.append(SummaryRow(gettext("Report %(number)s") % {"number": index}, tuple(lines)))
        if not rows:
            rows.append(SummaryRow(self.title(), (gettext("None given"),)))
        return rows


# ---- Support, repeat applications, contact and language -------------------------------------


class SupportForm(ApplyForm):
    vulnerability_notes = TextareaField(
        label=_("Is there anything that makes you more vulnerable? (optional)"),
        required=False,
        rows=4,
        max_length=LONG_TEXT,
        hint=_(
            "For example, a disability, a health condition, your age, or being targeted because "
            "of who you are."
        ),
        error_messages=_limits(_("What you told us about vulnerability"), LONG_TEXT),
    )
    support_needs = TextareaField(
        label=_("Do you need any support from us? (optional)"),
        required=False,
        rows=4,
        max_length=LONG_TEXT,
        hint=_(
            "For example, an interpreter, large print, an easy read version, or someone to "
            "support you at meetings."
        ),
        error_messages=_limits(_("What you told us about support"), LONG_TEXT),
    )

    def setup(self) -> None:
        if not self.ctx.for_self:
            self.set_label(
                "vulnerability_notes",
                gettext("Is there anything that makes the victim more vulnerable? (optional)"),
            )
            self.set_label(
                "support_needs", gettext("Does the victim need any support from us? (optional)")
            )

    def title(self) -> str:
        return gettext("Vulnerability and support")


class AppliedBeforeForm(ApplyForm):
    applied_before = ChoiceField(
        label=_("Has anyone applied for a Case Review about this behaviour before?"),
        is_page_heading=True,
        choices=[(YES, _("Yes")), (NO, _("No")), (NOT_SURE, _("I'm not sure"))],
        error_messages={
            "required": _("Select yes if anyone has applied about this before"),
            "invalid_choice": _("Select yes if anyone has applied about this before"),
        },
    )


class WhatChangedForm(ApplyForm):
    material_change = TextareaField(
        label=_("What has changed since the last application?"),
        is_page_heading=True,
        rows=6,
        max_length=LONG_TEXT,
        hint=_(
            "A new application after a decision needs something to have changed, for example "
            "the behaviour got worse, or there were new incidents."
        ),
        error_messages=_limits(
            _("What has changed"),
            LONG_TEXT,
            _("Tell us what has changed since the last application"),
        ),
    )


class ContactPreferenceForm(ApplyForm):
    preferred_contact = ChoiceField(
        label=_("How would you like us to contact you?"),
        is_page_heading=True,
        choices=ContactMethod.choices,
        error_messages={
            "required": _("Select how you would like us to contact you"),
            "invalid_choice": _("Select how you would like us to contact you"),
        },
    )

    # Each way needs its detail, given on an earlier page.
    NEEDS = {
        ContactMethod.EMAIL: "victim_email",
        ContactMethod.PHONE: "victim_phone",
        ContactMethod.LETTER: "victim_address",
    }

    def setup(self) -> None:
        if not self.ctx.for_self:
            self.set_label(
                "preferred_contact", gettext("How would the victim like us to contact them?")
            )
            self.fields["preferred_contact"].error_messages["required"] = gettext(
                "Select how the victim would like us to contact them"
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        way = str(cleaned.get("preferred_contact") or "")
        needed = self.NEEDS.get(ContactMethod(way)) if way in ContactMethod.values else None
        if needed and not self.ctx.answer(needed):
            missing = {
                ContactMethod.EMAIL: gettext("an e-mail address"),
                ContactMethod.PHONE: gettext("a phone number"),
                ContactMethod.LETTER: gettext("an address"),
            }[ContactMethod(way)]
            self.add_error(
                "preferred_contact",
                gettext(
                    "You have not given %(detail)s: choose another way, or go back and give one"
                )
                % {"detail": missing},
            )
        return cleaned


class LanguageForm(ApplyForm):
    language = ChoiceField(
        label=_("Which language should we use when we write to you?"),
        is_page_heading=True,
        choices=Language.choices,
        hint=_("Letters and e-mails about the application will be in this language."),
        error_messages={
            "required": _("Select English or Cymraeg"),
            "invalid_choice": _("Select English or Cymraeg"),
        },
    )

    def defaults(self) -> dict[str, str]:
        # Until the person chooses, the language they are reading the pages in.
        return {"language": default_language()}

    def setup(self) -> None:
        if not self.ctx.for_self:
            self.set_label(
                "language",
                gettext("Which language should we use when we write to you and the victim?"),
            )


def default_language() -> str:
    code = (get_language() or Language.ENGLISH).split("-")[0]
    return code if code in Language.values else Language.ENGLISH


def needs_consent(ctx: FlowContext) -> bool:
    return not ctx.for_self and ctx.answer("applicant_relationship") not in {
        str(r) for r in RELATIONSHIPS_WITHOUT_CONSENT
    }


# ---- Check your answers ---------------------------------------------------------------------

HONEYPOT = "website"


class SubmitForm(DesignSystemForm):
    """The declaration, and a field people never see (its wrapper is ``hidden``) that only
    form-filling robots fill in."""

    declaration = BooleanField(
        label=_("I confirm that the information I have given is true, as far as I know"),
        error_messages={"required": _("Confirm that the information you have given is true")},
    )
    website = CharField(
        label=_("Leave this empty"),
        required=False,
        max_length=MAX_STORED_CHARS,
        autocomplete="off",
        attributes={"tabindex": "-1"},
    )

    def __init__(self, data: Mapping[str, Any] | None = None, *, for_self: bool) -> None:
        super().__init__(data)
        if not for_self:
            self.fields["declaration"].label = gettext(
                "I confirm that the information I have given is true, as far as I know, and that "
                "the victim has agreed to this application"
            )

    @property
    def is_robot(self) -> bool:
        return bool(str(self.data.get(HONEYPOT, "") or "").strip())


class ResumeEmailForm(DesignSystemForm):
    email = EmailField(
        label=_("What is your e-mail address?"),
        is_page_heading=True,
        max_length=254,
        hint=_("We will send you a link to come back to your application."),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
            "max_length": too_long(_("Your e-mail address"), 254),
        },
    )
