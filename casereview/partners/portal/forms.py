"""The portal's forms: an agency's structured answer to an information request, and its answer to
a panel invitation.

The incident rows are the staff form's ``IncidentForm`` (the same dates, reference, kind and
summary, and which of the applicant's stated complaints each confirms) without the incident
link, which is the area's to set; they grow with "Add another incident" without JavaScript
(``casereview.core.forms.rows``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from casereview.cases import step_forms
from casereview.core.forms import ChoiceField, DesignSystemForm, TextareaField
from casereview.core.forms.rows import kept_values
from casereview.partners.models import ExemptionRelied
from casereview.partners.services import RESPONSE_FILE_TYPES, IncidentInput
from casereview.reviews.forms import FileField
from casereview.reviews.models import MAX_UPLOAD_BYTES
from casereview.reviews.services import Upload

INCIDENTS_PREFIX = "incidents"
ADD_INCIDENT = "add_incident"
NO_EXEMPTION = "none"
ACCEPTED_FILES = ",".join(sorted(RESPONSE_FILE_TYPES))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(FileField):
    """Several files from one file input; the service checks each one's type and size, so that
    every problem with every file is reported at once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class AnswerForm(DesignSystemForm):
    actions_taken = TextareaField(
        label=_("Actions your agency has taken (optional)"),
        hint=_("Visits, warnings, referrals, enforcement: what was done about the behaviour"),
        required=False,
        rows=5,
    )
    attachments = MultipleFileField(
        label=_("Documents (optional)"),
        hint=_(
            "You can choose several files: PDF, Word, OpenDocument, text, RTF, JPEG, PNG, CSV or "
            "Excel (.xlsx), each smaller than 10 MB. If the page shows an error, choose the "
            "files again."
        ),
        required=False,
    )
    documents = TextareaField(
        label=_("Describe the documents (optional)"),
        hint=_("For example 'Incident log, 12 pages', or documents sent another way"),
        required=False,
        rows=3,
    )
    exemption = ChoiceField(
        label=_("Has your agency relied on an exemption to withhold anything?"),
        choices=[(NO_EXEMPTION, _("No, nothing is withheld")), *ExemptionRelied.choices],
        initial=NO_EXEMPTION,
        error_messages={
            "required": _("Say whether your agency relied on an exemption"),
            "invalid_choice": _("Choose one of the exemptions listed"),
        },
    )
    exemption_reason = TextareaField(
        label=_("Why the exemption applies, and what was withheld"),
        hint=_("Needed when an exemption is chosen"),
        required=False,
        rows=4,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("exemption")
        if chosen and chosen != NO_EXEMPTION and not data.get("exemption_reason", "").strip():
            self.add_error(
                "exemption_reason", _("Say why the exemption applies and what was withheld")
            )
        return data

    def exemption_relied_on(self) -> str:
        chosen = self.cleaned_data.get("exemption") or NO_EXEMPTION
        return "" if chosen == NO_EXEMPTION else str(ExemptionRelied(chosen).label)

    def exemption_reason_given(self) -> str:
        return "" if not self.exemption_relied_on() else self.cleaned_data["exemption_reason"]

    def uploads(self) -> list[Upload]:
        uploads = []
        for file in self.cleaned_data.get("attachments") or []:
            # One byte more than allowed is enough for the service to say the file is too big,
            # without reading a huge file into memory.
            data = file.read(MAX_UPLOAD_BYTES + 1)
            uploads.append(
                Upload(
                    name=file.name or "document",
                    content_type=file.content_type or "application/octet-stream",
                    data=data,
                )
            )
        return uploads


class AgencyIncidentForm(step_forms.IncidentForm):
    """One incident from the agency's records: the staff row without the incident link."""

    incident_key = None  # type: ignore[assignment]

    field_order = ["behaviour_on", "reported_on", "agency_reference", "kind", "confirms", "summary"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency_reference"].label = _("Your reference (optional)")
        self.fields["agency_reference"].help_text = _(
            "The incident or crime number in your records: it links this to incidents your "
            "agency has sent"
        )
        self.fields["confirms"].label = _(
            "Does it confirm a complaint the applicant said they made to you? (optional)"
        )

    def incident_input(self) -> IncidentInput:
        data = self.cleaned_data
        return IncidentInput(
            behaviour_on=data["behaviour_on"],
            reported_on=data["reported_on"],
            agency_reference=data["agency_reference"],
            kind=data["kind"],
            summary=data["summary"],
            confirms=self.confirmed_complaint(),
        )


class IncidentRows(forms.BaseFormSet[AgencyIncidentForm]):
    """Incident rows; ``row_initial`` refills rows when another is added, without making them
    "initial" forms (which Django would refuse to leave blank)."""

    row_initial: list[dict[str, Any]] = []

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = dict(super().get_form_kwargs(index))
        if index is not None and index < len(self.row_initial):
            kwargs["initial"] = self.row_initial[index]
        return kwargs

    def given(self) -> list[IncidentInput]:
        """The incidents entered, rows left blank ignored (call after ``is_valid``)."""
        return [
            row.incident_input()
            for row in self.forms
            if isinstance(row, AgencyIncidentForm) and row.has_changed()
        ]


def incident_rows(rows: int) -> type[IncidentRows]:
    formset = forms.formset_factory(
        AgencyIncidentForm,
        formset=IncidentRows,
        extra=rows,
        max_num=step_forms.MAX_INCIDENTS,
        absolute_max=step_forms.MAX_INCIDENTS,
        validate_max=True,
    )
    assert issubclass(formset, IncidentRows)
    return formset


def with_another_row(
    data: Mapping[str, Any], form_kwargs: dict[str, Any]
) -> tuple[AnswerForm, IncidentRows]:
    """The answer as typed, unbound (no errors shown), with one more incident row: pressing
    "Add another incident" is not a submission."""
    posted = incident_rows(0)(data, prefix=INCIDENTS_PREFIX, form_kwargs=form_kwargs)
    count = min(posted.total_form_count() + 1, step_forms.MAX_INCIDENTS)
    form = AnswerForm(initial=kept_values(AnswerForm(), data))
    rows_class = incident_rows(count)
    rows_class.row_initial = [kept_values(row, data) for row in posted.forms]
    return form, rows_class(prefix=INCIDENTS_PREFIX, form_kwargs=form_kwargs)


RESPONSE_CHOICES = [("accept", _("Yes, we will attend")), ("decline", _("No, we cannot attend"))]


class PanelAnswerForm(DesignSystemForm):
    response = ChoiceField(
        label=_("Will your agency attend the review meeting?"),
        choices=RESPONSE_CHOICES,
        error_messages={
            "required": _("Say whether your agency will attend"),
            "invalid_choice": _("Choose yes or no"),
        },
    )
    note = TextareaField(
        label=_("Note for the coordinator"),
        hint=_("Needed if you cannot attend: say why, and who could attend instead"),
        required=False,
        rows=4,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("response") == "decline" and not data.get("note", "").strip():
            self.add_error("note", _("Say why your agency cannot attend"))
        return data

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["response"] == "accept"
