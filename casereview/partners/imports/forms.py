"""The form an area administrator fills in to upload a CSV file of an agency's incidents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.forms import ValidationError
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.core.forms import ChoiceField, DesignSystemForm
from casereview.partners.imports.services import MAX_FILE_BYTES
from casereview.reviews.forms import FileField


class UploadForm(DesignSystemForm):
    agency = ChoiceField(
        label=_("Which agency are the incidents from?"),
        label_classes="govuk-fieldset__legend--m",
        hint=_("Each incident is stored as that agency's record, under the agency's reference."),
        error_messages={
            "required": _("Choose the agency the incidents are from"),
            "invalid_choice": _("Choose one of the area's agencies"),
        },
    )
    upload = FileField(
        label=_("Upload a CSV file"),
        label_classes="govuk-label--m",
        hint=_(
            "Use the columns of the template. The file must be smaller than 20 MB. If the page "
            "shows an error, choose the file again."
        ),
        allow_empty_file=True,
        error_messages={
            "required": _("Choose a CSV file to upload"),
            "invalid": _("Choose a CSV file to upload"),
            "missing": _("Choose a CSV file to upload"),
        },
    )

    def __init__(self, *args: Any, agencies: Sequence[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        field = self.fields["agency"]
        assert isinstance(field, ChoiceField)
        field.choices = [(pk, agency.name) for pk, agency in self.agencies.items()]

    def clean_upload(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["upload"]
        name = upload.name or ""
        if not name.lower().endswith(".csv"):
            raise ValidationError(
                _("The selected file must be a CSV file (its name ends in .csv)"), code="type"
            )
        if upload.size is not None and upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The selected file must be smaller than 20 MB"), code="size")
        if not upload.size:
            raise ValidationError(_("The selected file is empty"), code="empty")
        return upload

    def chosen_agency(self) -> Agency:
        return self.agencies[self.cleaned_data["agency"]]

    def file_name(self) -> str:
        return str(self.cleaned_data["upload"].name)

    def content(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["upload"]
        upload.seek(0)
        return b"".join(upload.chunks())
