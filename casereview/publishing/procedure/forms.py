"""The policy editor's form, and the forms recording consultations and effectiveness reviews.

The policy form has one input per setting of ``LocalPolicy`` and turns what was typed into the
dict ``policy_from_dict`` reads, so the rules engine stays the one judge of what a policy may
say. Its bounds are checked here first, so that each error names the box it is about in the
reader's language; anything the engine still refuses is put on the box its dotted path names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, AreaPolicy
from casereview.core.forms import (
    BooleanField,
    ChoiceField,
    DateField,
    DesignSystemForm,
    IntegerField,
    MultipleChoiceField,
    SelectField,
    TextareaField,
)
from casereview.core.forms import (
    CharField as TextField,
)
from casereview.publishing.models import ConsulteeKind
from casereview.publishing.procedure.presenters import (
    CALENDAR_DAY_TIMESCALES,
    appeal_reviewer_label,
    exclusion_label,
    timescale_labels,
)
from casereview.publishing.procedure.services import ConsultationDetails
from casereview.rules.policy import (
    MAX_APPLICATION_WINDOW_MONTHS,
    MAX_PANEL_MINIMUM,
    MAX_REPORT_WINDOW_DAYS,
    MAX_REPORT_WINDOW_MONTHS,
    MAX_RETENTION_MONTHS,
    MAX_THRESHOLD,
    MAX_TIMESCALE_DAYS,
    MIN_RETENTION_MONTHS,
    AppealReviewerKind,
    Exclusion,
    LocalPolicy,
    PolicyError,
    policy_from_dict,
    policy_to_dict,
)
from casereview.rules.working_days import NATIONS

YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]
MONTHS, DAYS = "months", "days"
ROUTE_SENIOR_MANAGER = "senior_manager_vulnerable_victim"
ROUTE_PARTNER = "partner_initiated"
# A code is what cases and the policy check refer to a local route or condition by.
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")


def _formatted(message: str, **params: Any) -> str:
    """``gettext(message) % params`` in the language active when the text is shown."""
    return gettext(message) % {key: str(value) for key, value in params.items()}


# Error messages are made when the form is defined, so they are formatted lazily: each is
# translated into the language of the request that shows it.
formatted_lazy = lazy(_formatted, str)


def _whole_number(label: Any, minimum: int, maximum: int) -> dict[str, Any]:
    """The error messages of a number box, all naming it and its limits."""
    message = formatted_lazy(
        gettext_noop("%(label)s must be a whole number from %(min)s to %(max)s"),
        label=label,
        min=minimum,
        max=maximum,
    )
    return dict.fromkeys(("invalid", "min_value", "max_value", "required"), message)


def _number(label: Any, minimum: int, maximum: int, **kwargs: Any) -> IntegerField:
    return IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        classes="govuk-input--width-4",
        error_messages=_whole_number(label, minimum, maximum),
        **kwargs,
    )


def _yes_no(label: Any, **kwargs: Any) -> ChoiceField:
    return ChoiceField(
        label=label,
        choices=YES_NO,
        inline=True,
        error_messages={"required": _("Choose yes or no")},
        **kwargs,
    )


def _choices_of(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The choice field ``name`` of ``form``, to fill its choices when the form is made."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def _pairs_to_text(pairs: list[dict[str, str]]) -> str:
    return "\n".join(f"{pair['code']}: {pair['description']}" for pair in pairs)


def _text_to_pairs(text: str, what: str) -> list[dict[str, str]]:
    """Lines of ``code: description`` as pairs; a ValidationError naming the line otherwise."""
    pairs: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        code, sep, description = line.partition(":")
        code, description = code.strip().lower(), description.strip()
        if not sep or not description:
            raise ValidationError(
                gettext(
                    "Line %(line)s of %(what)s must be a code, a colon and a description, "
                    "such as “hate: One hate incident”"
                )
                % {"line": number, "what": what}
            )
        if not _CODE.match(code):
            raise ValidationError(
                gettext(
                    "Line %(line)s of %(what)s: the code must be up to 50 lower-case letters, "
                    "numbers, hyphens or underscores"
                )
                % {"line": number, "what": what}
            )
        if code in seen:
            raise ValidationError(
                gettext("Line %(line)s of %(what)s repeats the code “%(code)s”")
                % {"line": number, "what": what, "code": code}
            )
        seen.add(code)
        pairs.append({"code": code, "description": description})
    return pairs


class PolicyForm(DesignSystemForm):
    """Every setting of a local policy, and what changed and why."""

    threshold = _number(
        _("Threshold"),
        1,
        MAX_THRESHOLD,
        hint=_("How many qualifying complaints start a review. The law allows no more than 3."),
    )
    report_window_unit = ChoiceField(
        label=_("Complaints must be made within a number of"),
        choices=[(MONTHS, _("Calendar months")), (DAYS, _("Days"))],
        inline=True,
        hint=_("The law says one calendar month of the behaviour."),
        error_messages={"required": _("Choose months or days")},
    )
    report_window_amount = IntegerField(
        label=_("How many months or days"),
        classes="govuk-input--width-4",
        error_messages={
            "invalid": _("How many months or days must be a whole number"),
            "required": _("Enter how many months or days"),
        },
    )
    application_within_months = _number(
        _("Applications must be made within this many months of a complaint"),
        1,
        MAX_APPLICATION_WINDOW_MONTHS,
        hint=_("The law says 6 months."),
    )
    diary_sheets_count = _yes_no(_("Do diary sheets count as complaints?"))
    same_day_is_same_occasion = _yes_no(
        _("Do complaints about the same day count as one occasion?")
    )
    routes = MultipleChoiceField(
        label=_("Other routes to a review"),
        required=False,
        choices=[
            (
                ROUTE_SENIOR_MANAGER,
                _("A senior manager may start a review to safeguard a vulnerable victim"),
            ),
            (ROUTE_PARTNER, _("A partner agency may start a review on a victim's behalf")),
        ],
    )
    extra_routes = TextareaField(
        label=_("Local routes to a review"),
        required=False,
        rows=3,
        hint=_(
            "One a line: a short code, a colon, then what it is. For example “hate: One hate "
            "incident”."
        ),
    )
    exclusions = MultipleChoiceField(
        label=_("Applications the procedure signposts elsewhere"),
        required=False,
        choices=[(exclusion.value, "") for exclusion in Exclusion],
    )
    caveats = TextareaField(
        label=_("Local conditions on which complaints count"),
        required=False,
        rows=3,
        hint=_(
            "One a line, as a code, a colon, then the condition, such as “closed: The case must "
            "be closed”. The law has no such conditions: each one is shown as a finding."
        ),
    )
    appeal_reviewer_kind = ChoiceField(
        label=_("Who hears appeals"),
        choices=[(kind.value, "") for kind in AppealReviewerKind],
        error_messages={"required": _("Choose who hears appeals")},
    )
    appeal_independent_peer = _yes_no(
        _("Does someone independent from another partnership sit in on appeals?")
    )
    panel_minimum_relevant_bodies = _number(
        _("Fewest relevant bodies on a review panel"), 1, MAX_PANEL_MINIMUM
    )
    retention_months = _number(
        _("Months a closed case keeps its personal data"),
        MIN_RETENTION_MONTHS,
        MAX_RETENTION_MONTHS,
        hint=_(
            "After this many months from closure, names, contact details and free text are "
            "removed from the case; its dates, decisions and the published figures stay. 72 "
            "months is six years, the usual limit for legal claims."
        ),
    )
    notes = TextareaField(
        label=_("What changed and why"),
        rows=4,
        required=False,
        hint=_(
            "Published with the version history of the procedure. Needed to save; not to check."
        ),
    )
    # Set by the page that showed the policy check: which policy it was shown for.
    checked = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm = BooleanField(label="", required=False)

    def __init__(self, *args: Any, nation: str, findings: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nation = nation
        _choices_of(self, "exclusions").choices = [
            (exclusion.value, exclusion_label(exclusion)) for exclusion in Exclusion
        ]
        _choices_of(self, "appeal_reviewer_kind").choices = [
            (kind.value, appeal_reviewer_label(kind)) for kind in AppealReviewerKind
        ]
        for name, label in timescale_labels().items():
            unit = (
                gettext("calendar days")
                if name in CALENDAR_DAY_TIMESCALES
                else gettext("working days")
            )
            self.fields[f"timescale_{name}"] = _number(f"{label} ({unit})", 0, MAX_TIMESCALE_DAYS)
        # Keep the confirmation after every other box, and the timescales before the appeals.
        self.order_fields(
            [
                "threshold",
                "report_window_unit",
                "report_window_amount",
                "application_within_months",
                "diary_sheets_count",
                "same_day_is_same_occasion",
                "routes",
                "extra_routes",
                "exclusions",
                "caveats",
                *self.timescale_names,
                "appeal_reviewer_kind",
                "appeal_independent_peer",
                "panel_minimum_relevant_bodies",
                "retention_months",
                "notes",
                "checked",
                "confirm",
            ]
        )
        self.set_findings(findings)
        self.policy: LocalPolicy | None = None

    @property
    def timescale_names(self) -> list[str]:
        return [f"timescale_{name}" for name in timescale_labels()]

    def set_findings(self, count: int) -> None:
        """Word the confirmation for the number of findings the check shows."""
        self.fields["confirm"].label = (
            gettext("I understand this policy is stricter than the law in %(n)s ways")
            % {"n": count}
            if count != 1
            else gettext("I understand this policy is stricter than the law in 1 way")
        )
        # A bound field made earlier (by is_valid) keeps the label it was made with.
        bound: dict[str, Any] = getattr(self, "_bound_fields_cache", {})
        bound.pop("confirm", None)

    @staticmethod
    def initial_from(policy: LocalPolicy) -> dict[str, Any]:
        data = policy_to_dict(policy)
        window = data["report_within"]
        initial: dict[str, Any] = {
            "threshold": data["threshold"],
            "report_window_unit": MONTHS if "months" in window else DAYS,
            "report_window_amount": window.get("months", window.get("days")),
            "application_within_months": data["application_within_months"],
            "diary_sheets_count": YES if data["diary_sheets_count"] else NO,
            "same_day_is_same_occasion": YES if data["same_day_is_same_occasion"] else NO,
            "routes": [
                name for name in (ROUTE_SENIOR_MANAGER, ROUTE_PARTNER) if data["routes"][name]
            ],
            "extra_routes": _pairs_to_text(data["routes"]["extra"]),
            "exclusions": data["exclusions"],
            "caveats": _pairs_to_text(data["caveats"]),
            "appeal_reviewer_kind": data["appeal_reviewer"]["kind"],
            "appeal_independent_peer": YES if data["appeal_reviewer"]["independent_peer"] else NO,
            "panel_minimum_relevant_bodies": data["panel_minimum_relevant_bodies"],
            "retention_months": data["retention_months"],
        }
        for name, amount in data["timescales"].items():
            initial[f"timescale_{name}"] = amount
        return initial

    def clean_extra_routes(self) -> list[dict[str, str]]:
        return _text_to_pairs(self.cleaned_data["extra_routes"], gettext("local routes"))

    def clean_caveats(self) -> list[dict[str, str]]:
        return _text_to_pairs(self.cleaned_data["caveats"], gettext("local conditions"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        unit, amount = cleaned.get("report_window_unit"), cleaned.get("report_window_amount")
        if unit and amount is not None:
            maximum = MAX_REPORT_WINDOW_MONTHS if unit == MONTHS else MAX_REPORT_WINDOW_DAYS
            if not 1 <= amount <= maximum:
                self.add_error(
                    "report_window_amount",
                    gettext("How many months or days must be from 1 to %(max)s") % {"max": maximum},
                )
        if not self.errors:
            try:
                self.policy = policy_from_dict(self.policy_data(cleaned))
            except PolicyError as error:
                self.add_error(
                    self.field_for(error.field),
                    gettext("Check this setting: %(problem)s") % {"problem": error.message},
                )
        return cleaned

    def policy_data(self, cleaned: dict[str, Any]) -> dict[str, Any]:
        """What was typed, as the dict ``policy_from_dict`` reads."""
        return {
            "threshold": cleaned["threshold"],
            "report_within": {cleaned["report_window_unit"]: cleaned["report_window_amount"]},
            "application_within_months": cleaned["application_within_months"],
            "diary_sheets_count": cleaned["diary_sheets_count"] == YES,
            "same_day_is_same_occasion": cleaned["same_day_is_same_occasion"] == YES,
            "routes": {
                ROUTE_SENIOR_MANAGER: ROUTE_SENIOR_MANAGER in cleaned["routes"],
                ROUTE_PARTNER: ROUTE_PARTNER in cleaned["routes"],
                "extra": cleaned["extra_routes"],
            },
            "exclusions": list(cleaned["exclusions"]),
            "caveats": cleaned["caveats"],
            "timescales": {name: cleaned[f"timescale_{name}"] for name in timescale_labels()},
            "appeal_reviewer": {
                "kind": cleaned["appeal_reviewer_kind"],
                "independent_peer": cleaned["appeal_independent_peer"] == YES,
            },
            "panel_minimum_relevant_bodies": cleaned["panel_minimum_relevant_bodies"],
            "retention_months": cleaned["retention_months"],
            "nation": self.nation,
        }

    def field_for(self, path: str) -> str | None:
        """The form field a ``PolicyError``'s dotted path is about (None: the form as a whole)."""
        head = path.split("[", 1)[0]
        if head.startswith("timescales."):
            name = f"timescale_{head.removeprefix('timescales.')}"
            return name if name in self.fields else None
        mapping = {
            "threshold": "threshold",
            "report_within": "report_window_amount",
            "report_within.months": "report_window_amount",
            "report_within.days": "report_window_amount",
            "application_within_months": "application_within_months",
            "diary_sheets_count": "diary_sheets_count",
            "same_day_is_same_occasion": "same_day_is_same_occasion",
            "routes.senior_manager_vulnerable_victim": "routes",
            "routes.partner_initiated": "routes",
            "routes.extra": "extra_routes",
            "exclusions": "exclusions",
            "caveats": "caveats",
            "appeal_reviewer.kind": "appeal_reviewer_kind",
            "appeal_reviewer.independent_peer": "appeal_independent_peer",
            "panel_minimum_relevant_bodies": "panel_minimum_relevant_bodies",
            "retention_months": "retention_months",
        }
        prefix = head.split(".", 1)[0]
        return mapping.get(head) or mapping.get(prefix)


def fingerprint(policy: LocalPolicy) -> str:
    """A short, stable digest of a policy: the check page records which policy it showed, so a
    policy changed after its check is checked again before it is saved."""
    text = json.dumps(policy_to_dict(policy), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def nation_for(area_nation: str, current: LocalPolicy | None) -> str:
    """The working-day calendar of a new version: the area's own nation."""
    if area_nation in NATIONS:
        return area_nation
    return current.nation if current else "england-wales"


# --- Consultations and effectiveness reviews ------------------------------------------------


def _today() -> dt.date:
    return timezone.localdate()


class ConsultationForm(DesignSystemForm):
    """One consultation on the procedure (Schedule 4 paragraphs 1-2)."""

    consultee_kind = ChoiceField(
        label=_("Who was consulted"),
        choices=ConsulteeKind.choices,
        error_messages={"required": _("Choose who was consulted")},
    )
    agency = SelectField(
        label=_("Agency"),
        required=False,
        hint=_("Choose one of the area's agencies, or give a name below."),
    )
    consultee_name = TextField(
        label=_("Name of the person or organisation consulted"),
        required=False,
        max_length=200,
        hint=_("Needed when the agency is not in the list."),
        error_messages={"max_length": _("The name must be 200 characters or fewer")},
    )
    policy = SelectField(
        label=_("Which version of the policy"),
        error_messages={"required": _("Choose the version of the policy consulted on")},
    )
    consulted_on = DateField(
        label=_("Date consulted"),
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date consulted")),
        not_in_future=True,
    )
    response_received_on = DateField(
        label=_("Date the response was received"),
        required=False,
        hint=_("Leave blank if no response has arrived yet."),
        error_name=cast(str, _("the date the response was received")),
        not_in_future=True,
    )
    response_summary = TextareaField(label=_("Summary of the response"), required=False, rows=4)
    outcome = TextareaField(label=_("What the area did with the response"), required=False, rows=4)

    def __init__(
        self, *args: Any, agencies: list[Agency], versions: list[AreaPolicy], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        self.versions = {str(version.version): version for version in versions}
        _choices_of(self, "agency").choices = [("", gettext("Not in the list"))] + [
            (pk, agency.name) for pk, agency in self.agencies.items()
        ]
        _choices_of(self, "policy").choices = [("", "")] + [
            (number, gettext("Version %(version)s") % {"version": number})
            for number in self.versions
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            not cleaned.get("agency")
            and not (cleaned.get("consultee_name") or "").strip()
            and "consultee_name" not in self.errors
        ):
            self.add_error(
                "consultee_name",
                gettext("Choose an agency or enter the name of who was consulted"),
            )
        consulted, received = cleaned.get("consulted_on"), cleaned.get("response_received_on")
        if consulted and received and received < consulted:
            self.add_error(
                "response_received_on",
                gettext(
                    "The date the response was received must be on or after the date consulted"
                ),
            )
        if (
            cleaned.get("response_summary", "").strip()
            and not received
            and "response_received_on" not in self.errors
        ):
            self.add_error(
                "response_received_on",
                gettext("Enter the date the response was received, as it has a summary"),
            )
        return cleaned

    def chosen_agency(self) -> Agency | None:
        return self.agencies.get(self.cleaned_data.get("agency") or "")

    def chosen_policy(self) -> AreaPolicy | None:
        return self.versions.get(self.cleaned_data.get("policy") or "")

    def details(self) -> ConsultationDetails:
        data = self.cleaned_data
        return ConsultationDetails(
            consultee_kind=data["consultee_kind"],
            agency=self.chosen_agency(),
            consultee_name=data["consultee_name"],
            policy=self.chosen_policy(),
            consulted_on=data["consulted_on"],
            response_received_on=data["response_received_on"],
            response_summary=data["response_summary"],
            outcome=data["outcome"],
        )


class ReviewForm(DesignSystemForm):
    """One review of the procedure's effectiveness (Schedule 4 paragraph 4)."""

    reviewed_on = DateField(
        label=_("Date of the review"),
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date of the review")),
        not_in_future=True,
    )
    reviewed_by = TextField(
        label=_("Who carried out the review"),
        max_length=300,
        hint=_("For example, the community safety partnership board"),
        error_messages={
            "required": _("Enter who carried out the review"),
            "max_length": _("Who carried out the review must be 300 characters or fewer"),
        },
    )
    policy = SelectField(
        label=_("Which version of the policy was reviewed"),
        required=False,
    )
    findings = TextareaField(
        label=_("What the review found"),
        rows=5,
        error_messages={"required": _("Enter what the review found")},
    )
    changes = TextareaField(label=_("Changes agreed"), required=False, rows=4)
    resulting_policy = SelectField(
        label=_("Version of the policy the review led to"),
        required=False,
        hint=_("Leave as none if the review changed nothing in the policy."),
    )
    next_review_due = DateField(
        label=_("Next review due"),
        required=False,
        hint=_("For example, 27 3 2027"),
        error_name=cast(str, _("the date the next review is due")),
    )

    def __init__(self, *args: Any, versions: list[AreaPolicy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.versions = {str(version.version): version for version in versions}
        choices = [
            (number, gettext("Version %(version)s") % {"version": number})
            for number in self.versions
        ]
        _choices_of(self, "policy").choices = [("", gettext("None")), *choices]
        _choices_of(self, "resulting_policy").choices = [("", gettext("None")), *choices]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        reviewed, due = cleaned.get("reviewed_on"), cleaned.get("next_review_due")
        if reviewed and due and due <= reviewed:
            self.add_error(
                "next_review_due",
                gettext("The date the next review is due must be after the date of the review"),
            )
        return cleaned

    def chosen(self, name: str) -> AreaPolicy | None:
        return self.versions.get(self.cleaned_data.get(name) or "")
