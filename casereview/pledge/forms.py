"""The form of one checklist item: the answer, and the evidence for it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from casereview.core.forms import ChoiceField, DesignSystemForm, TextareaField
from casereview.pledge.checklist import Item
from casereview.pledge.models import AnswerChoice

EVIDENCE_MAX_LENGTH = 5000


class AnswerForm(DesignSystemForm):
    answer = ChoiceField(
        label=_("Your answer"),
        label_classes="govuk-fieldset__legend--m",
        choices=AnswerChoice.choices,
        error_messages={
            "required": _("Choose yes, partly or no"),
            "invalid_choice": _("Choose yes, partly or no"),
        },
    )
    evidence = TextareaField(
        label=_("Evidence"),
        label_classes="govuk-label--m",
        hint=_(
            "What shows this: documents, data, examples, and what you will do where the answer "
            "is not yet yes. The evidence is published with the completed self-assessment, so "
            "do not name anyone."
        ),
        required=False,
        max_length=EVIDENCE_MAX_LENGTH,
        rows=6,
        error_messages={
            "max_length": _("Evidence must be %(limit_value)d characters or fewer"),
        },
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        answer = cleaned.get("answer")
        evidence = (cleaned.get("evidence") or "").strip()
        # An answer the service cannot back with its own figures needs the area's evidence: a
        # Yes with nothing to show for it is not a self-assessment.
        needs_evidence = answer in (AnswerChoice.YES, AnswerChoice.PARTLY)
        if needs_evidence and not evidence and not self.item.evidence:
            self.add_error("evidence", _("Enter the evidence for your answer: what shows this"))
        return cleaned
