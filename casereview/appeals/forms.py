"""The forms of the appeal pages: lodging an appeal, recording its hearing, sending its outcome.

Forms check what a form can (a real date, not in the future; a choice that was offered); the
service functions in ``casereview.appeals.services`` check the rules (the window, a reason for a
late appeal, one open appeal at a time), and their messages are put back on these forms by
``casereview.cases.views.common.take_step``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casereview.appeals.models import Outcome, ReviewerKind
from casereview.core.forms import CharField, ChoiceField, DateField, DesignSystemForm, TextareaField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


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


def initial_today() -> dict[str, date]:
    return {"on": timezone.localdate()}


class LodgeForm(DesignSystemForm):
    ground = ChoiceField(
        label=_("What is the appeal against?"),
        choices=[],
        error_messages={
            "required": _("Choose what the appeal is against"),
            "invalid_choice": _("Choose one of the grounds listed"),
        },
    )
    received_on = _date(_("When was the appeal received?"), _("the date the appeal was received"))
    what_the_victim_says = TextareaField(
        label=_("What does the victim say?"),
        hint=_("Why they think the decision or the review was wrong, in their words"),
        rows=6,
        error_messages={"required": _("Enter what the victim says in their appeal")},
    )
    late_reason = TextareaField(
        label=_("Why is the appeal accepted late? (only if it was received after the window)"),
        hint=_("For example, the victim was in hospital when the letter arrived"),
        required=False,
        rows=3,
    )
    reviewer_kind = ChoiceField(
        label=_("Who hears the appeal?"),
        choices=ReviewerKind.choices,
        error_messages={
            "required": _("Choose who hears the appeal"),
            "invalid_choice": _("Choose one of the reviewers listed"),
        },
    )
    reviewer_name = CharField(
        label=_("Reviewer's name (optional)"),
        required=False,
        max_length=200,
        autocomplete="off",
        classes="govuk-input--width-20",
    )
    reviewer_organisation = CharField(
        label=_("Reviewer's organisation (optional)"),
        required=False,
        max_length=200,
        classes="govuk-input--width-20",
    )

    def __init__(
        self, *args: Any, grounds: Sequence[tuple[str, str]], ask_late_reason: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["ground"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = list(grounds)
        if len(grounds) == 1:
            # The only ground the case allows: chosen already, but still shown and checked.
            self.initial.setdefault("ground", grounds[0][0])
        # Nothing received today or earlier can be late while every window is still open.
        if not ask_late_reason:
            del self.fields["late_reason"]


class HearForm(DesignSystemForm):
    heard_on = _date(_("When was the appeal heard?"), _("the date the appeal was heard"))
    outcome = ChoiceField(
        label=_("What was the outcome?"),
        choices=Outcome.choices,
        error_messages={
            "required": _("Choose whether the appeal is upheld"),
            "invalid_choice": _("Choose upheld or not upheld"),
        },
    )
    reasons = TextareaField(
        label=_("The reasons for the outcome"),
        hint=_("The victim is sent these reasons in the outcome letter"),
        rows=6,
        error_messages={"required": _("Give the reasons for the outcome")},
    )
    reviewer_name = CharField(
        label=_("Who heard it? (optional)"),
        required=False,
        max_length=200,
        autocomplete="off",
        classes="govuk-input--width-20",
    )


class OutcomeForm(DesignSystemForm):
    on = _date(_("When is the outcome letter sent?"), _("the date the outcome letter is sent"))
