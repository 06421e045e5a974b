"""The forms of the victim's action pages, worded for the victim ("you"), not for staff.

Each form checks what a form can (something typed, a choice made, a length that fits) with
messages that say what to do; the rules of the review (a file's type and size, the windows,
one open appeal at a time) stay in the services, whose messages the views put back on these
forms.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from casereview.core.forms import CharField, ChoiceField, DesignSystemForm, TextareaField
from casereview.public.victim.selectors import VoiceNow
from casereview.reviews.forms import FileField
from casereview.reviews.models import MAX_UPLOAD_BYTES, UPLOAD_TYPES, HeardHow, VoiceChoice
from casereview.reviews.services import Upload, Voice

# Generous bounds: enough for anything a person would write, small enough that a crafted
# request cannot fill the database.
LONG_TEXT = 20_000
SHORT_TEXT = 200
ACCEPTED_UPLOADS = ",".join(sorted(UPLOAD_TYPES))
# How everything done on these pages reached the council.
ONLINE = HeardHow.ONLINE.value

# The victim's own words for the choices staff record as ``VoiceChoice``.
INVOLVEMENT_CHOICES = [
    (VoiceChoice.ATTEND_IN_PERSON.value, _("Go to the first part of the meeting in person")),
    (VoiceChoice.ATTEND_BY_VIDEO.value, _("Join the first part of the meeting by video call")),
    (VoiceChoice.IMPACT_STATEMENT.value, _("Give a victim impact statement")),
    (VoiceChoice.ADVOCATE.value, _("Have someone speak for me, such as an advocate")),
    (VoiceChoice.NONE.value, _("I do not want to be involved in the meeting")),
]


def _text(label: Any, *, required_message: Any = None, rows: int = 8, **kwargs: Any) -> Any:
    return TextareaField(
        label=label,
        rows=rows,
        required=required_message is not None,
        max_length=LONG_TEXT,
        error_messages={
            "required": required_message or "",
            "max_length": _("Keep it to %(limit_value)s characters or fewer"),
        },
        **kwargs,
    )


def _short(label: Any, **kwargs: Any) -> CharField:
    return CharField(
        label=label,
        required=False,
        max_length=SHORT_TEXT,
        error_messages={"max_length": _("Keep it to %(limit_value)s characters or fewer")},
        **kwargs,
    )


class InvolvementForm(DesignSystemForm):
    choice = ChoiceField(
        label=_("How do you want to be involved in the review meeting?"),
        hint=_(
            "The panel meets without you for most of the meeting. You can be there for the "
            "first part, when the panel hears from you."
        ),
        choices=INVOLVEMENT_CHOICES,
        error_messages={
            "required": _("Choose how you want to be involved in the review meeting"),
            "invalid_choice": _("Choose how you want to be involved in the review meeting"),
        },
    )
    advocate_name = _short(_("Their name"), autocomplete="off", spellcheck=False)
    advocate_organisation = _short(
        _("Their organisation (if they have one)"), hint=_("For example, Victim Support")
    )
    advocate_contact = _short(
        _("Their phone number or e-mail address (optional)"), spellcheck=False
    )
    support_needs = _text(
        _("Do you need any help to take part? (optional)"),
        rows=4,
        hint=_(
            "For example, step-free access, an interpreter, a hearing loop, or someone to come "
            "with you."
        ),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("choice") == VoiceChoice.ADVOCATE
            and not str(cleaned.get("advocate_name", "")).strip()
            and not str(cleaned.get("advocate_organisation", "")).strip()
            and "advocate_name" not in self.errors
        ):
            self.add_error(
                "advocate_name",
                _("Enter the name of the person who will speak for you, or their organisation"),
            )
        return cleaned

    def needs_statement(self, now: VoiceNow | None) -> bool:
        """A statement was chosen but none has been given yet: the statement page comes next."""
        return self.cleaned_data["choice"] == VoiceChoice.IMPACT_STATEMENT and not (
            now is not None and now.has_statement
        )

    def voice(self, now: VoiceNow | None, today: date) -> Voice:
        """The victim's choice made online today; what staff recorded (the statement already
        given, the support they offered) is kept."""
        data = self.cleaned_data
        return Voice(
            choice=data["choice"],
            contacted_on=today,
            contacted_how=ONLINE,
            statement=now.statement if now is not None else "",
            advocate_name=data["advocate_name"],
            advocate_organisation=data["advocate_organisation"],
            advocate_contact=data["advocate_contact"],
            support_offered=now.support_offered if now is not None else "",
            support_needs=data["support_needs"],
        )


def involvement_initial(now: VoiceNow | None) -> dict[str, str]:
    if now is None:
        return {}
    return {
        "choice": now.choice,
        "advocate_name": now.advocate_name,
        "advocate_organisation": now.advocate_organisation,
        "advocate_contact": now.advocate_contact,
        "support_needs": now.support_needs,
    }


def choice_label(choice: str) -> str:
    """The victim's own words for a choice."""
    return str(dict(INVOLVEMENT_CHOICES).get(choice, ""))


class StatementForm(DesignSystemForm):
    statement = _text(
        _("Type your statement"),
        rows=12,
        hint=_(
            "You could say what has happened, how it has affected you and the people you live "
            "with, and what you would like to change."
        ),
    )
    upload = FileField(
        label=_("Or upload your statement as a file"),
        hint=_(
            "A PDF, Word, OpenDocument, text, RTF, JPEG or PNG file, smaller than 10 MB. If the "
            "page shows an error, choose the file again."
        ),
        required=False,
        allow_empty_file=True,
        error_messages={"invalid": _("Choose a file to upload")},
    )

    def __init__(self, *args: Any, keeps_file: bool = False, **kwargs: Any) -> None:
        # A file given before counts as the statement when nothing new is typed or chosen.
        self.keeps_file = keeps_file
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        typed = str(cleaned.get("statement") or "").strip()
        if (
            not typed
            and not isinstance(cleaned.get("upload"), UploadedFile)
            and not self.keeps_file
            and not self.errors
        ):
            self.add_error("statement", _("Type your statement, or choose a file to upload"))
        return cleaned

    def upload_given(self) -> Upload | None:
        file = self.cleaned_data.get("upload")
        if not isinstance(file, UploadedFile):
            return None
        # One byte more than allowed is enough for the service to say the file is too big,
        # without reading a huge file into memory.
        return Upload(
            name=file.name or "statement",
            content_type=file.content_type or "application/octet-stream",
            data=file.read(MAX_UPLOAD_BYTES + 1),
        )

    def voice(
        self, now: VoiceNow | None, today: date, *, chose_statement: bool, support_needs: str | None
    ) -> Voice:
        """The statement given online today. Someone who will also attend, or have an advocate
        speak, keeps that choice and adds the statement; anyone else now chooses the statement
        (``chose_statement``: they have just picked it on the involvement page)."""
        keeps_choice = (
            now is not None
            and not chose_statement
            and now.choice not in (VoiceChoice.NONE, VoiceChoice.IMPACT_STATEMENT)
        )
        return Voice(
            choice=now.choice if keeps_choice and now is not None else VoiceChoice.IMPACT_STATEMENT,
            contacted_on=today,
            contacted_how=ONLINE,
            statement=self.cleaned_data["statement"],
            upload=self.upload_given(),
            advocate_name=now.advocate_name if now is not None else "",
            advocate_organisation=now.advocate_organisation if now is not None else "",
            advocate_contact=now.advocate_contact if now is not None else "",
            support_offered=now.support_offered if now is not None else "",
            support_needs=support_needs,
        )


class CommentForm(DesignSystemForm):
    text = _text(
        _("Your comments on the draft action plan"),
        required_message=_("Enter your comments on the draft action plan"),
        hint=_(
            "For example, whether you think the actions will stop the behaviour, and anything "
            "you think is missing."
        ),
    )


class AppealForm(DesignSystemForm):
    """Asking for a review of a "not met" decision, or appealing how the review was carried out:
    the case allows one of them at a time, so the page says which and does not ask."""

    what_the_victim_says = _text(
        _("Why do you want it reviewed?"),
        required_message=_("Tell us why you want it reviewed"),
        hint=_("Say what you think was wrong, and anything the council did not take into account."),
    )
    late_reason = _text(
        _("Why are you asking after the deadline?"),
        rows=4,
        hint=_("For example, you were unwell or did not receive the letter."),
    )

    def __init__(self, *args: Any, late: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.late = late
        if not late:
            del self.fields["late_reason"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            self.late
            and not str(cleaned.get("late_reason") or "").strip()
            and "late_reason" not in self.errors
        ):
            self.add_error("late_reason", _("Tell us why you are asking after the deadline"))
        return cleaned


class WithdrawForm(DesignSystemForm):
    reason = _text(
        _("Why do you want to withdraw your application?"),
        required_message=_("Tell us why you want to withdraw your application"),
        rows=4,
        hint=_(
            "For example, the behaviour has stopped. The council will include this in its letter."
        ),
    )
