"""The forms of the review's step pages: the victim's voice, arranging the meeting, recording it,
the outcome, the minutes, the victim's comments, making the plan final, updating an action and
changing the lead agency.

Forms check what a form can (a real date and time, a complete row, an e-mail address that looks
like one) and turn what was typed into the inputs of ``casereview.reviews.services``; the rules
of the review (at least three relevant bodies on the panel, the victim's comment window...) stay
in the services, whose messages the views put back on these forms.

Rows (panel members from other organisations, recommendations, actions) grow without
JavaScript, as on the intake page (``casereview.cases.intake_forms``): "Add another" is a
submit button that comes back with one more row and everything typed kept; a hidden field
carries the number of rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency
from casereview.cases.models import ContactMethod
from casereview.core.forms import (
    BooleanField,
    CharField,
    ChoiceField,
    DateField,
    DesignSystemField,
    DesignSystemForm,
    EmailField,
    IntegerField,
    MultipleChoiceField,
    SelectField,
    TextareaField,
)
from casereview.core.forms.components import MACROS, Component, Input
from casereview.core.forms.rows import MAX_ROWS, is_blank, kept_values
from casereview.reviews.models import (
    MAX_UPLOAD_BYTES,
    UPLOAD_TYPES,
    Action,
    ActionStatus,
    Meeting,
    VictimVoice,
    VoiceChoice,
)
from casereview.reviews.services import (
    ActionEntry,
    Assessment,
    Chair,
    MeetingPlan,
    MeetingRecord,
    PanelEntry,
    RecommendationEntry,
    Upload,
    Voice,
)

# Questions in a fieldset (radios, checkboxes, dates) have small bold legends on these long
# pages, in step with the labels of the inputs around them.
LEGEND = "govuk-fieldset__legend--s"
DATE_HINT = _("For example, 27 3 2026")
YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]

# The most rows of each kind a page grows to: enough for any real review, and a bound on what a
# crafted request can make the server build.

RESTRICTED_HINT = _(
    "Restricted: about the people alleged responsible. Shown to staff and the panel only, never "
    "in anything the victim sees."
)

# Meetings are arranged in the service's time zone (England and Wales).
LONDON = ZoneInfo(settings.TIME_ZONE)


# --- Fields this app needs that the design system's set does not have -------------------------


class FileUpload(Component):
    """govukFileUpload. A browser never sends a file back, so the field is empty again after an
    error elsewhere on the form (the page says so)."""

    template = f"{MACROS}/file-upload/macro.html"
    macro = "govukFileUpload"

    def params(self, bound_field: forms.BoundField) -> dict[str, Any]:
        params = self.common(bound_field)
        params.update(id=self.element_id(bound_field), label=self.label(bound_field))
        return params


class FileField(DesignSystemField, forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = FileUpload()
        super().__init__(*args, **kwargs)


_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


class TimeField(DesignSystemField, forms.Field):
    """A time of day typed as "14:00" (also "14.00", "2pm", "2:30pm"): govukInput."""

    default_error_messages = {
        "required": _("Enter the time"),
        "invalid": _("Enter a real time, like 14:00 or 2pm"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.component = Input("text")
        kwargs.setdefault("classes", "govuk-input--width-5")
        kwargs.setdefault("spellcheck", False)
        kwargs.setdefault("autocomplete", "off")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.time):
            return f"{value.hour:02d}:{value.minute:02d}"
        return value

    def to_python(self, value: Any) -> dt.time | None:
        if isinstance(value, dt.time):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        found = _TIME.match(text)
        if found is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        half = (found.group(3) or "").lower()
        if half:
            if not 1 <= hour <= 12:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return dt.time(hour, minute)


def _date(label: Any, error_name: Any, **kwargs: Any) -> DateField:
    return DateField(
        label=label,
        label_classes=LEGEND,
        hint=DATE_HINT,
        # DateField turns the name into text only when it reports an error, so a lazy
        # translation is read in the language of that request.
        error_name=cast(str, error_name),
        **kwargs,
    )


def _set_choices(form: forms.BaseForm, name: str, choices: Sequence[tuple[str, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = list(choices)


class RowsForm(DesignSystemForm):
    """A form with numbered rows of fields named ``<kind>_<number>_<part>``."""

    # kind -> the parts of a row that say whether anything was typed in it.
    ROW_PARTS: Mapping[str, tuple[str, ...]] = {}

    def row_field(self, kind: str, number: int, part: str) -> str:
        return f"{kind}_{number}_{part}"

    def row_is_blank(self, kind: str, number: int) -> bool:
        return all(
            is_blank(self[self.row_field(kind, number, part)].value())
            for part in self.ROW_PARTS[kind]
        )

    def filled_rows(self, kind: str, count: int) -> list[int]:
        return [n for n in range(1, count + 1) if not self.row_is_blank(kind, n)]

    def require_in_row(self, name: str, cleaned: Mapping[str, Any], message: str) -> None:
        if is_blank(cleaned.get(name)) and name not in self.errors:
            self.add_error(name, message)


def with_another_row(
    form_class: type[forms.BaseForm], data: Mapping[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """What was typed into a form built from ``data`` with ``kwargs``, to refill an unbound
    form with one more row ("Add another ..." is not a submission: no error messages)."""
    typed = form_class(data, **kwargs)
    return kept_values(typed, data)


# --- The victim's voice -----------------------------------------------------------------------


class VoiceForm(DesignSystemForm):
    choice = ChoiceField(
        label_classes=LEGEND,
        label=_("How does the victim want to be heard at the review?"),
        choices=VoiceChoice.choices,
        error_messages={"required": _("Choose how the victim wants to be heard")},
    )
    contacted_on = _date(
        _("When did you speak to the victim about it?"),
        _("the date you spoke to the victim"),
        not_in_future=True,
    )
    contacted_how = ChoiceField(
        label_classes=LEGEND,
        label=_("How did you contact them?"),
        choices=ContactMethod.choices,
        initial=ContactMethod.PHONE,
        inline=True,
        error_messages={"required": _("Choose how you contacted the victim")},
    )
    statement = TextareaField(
        label=_("Victim impact statement (optional)"),
        hint=_("Type the statement as the victim gave it, or upload it below."),
        required=False,
        rows=8,
    )
    upload = FileField(
        label=_("Upload the statement (optional)"),
        hint=_(
            "A PDF, Word, OpenDocument, text, RTF, JPEG or PNG file, smaller than 10 MB. If the "
            "page shows an error, choose the file again."
        ),
        required=False,
        allow_empty_file=True,
    )
    advocate_name = CharField(
        label=_("Advocate's name (optional)"), required=False, max_length=200, spellcheck=False
    )
    advocate_organisation = CharField(
        label=_("Advocate's organisation (optional)"),
        hint=_("For example, Victim Support"),
        required=False,
        max_length=200,
    )
    advocate_contact = CharField(
        label=_("How to contact the advocate (optional)"),
        hint=_("A phone number or e-mail address"),
        required=False,
        max_length=200,
        spellcheck=False,
    )
    support_offered = TextareaField(
        label=_("Support offered (optional)"),
        hint=_("Support services offered to the victim, and any referral made"),
        required=False,
        rows=3,
    )

    def voice(self) -> Voice:
        data = self.cleaned_data
        return Voice(
            choice=data["choice"],
            contacted_on=data["contacted_on"],
            contacted_how=data["contacted_how"],
            statement=data["statement"],
            upload=self.statement_upload(),
            advocate_name=data["advocate_name"],
            advocate_organisation=data["advocate_organisation"],
            advocate_contact=data["advocate_contact"],
            support_offered=data["support_offered"],
        )

    def statement_upload(self) -> Upload | None:
        file = self.cleaned_data.get("upload")
        if not isinstance(file, UploadedFile):
            return None
        # One byte more than allowed is enough for the service to say the file is too big,
        # without reading a huge file into memory.
        data = file.read(MAX_UPLOAD_BYTES + 1)
        return Upload(
            name=file.name or "statement",
            content_type=file.content_type or "application/octet-stream",
            data=data,
        )


def voice_initial(current: VictimVoice | None, today: dt.date) -> dict[str, Any]:
    """The victim's current choice, to change it; or today, for a first choice."""
    if current is None:
        return {"contacted_on": today, "contacted_how": ContactMethod.PHONE}
    return {
        "choice": current.choice,
        "contacted_on": current.contacted_on,
        "contacted_how": current.contacted_how,
        "statement": current.statement,
        "advocate_name": current.advocate_name,
        "advocate_organisation": current.advocate_organisation,
        "advocate_contact": current.advocate_contact,
        "support_offered": current.support_offered,
    }


ACCEPTED_UPLOADS = ",".join(sorted(UPLOAD_TYPES))


# --- Arranging the meeting --------------------------------------------------------------------


@dataclass(frozen=True)
class BodyRow:
    """The field names of one relevant body's row on the panel, for the template."""

    agency: Agency
    include: str
    name: str
    role: str
    email: str


@dataclass(frozen=True)
class OtherRow:
    """The field names of one other organisation's row on the panel, for the template."""

    number: int
    organisation: str
    name: str
    role: str
    email: str


OTHER_PARTS = ("organisation", "name", "role", "email")


class ScheduleForm(RowsForm):
    ROW_PARTS = {"other": OTHER_PARTS}

    meeting_date = _date(_("Date of the meeting"), _("the date of the meeting"))
    meeting_time = TimeField(
        label=_("Start time"),
        hint=_("In the 24-hour clock, for example 14:00"),
        error_messages={"required": _("Enter the time the meeting starts")},
    )
    duration_minutes = IntegerField(
        label=_("How long is the meeting, in minutes?"),
        initial=120,
        min_value=15,
        max_value=480,
        classes="govuk-input--width-4",
        error_messages={
            "required": _("Enter how long the meeting is, in minutes"),
            "invalid": _("Enter how long the meeting is as a number of minutes, like 120"),
            "min_value": _("The meeting must last between 15 minutes and 8 hours"),
            "max_value": _("The meeting must last between 15 minutes and 8 hours"),
        },
    )
    victim_part_minutes = IntegerField(
        label=_("How long is the first part, which the victim may attend, in minutes?"),
        initial=30,
        min_value=0,
        classes="govuk-input--width-4",
        error_messages={
            "required": _("Enter how long the victim's part is, in minutes"),
            "invalid": _("Enter how long the victim's part is as a number of minutes, like 30"),
            "min_value": _("The victim's part cannot be shorter than 0 minutes"),
        },
    )
    place = TextareaField(
        label=_("Where is the meeting? (optional if it is by video)"), required=False, rows=3
    )
    video_link = CharField(
        label=_("Link to join by video (optional)"),
        input_type="url",
        required=False,
        max_length=500,
    )
    # Carries the service's problem with the panel as a whole, shown above the panel's rows.
    panel = forms.CharField(required=False, widget=forms.HiddenInput)

    chair_name = CharField(
        label=_("Chair's name"),
        max_length=200,
        spellcheck=False,
        error_messages={"required": _("Enter the chair's name")},
    )
    chair_organisation = CharField(
        label=_("Chair's organisation"),
        hint=_("An independent chair, from a neighbouring authority for example, is recommended"),
        max_length=200,
        error_messages={"required": _("Enter the chair's organisation")},
    )
    chair_email = EmailField(
        label=_("Chair's e-mail address (optional)"),
        required=False,
        max_length=254,
        autocomplete="off",
        error_messages={"invalid": _("Enter the chair's e-mail address like name@example.com")},
    )
    chair_agency = SelectField(
        label=_("The area's agency the chair works for (optional)"),
        hint=_("Leave blank when the chair works for none of them"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the agencies listed")},
    )
    chair_independent = BooleanField(
        label=_("The chair is independent of the agencies that handled the case"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        bodies: Sequence[Agency],
        agencies: Sequence[Agency],
        other_rows: int = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = list(bodies)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        self.other_rows = max(1, min(other_rows, MAX_ROWS))
        _set_choices(self, "chair_agency", [(pk, a.name) for pk, a in self.agencies.items()])
        for agency in self.bodies:
            self.fields[f"body_{agency.pk}_include"] = BooleanField(
                label=gettext("%(agency)s sits on the panel") % {"agency": agency.name},
                required=False,
            )
            self.fields[f"body_{agency.pk}_name"] = CharField(
                label=_("Person's name"), required=False, max_length=200, spellcheck=False
            )
            self.fields[f"body_{agency.pk}_role"] = CharField(
                label=_("Role (optional)"), required=False, max_length=200
            )
            self.fields[f"body_{agency.pk}_email"] = EmailField(
                label=_("E-mail address (optional)"),
                required=False,
                max_length=254,
                autocomplete="off",
            )
        for number in range(1, self.other_rows + 1):
            self.fields[self.row_field("other", number, "organisation")] = CharField(
                label=_("Name of the organisation"), required=False, max_length=200
            )
            self.fields[self.row_field("other", number, "name")] = CharField(
                label=_("Person's name"), required=False, max_length=200, spellcheck=False
            )
            self.fields[self.row_field("other", number, "role")] = CharField(
                label=_("Role (optional)"), required=False, max_length=200
            )
            self.fields[self.row_field("other", number, "email")] = EmailField(
                label=_("E-mail address (optional)"),
                required=False,
                max_length=254,
                autocomplete="off",
            )
        # The error summary lists problems in page order: the meeting, the panel, the chair.
        names = list(self.fields)
        chair = [name for name in names if name.startswith("chair_")]
        rest = [name for name in names if name not in chair]
        self.order_fields([*rest, *chair])

    @property
    def body_rows(self) -> list[BodyRow]:
        return [
            BodyRow(
                agency=agency,
                include=f"body_{agency.pk}_include",
                name=f"body_{agency.pk}_name",
                role=f"body_{agency.pk}_role",
                email=f"body_{agency.pk}_email",
            )
            for agency in self.bodies
        ]

    @property
    def other_row_fields(self) -> list[OtherRow]:
        return [
            OtherRow(
                number,
                **{part: self.row_field("other", number, part) for part in OTHER_PARTS},
            )
            for number in range(1, self.other_rows + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        link = str(cleaned.get("video_link") or "").strip()
        if link:
            try:
                URLValidator(schemes=["https", "http"])(link)
            except ValidationError:
                self.add_error(
                    "video_link", gettext("Enter the video link like https://example.org/join")
                )
        for row in self.body_rows:
            named = not is_blank(cleaned.get(row.name))
            if cleaned.get(row.include) and not named:
                self.require_in_row(
                    row.name,
                    cleaned,
                    gettext("Enter the name of the person from %(agency)s")
                    % {"agency": row.agency.name},
                )
            elif named and not cleaned.get(row.include):
                self.add_error(
                    row.include,
                    gettext("Tick %(agency)s to put them on the panel, or clear the name")
                    % {"agency": row.agency.name},
                )
        for number in self.filled_rows("other", self.other_rows):
            which = {"number": number}
            self.require_in_row(
                self.row_field("other", number, "organisation"),
                cleaned,
                gettext("Enter the name of other organisation %(number)s") % which,
            )
            self.require_in_row(
                self.row_field("other", number, "name"),
                cleaned,
                gettext("Enter the name of the person from other organisation %(number)s") % which,
            )
        return cleaned

    def _panel_with_fields(self) -> list[tuple[PanelEntry, str]]:
        """The panel in page order, each entry with the field its problems are shown on."""
        data = self.cleaned_data
        entries: list[tuple[PanelEntry, str]] = []
        for row in self.body_rows:
            if data.get(row.include):
                entries.append(
                    (
                        PanelEntry(
                            name=data[row.name],
                            agency=row.agency,
                            role=data[row.role],
                            email=data[row.email],
                        ),
                        row.name,
                    )
                )
        for number in self.filled_rows("other", self.other_rows):
            field = self.row_field("other", number, "name")
            entries.append(
                (
                    PanelEntry(
                        name=data[field],
                        organisation=data[self.row_field("other", number, "organisation")],
                        role=data[self.row_field("other", number, "role")],
                        email=data[self.row_field("other", number, "email")],
                    ),
                    field,
                )
            )
        return entries

    def plan(self) -> MeetingPlan:
        data = self.cleaned_data
        starts_at = dt.datetime.combine(data["meeting_date"], data["meeting_time"], tzinfo=LONDON)
        return MeetingPlan(
            starts_at=starts_at,
            chair=Chair(
                name=data["chair_name"],
                organisation=data["chair_organisation"],
                email=data["chair_email"],
                agency=self.agencies.get(data["chair_agency"] or ""),
                independent=bool(data["chair_independent"]),
            ),
            panel=[entry for entry, _field in self._panel_with_fields()],
            duration_minutes=data["duration_minutes"],
            victim_part_minutes=data["victim_part_minutes"],
            place=data["place"],
            video_link=data["video_link"],
        )

    def field_map(self) -> dict[str, str]:
        """Where the service's problems go: each panel member's on their row."""
        mapping = {"starts_at": "meeting_date"}
        for number, (_entry, field) in enumerate(self._panel_with_fields(), start=1):
            mapping[f"panel-{number}"] = field
        return mapping


def schedule_initial(meeting: Meeting | None, *, with_time: bool) -> tuple[dict[str, Any], int]:
    """What to fill the form with when the meeting is arranged again (the same time, place,
    chair and panel), and how many rows of other organisations it needs."""
    if meeting is None:
        return {}, 1
    initial: dict[str, Any] = {
        "duration_minutes": meeting.duration_minutes,
        "victim_part_minutes": meeting.victim_part_minutes,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "chair_name": meeting.chair_name,
        "chair_organisation": meeting.chair_organisation,
        "chair_email": meeting.chair_email,
        "chair_agency": str(meeting.chair_agency_id or ""),
        "chair_independent": meeting.chair_independent,
    }
    if with_time:
        local = meeting.starts_at.astimezone(LONDON)
        initial["meeting_date"] = local.date()
        initial["meeting_time"] = local.time()
    others = 0
    for member in meeting.panel.all():
        if member.agency_id is not None:
            prefix = f"body_{member.agency_id}"
            initial[f"{prefix}_include"] = True
            initial[f"{prefix}_name"] = member.name
            initial[f"{prefix}_role"] = member.role
            initial[f"{prefix}_email"] = member.email
        else:
            others += 1
            prefix = f"other_{others}"
            initial[f"{prefix}_organisation"] = member.organisation
            initial[f"{prefix}_name"] = member.name
            initial[f"{prefix}_role"] = member.role
            initial[f"{prefix}_email"] = member.email
    return initial, max(1, others)


# --- Recording the meeting --------------------------------------------------------------------


@dataclass(frozen=True)
class RecommendationRow:
    number: int
    agency: str
    body_name: str
    text: str


@dataclass(frozen=True)
class ActionRow:
    number: int
    description: str
    owner: str
    due_on: str
    victim_may_see: str


RECOMMENDATION = "recommendation"
ACTION = "action"


class RecordForm(RowsForm):
    # The "victim may see" box is ticked in a new row: it does not make the row filled in.
    ROW_PARTS = {
        RECOMMENDATION: ("agency", "body_name", "text"),
        ACTION: ("description", "owner", "due_on"),
    }

    held_on = _date(
        _("When was the meeting held?"), _("the date the meeting was held"), not_in_future=True
    )
    victim_attended = ChoiceField(
        label_classes=LEGEND,
        label=_("Did the victim attend the first part?"),
        choices=YES_NO,
        inline=True,
        error_messages={"required": _("Say whether the victim attended")},
    )
    attendance = MultipleChoiceField(
        label_classes=LEGEND,
        label=_("Who on the panel attended?"),
        hint=_("Tick everyone who attended. Anyone not ticked is recorded as absent."),
        required=False,
        error_messages={"invalid_choice": _("Choose from the panel members listed")},
    )
    minutes = TextareaField(
        label=_("Minutes of the meeting"),
        rows=10,
        error_messages={"required": _("Enter the minutes of the meeting")},
    )
    outcome = TextareaField(
        label=_("Outcome of the review"),
        hint=_("As the victim will be told it, in plain English."),
        rows=6,
        error_messages={"required": _("Enter the outcome of the review")},
    )
    interventions_considered = TextareaField(
        label=_("Interventions the panel considered"),
        hint=RESTRICTED_HINT,
        rows=4,
        error_messages={"required": _("Enter the interventions the panel considered")},
    )
    necessity_and_proportionality = TextareaField(
        label=_("Why they are necessary and proportionate (optional)"),
        hint=RESTRICTED_HINT,
        required=False,
        rows=4,
    )
    rights_considered = TextareaField(
        label=_("Rights considered (optional)"),
        hint=RESTRICTED_HINT,
        required=False,
        rows=4,
    )
    proportionality_decision = TextareaField(
        label=_("The panel's decision"),
        hint=RESTRICTED_HINT,
        rows=4,
        error_messages={"required": _("Enter the panel's decision on the assessment")},
    )

    def __init__(
        self,
        *args: Any,
        meeting: Meeting,
        agencies: Sequence[Agency],
        recommendation_rows: int = 1,
        action_rows: int = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.agencies = {str(agency.pk): agency for agency in agencies}
        self.recommendation_rows = max(1, min(recommendation_rows, MAX_ROWS))
        self.action_rows = max(1, min(action_rows, MAX_ROWS))
        self.members = list(meeting.panel.select_related("agency"))
        if not meeting.victim_invited:
            # Only a victim invited to the first part can have attended it.
            del self.fields["victim_attended"]
        _set_choices(
            self,
            "attendance",
            [(str(member.pk), member_label(member)) for member in self.members],
        )
        agency_choices = [(pk, agency.name) for pk, agency in self.agencies.items()]
        for number in range(1, self.recommendation_rows + 1):
            row = {
                part: self.row_field(RECOMMENDATION, number, part)
                for part in ("agency", "body_name", "text")
            }
            self.fields[row["agency"]] = SelectField(
                label=_("Addressed to one of the area's agencies"),
                required=False,
                choices=agency_choices,
                error_messages={"invalid_choice": _("Choose one of the agencies listed")},
            )
            self.fields[row["body_name"]] = CharField(
                label=_("Or to another body (its name)"), required=False, max_length=200
            )
            self.fields[row["text"]] = TextareaField(
                label=_("The recommendation"), required=False, rows=3
            )
        for number in range(1, self.action_rows + 1):
            self.fields[self.row_field(ACTION, number, "description")] = TextareaField(
                label=_("What is to be done"), required=False, rows=3
            )
            self.fields[self.row_field(ACTION, number, "owner")] = SelectField(
                label=_("Agency that owns the action"),
                required=False,
                choices=agency_choices,
                error_messages={"invalid_choice": _("Choose one of the agencies listed")},
            )
            self.fields[self.row_field(ACTION, number, "due_on")] = _date(
                _("Due date"),
                gettext("the due date of action %(number)s") % {"number": number},
                required=False,
            )
            self.fields[self.row_field(ACTION, number, "victim_may_see")] = BooleanField(
                label=_("The victim may see this action"),
                hint=_(
                    "Untick it when the action would identify the people alleged responsible "
                    "or give their personal details."
                ),
                required=False,
                initial=True,
            )

    @property
    def recommendation_row_fields(self) -> list[RecommendationRow]:
        return [
            RecommendationRow(
                number,
                **{
                    part: self.row_field(RECOMMENDATION, number, part)
                    for part in ("agency", "body_name", "text")
                },
            )
            for number in range(1, self.recommendation_rows + 1)
        ]

    @property
    def action_row_fields(self) -> list[ActionRow]:
        return [
            ActionRow(
                number,
                **{
                    part: self.row_field(ACTION, number, part)
                    for part in ("description", "owner", "due_on", "victim_may_see")
                },
            )
            for number in range(1, self.action_rows + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number in self.filled_rows(RECOMMENDATION, self.recommendation_rows):
            which = {"number": number}
            self.require_in_row(
                self.row_field(RECOMMENDATION, number, "text"),
                cleaned,
                gettext("Enter the text of recommendation %(number)s") % which,
            )
            agency = self.row_field(RECOMMENDATION, number, "agency")
            body = self.row_field(RECOMMENDATION, number, "body_name")
            if (
                is_blank(cleaned.get(agency))
                and is_blank(cleaned.get(body))
                and agency not in self.errors
            ):
                self.add_error(
                    agency,
                    gettext("Choose or name the body recommendation %(number)s is for") % which,
                )
        for number in self.filled_rows(ACTION, self.action_rows):
            which = {"number": number}
            self.require_in_row(
                self.row_field(ACTION, number, "description"),
                cleaned,
                gettext("Describe action %(number)s") % which,
            )
            self.require_in_row(
                self.row_field(ACTION, number, "owner"),
                cleaned,
                gettext("Choose the agency that owns action %(number)s") % which,
            )
            self.require_in_row(
                self.row_field(ACTION, number, "due_on"),
                cleaned,
                gettext("Enter the due date of action %(number)s") % which,
            )
        return cleaned

    def record(self) -> MeetingRecord:
        data = self.cleaned_data
        attended = set(data["attendance"])
        victim = data.get("victim_attended")
        return MeetingRecord(
            held_on=data["held_on"],
            minutes=data["minutes"],
            outcome=data["outcome"],
            assessment=Assessment(
                interventions_considered=data["interventions_considered"],
                necessity_and_proportionality=data["necessity_and_proportionality"],
                rights_considered=data["rights_considered"],
                decision=data["proportionality_decision"],
            ),
            attendance={member.pk: str(member.pk) in attended for member in self.members},
            victim_attended=None if victim is None else victim == YES,
            recommendations=[
                RecommendationEntry(
                    text=data[self.row_field(RECOMMENDATION, n, "text")],
                    agency=self.agencies.get(data[self.row_field(RECOMMENDATION, n, "agency")]),
                    body_name=data[self.row_field(RECOMMENDATION, n, "body_name")],
                )
                for n in self.filled_rows(RECOMMENDATION, self.recommendation_rows)
            ],
            actions=[
                ActionEntry(
                    description=data[self.row_field(ACTION, n, "description")],
                    owner=self.agencies.get(data[self.row_field(ACTION, n, "owner")]),
                    due_on=data[self.row_field(ACTION, n, "due_on")],
                    victim_may_see=bool(data[self.row_field(ACTION, n, "victim_may_see")]),
                )
                for n in self.filled_rows(ACTION, self.action_rows)
            ],
        )

    def field_map(self) -> dict[str, str]:
        """Where the service's problems go: each recommendation's and action's on its row."""
        mapping: dict[str, str] = {}
        for index, number in enumerate(
            self.filled_rows(RECOMMENDATION, self.recommendation_rows), start=1
        ):
            mapping[f"recommendation-{index}"] = self.row_field(RECOMMENDATION, number, "text")
        for index, number in enumerate(self.filled_rows(ACTION, self.action_rows), start=1):
            mapping[f"action-{index}"] = self.row_field(ACTION, number, "description")
        return mapping


def member_label(member: Any) -> str:
    organisation = member.organisation_name
    return f"{member.name}, {organisation}" if organisation else str(member.name)


def record_initial(meeting: Meeting, today: dt.date) -> tuple[dict[str, Any], int, int]:
    """The existing record, to correct it (or today's date for a first record), and how many
    recommendation and action rows it needs."""
    if meeting.held_on is None:
        return {"held_on": today}, 1, 1
    initial: dict[str, Any] = {
        "held_on": meeting.held_on,
        "minutes": meeting.minutes,
        "outcome": meeting.outcome,
        "interventions_considered": meeting.interventions_considered,
        "necessity_and_proportionality": meeting.necessity_and_proportionality,
        "rights_considered": meeting.rights_considered,
        "proportionality_decision": meeting.proportionality_decision,
        "attendance": [str(m.pk) for m in meeting.panel.all() if m.attended],
    }
    if meeting.victim_attended is not None:
        initial["victim_attended"] = YES if meeting.victim_attended else NO
    recommendations = list(meeting.recommendations.all())
    for number, recommendation in enumerate(recommendations, start=1):
        initial[f"{RECOMMENDATION}_{number}_agency"] = str(recommendation.agency_id or "")
        initial[f"{RECOMMENDATION}_{number}_body_name"] = recommendation.body_name
        initial[f"{RECOMMENDATION}_{number}_text"] = recommendation.text
    actions = list(meeting.actions.all())
    for number, action in enumerate(actions, start=1):
        initial[f"{ACTION}_{number}_description"] = action.description
        initial[f"{ACTION}_{number}_owner"] = str(action.owner_id)
        initial[f"{ACTION}_{number}_due_on"] = action.due_on
        initial[f"{ACTION}_{number}_victim_may_see"] = action.victim_may_see
    return initial, max(1, len(recommendations)), max(1, len(actions))


# --- After the meeting ------------------------------------------------------------------------


class OutcomeForm(DesignSystemForm):
    phoned_on = _date(
        _("When did you phone the victim with the outcome? (optional)"),
        _("the date you phoned the victim"),
        required=False,
        not_in_future=True,
    )


class MinutesForm(DesignSystemForm):
    """Nothing to fill in: the page confirms who the minutes go to."""


class CommentForm(DesignSystemForm):
    received_on = _date(
        _("When did the victim comment?"), _("the date the victim commented"), not_in_future=True
    )
    how = ChoiceField(
        label_classes=LEGEND,
        label=_("How did they comment?"),
        choices=ContactMethod.choices,
        inline=True,
        error_messages={"required": _("Choose how the victim commented")},
    )
    text = TextareaField(
        label=_("The victim's comments on the draft action plan"),
        rows=8,
        error_messages={"required": _("Enter the victim's comments")},
    )


class FinaliseForm(DesignSystemForm):
    note = TextareaField(
        label=_("Note (optional)"),
        hint=_("For example, how the victim's comments changed the plan"),
        required=False,
        rows=4,
    )


class ActionForm(DesignSystemForm):
    status = ChoiceField(
        label_classes=LEGEND,
        label=_("Status of the action"),
        choices=ActionStatus.choices,
        error_messages={"required": _("Choose the action's status")},
    )
    progress = TextareaField(
        label=_("Progress notes"),
        hint=_("What has been done. Say why if the action is cancelled."),
        required=False,
        rows=5,
    )
    completed_on = _date(
        _("When was it completed? (if done)"),
        _("the date the action was completed"),
        required=False,
        not_in_future=True,
    )


def action_initial(action: Action) -> dict[str, Any]:
    return {
        "status": action.status,
        "progress": action.progress,
        "completed_on": action.completed_on,
    }


class LeadAgencyForm(DesignSystemForm):
    agency = ChoiceField(
        label_classes=LEGEND,
        label=_("Which agency will lead on the case?"),
        error_messages={
            "required": _("Choose the agency that will lead on the case"),
            "invalid_choice": _("Choose one of the agencies listed"),
        },
    )
    reason = TextareaField(
        label=_("Why is the lead changing?"),
        rows=4,
        error_messages={"required": _("Give the reason for the change")},
    )

    def __init__(self, *args: Any, agencies: Sequence[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        _set_choices(self, "agency", [(pk, a.name) for pk, a in self.agencies.items()])

    def chosen(self) -> Agency:
        return self.agencies[self.cleaned_data["agency"]]
