"""The forms of the coordinator's step pages (acknowledge, assign the SPOC, add a complaint,
request information, record a response, phone the victim, withdraw, close).

Forms check what a form can (a date is real and not in the future, a choice is one offered);
the service functions check the rules of the case (not before the application, a relevant body
of the area...), and their messages are put back on these forms by ``views.common.take_step``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.accounts.models import User
from casereview.accounts.scoping import coordinators_of as area_coordinators
from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import Case, Complaint, ComplaintKind, ComplaintSource
from casereview.core.formatting import govuk_date
from casereview.core.forms import (
    CharField,
    ChoiceField,
    DateField,
    DesignSystemForm,
    SelectField,
    TextareaField,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The most incident rows one response form takes; more are recorded in a second response.
MAX_INCIDENTS = 20
# Blank incident rows shown on a new response form.
BLANK_INCIDENTS = 3


def _today() -> date:
    return timezone.localdate()


def _date(label: StrOrPromise, error_name: StrOrPromise, **kwargs: Any) -> DateField:
    return DateField(
        label=label,
        hint=_("For example, 27 3 2026"),
        # DateField turns the name into text only when it reports an error, so a lazy
        # translation is read in the language of that request.
        error_name=cast(str, error_name),
        not_in_future=True,
        **kwargs,
    )


class AcknowledgeForm(DesignSystemForm):
    on = _date(_("When was the application acknowledged?"), _("the date it was acknowledged"))


class AssignSpocForm(DesignSystemForm):
    spoc = ChoiceField(
        label=_("Who is the single point of contact?"),
        hint=_("A coordinator of the case's area. They keep the victim informed."),
        choices=[],
        error_messages={
            "required": _("Choose the single point of contact"),
            "invalid_choice": _("Choose one of the coordinators listed"),
        },
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coordinators = {person.pk: person for person in coordinators_of(case)}
        field = self.fields["spoc"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (str(pk), person.get_full_name() or person.email)
            for pk, person in self.coordinators.items()
        ]

    def chosen(self) -> User:
        return self.coordinators[int(self.cleaned_data["spoc"])]


def coordinators_of(case: Case) -> list[User]:
    """Active coordinators of the case's area, by name."""
    return list(area_coordinators(case.area_id))


def relevant_bodies_of(case: Case) -> list[Agency]:
    """The relevant bodies of the case's area, by name."""
    return sorted(relevant_bodies(case.area), key=lambda agency: agency.name)


KIND_CHOICES = ComplaintKind.choices


class ComplaintDetailsForm(DesignSystemForm):
    """Dates, references and kind shared by a complaint and a response's incident."""

    behaviour_on = _date(_("When did the behaviour happen?"), _("the date the behaviour happened"))
    reported_on = _date(_("When was it reported?"), _("the date it was reported"))
    agency_reference = CharField(
        label=_("The agency's reference (optional)"),
        required=False,
        max_length=100,
        spellcheck=False,
        classes="govuk-input--width-20",
    )
    incident_key = CharField(
        label=_("Incident link (optional)"),
        hint=_(
            "Give complaints about the same occasion the same link, for example the date and "
            "a word: one incident reported to several agencies counts once"
        ),
        required=False,
        max_length=100,
        spellcheck=False,
        classes="govuk-input--width-20",
    )
    kind = ChoiceField(
        label=_("What kind of report was it?"),
        choices=KIND_CHOICES,
        initial=ComplaintKind.COMPLAINT,
        error_messages={"required": _("Choose complaint or diary sheet")},
    )
    summary = TextareaField(label=_("Summary (optional)"), required=False, rows=3)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        behaviour_on, reported_on = data.get("behaviour_on"), data.get("reported_on")
        if behaviour_on and reported_on and reported_on < behaviour_on:
            self.add_error(
                "reported_on",
                _("The date it was reported must be the same as or after the behaviour"),
            )
        return data


class AddComplaintForm(ComplaintDetailsForm):
    agency = ChoiceField(
        label=_("Which relevant body was it reported to?"),
        choices=[],
        error_messages={
            "required": _("Choose the relevant body it was reported to"),
            "invalid_choice": _("Choose one of the relevant bodies listed"),
        },
    )

    field_order = [
        "agency",
        "behaviour_on",
        "reported_on",
        "agency_reference",
        "incident_key",
        "kind",
        "summary",
    ]

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {agency.pk: agency for agency in relevant_bodies_of(case)}
        field = self.fields["agency"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(pk), agency.name) for pk, agency in self.agencies.items()]

    def chosen_agency(self) -> Agency:
        return self.agencies[int(self.cleaned_data["agency"])]


class RequestInformationForm(DesignSystemForm):
    on = _date(_("When is the information requested?"), _("the date of the request"))


class ResponseForm(DesignSystemForm):
    received_on = _date(_("When was the response received?"), _("the date it was received"))
    actions_taken = TextareaField(
        label=_("Actions the agency has taken (optional)"), required=False, rows=4
    )
    documents = TextareaField(
        label=_("Documents supplied (optional)"),
        hint=_("Describe each document, for example 'Incident log, 12 pages'"),
        required=False,
        rows=3,
    )
    exemption_relied_on = TextareaField(
        label=_("Exemption relied on to withhold anything (optional)"),
        hint=_("A data-protection or confidence exemption, and what was withheld"),
        required=False,
        rows=3,
    )


class IncidentForm(ComplaintDetailsForm):
    """One incident of a response. A row left blank is ignored (formset ``empty_permitted``)."""

    confirms = SelectField(
        label=_("Does it confirm a complaint the applicant stated? (optional)"),
        choices=[],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the complaints listed")},
    )

    def __init__(
        self, *args: Any, complaints: list[Complaint] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.complaints = {c.pk: c for c in complaints or []}
        field = self.fields["confirms"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("No, it is a new complaint")),
            *((str(c.pk), complaint_label(c)) for c in self.complaints.values()),
        ]

    def has_changed(self) -> bool:
        """Whether anything was entered. The kind always has an answer (complaint, chosen in
        advance), so a row with nothing else in it is a blank row, not a half-filled one."""
        return any(name != "kind" for name in self.changed_data)

    def confirmed_complaint(self) -> Complaint | None:
        value = self.cleaned_data.get("confirms")
        return self.complaints[int(value)] if value else None


def complaint_label(complaint: Complaint) -> str:
    return str(_("%(agency)s, reported %(reported)s (behaviour %(behaviour)s)")) % {
        "agency": complaint.agency.name,
        "reported": govuk_date(complaint.reported_on),
        "behaviour": govuk_date(complaint.behaviour_on),
    }


def unconfirmed_complaints(case: Case) -> list[Complaint]:
    """The applicant's stated complaints no agency has confirmed yet."""
    return list(
        case.complaints.filter(source=ComplaintSource.STATED_BY_APPLICANT).select_related("agency")
    )


IncidentFormSet = forms.formset_factory(
    IncidentForm,
    extra=BLANK_INCIDENTS,
    max_num=MAX_INCIDENTS,
    absolute_max=MAX_INCIDENTS,
    validate_max=True,
)


class VictimContactForm(DesignSystemForm):
    on = _date(_("When was the victim phoned?"), _("the date of the call"))
    note = TextareaField(
        label=_("Note of the call (optional)"),
        hint=_("What the victim was told and anything they asked for"),
        required=False,
        rows=4,
    )


class EndForm(DesignSystemForm):
    """Withdraw or close: the reason the applicant is told, and when."""

    reason = TextareaField(
        label=_("Reason"),
        rows=4,
        error_messages={"required": _("Give the reason")},
    )
    on = _date(_("Date"), _("the date"))

    def __init__(
        self, *args: Any, reason_label: StrOrPromise, date_label: StrOrPromise, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = reason_label
        self.fields["on"].label = date_label


def initial_today() -> dict[str, date]:
    return {"on": _today()}
