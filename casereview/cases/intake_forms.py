"""Forms of the intake steps: recording an application (with its screening), declining a repeat
application, and deciding the threshold.

The forms check what a form can (that dates are real, that a complaint row is complete, that an
e-mail address looks like one) and turn what was typed into the service functions' inputs. The
rules of the process (consent, repeat applications, agreeing with the rules engine) stay in
``casereview.cases.services``; the views show its refusals on these forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casereview.accounts.models import User
from casereview.accounts.scoping import coordinators_of
from casereview.areas.models import Agency, Area
from casereview.areas.selectors import relevant_bodies
from casereview.cases.models import (
    Case,
    Channel,
    ComplaintKind,
    ContactMethod,
    DecisionRoute,
    Language,
    NotSuitableReason,
    Relationship,
    VictimKind,
)
from casereview.cases.services import (
    Applicant,
    ComplaintInput,
    Factors,
    SeniorManagerDecision,
    Victim,
)
from casereview.core.forms import (
    CharField,
    ChoiceField,
    DateField,
    DesignSystemForm,
    EmailField,
    MultipleChoiceField,
    SelectField,
    TextareaField,
)
from casereview.core.forms.rows import MAX_ROWS, is_blank, rows_in
from casereview.rules import Exclusion, LocalPolicy

# Questions in a fieldset (radios, checkboxes, dates) have small bold legends on these long
# pages, in step with the labels of the inputs around them.
LEGEND = "govuk-fieldset__legend--s"

YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]

# Radios never offer an empty value (an empty radio reads as "nothing chosen"), so "No, it is
# suitable" has a value of its own.
SUITABLE = "suitable"

# How many complaint rows the page may grow to: enough for any real application, and a bound on
# what a crafted request can make the server build.
MAX_COMPLAINT_ROWS = MAX_ROWS
COMPLAINT_PARTS = ("agency", "behaviour_on", "reported_on", "agency_reference", "incident_key")

# Where an application the local policy does not review is usually sent. Staff can edit the text
# before it goes to the applicant.
DEFAULT_SIGNPOSTING: Mapping[str, Promise] = {
    NotSuitableReason.ANONYMOUS_APPLICANT: _(
        "A Case Review needs to know who the victim is, so that the agencies can look at what "
        "happened to them. You can report anti-social behaviour or crime anonymously to "
        "Crimestoppers on 0800 555 111 or at crimestoppers-uk.org."
    ),
    NotSuitableReason.CPS_DECISION: _(
        "A Case Review cannot look again at a decision of the Crown Prosecution Service. You can "
        "ask the CPS to review its decision under the Victims' Right to Review scheme: see "
        "cps.gov.uk or ask the police officer in the case."
    ),
    NotSuitableReason.COURT_DECISION: _(
        "A Case Review cannot change a decision made by a court. You may wish to get independent "
        "legal advice, for example from Citizens Advice or a solicitor, about what you can do."
    ),
    NotSuitableReason.SERVICE_COMPLAINT_ONLY: _(
        "Your concerns are about the service an agency gave you, which that agency's complaints "
        "procedure deals with. Contact the agency and ask for its complaints procedure; we can "
        "tell you how to reach it."
    ),
    NotSuitableReason.OFFICER_CONDUCT: _(
        "A complaint about the conduct of a police officer goes to the force's professional "
        "standards department. You can also contact the Independent Office for Police Conduct "
        "(IOPC) at policeconduct.gov.uk."
    ),
}


def default_signposting(reason: str) -> str:
    text = DEFAULT_SIGNPOSTING.get(reason)
    return str(text) if text is not None else ""


def relevant_bodies_of(area: Area) -> list[Agency]:
    """The agencies a complaint counted towards the threshold can have been made to, by name."""
    return sorted(relevant_bodies(area), key=lambda agency: agency.name)


def complaint_rows_in(data: Mapping[str, Any], default: int = 1) -> int:
    """How many complaint rows the submitted page had (a hidden field), within bounds."""
    return rows_in(data, "complaint_rows", default)


@dataclass(frozen=True)
class ComplaintRow:
    """The names of one row's fields, for the template."""

    number: int
    agency: str
    behaviour_on: str
    reported_on: str
    agency_reference: str
    incident_key: str
    kind: str


def _set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _row_field(number: int, part: str) -> str:
    return f"complaint_{number}_{part}"


class AreaChoiceForm(DesignSystemForm):
    """For someone who coordinates several areas: which area the application is for."""

    area = SelectField(
        label=_("Which area is the application for?"),
        error_messages={
            "required": _("Choose the area the application is for"),
            "invalid_choice": _("Choose one of your areas"),
        },
    )

    def __init__(self, *args: Any, areas: Sequence[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "area", [(area.gss_code, area.name) for area in areas])


class ReceiveForm(DesignSystemForm):
    """One application as a coordinator records it, from any channel."""

    channel = ChoiceField(
        label_classes=LEGEND,
        label=_("How did the application arrive?"),
        choices=Channel.choices,
        error_messages={"required": _("Choose how the application arrived")},
    )
    received_on = DateField(
        label_classes=LEGEND,
        label=_("When did the council receive it?"),
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date the application was received")),
        not_in_future=True,
    )

    victim_kind = ChoiceField(
        label_classes=LEGEND,
        label=_("Who is the victim?"),
        choices=VictimKind.choices,
        error_messages={"required": _("Choose who the victim is")},
    )
    victim_name = CharField(
        label=_("Victim's name"),
        required=False,
        max_length=200,
        hint=_("The person, business or group. Leave blank only for an anonymous applicant."),
        spellcheck=False,
    )
    victim_address = TextareaField(label=_("Victim's address"), required=False, rows=3)
    victim_postcode = CharField(
        label=_("Victim's postcode"),
        required=False,
        max_length=10,
        classes="govuk-input--width-10",
        autocomplete="off",
        spellcheck=False,
    )
    victim_email = EmailField(
        label=_("Victim's e-mail address"),
        required=False,
        max_length=254,
        autocomplete="off",
        error_messages={"invalid": _("Enter the victim's e-mail address like name@example.com")},
    )
    victim_phone = CharField(
        label=_("Victim's phone number"),
        required=False,
        max_length=40,
        input_type="tel",
        classes="govuk-input--width-20",
    )
    preferred_contact = ChoiceField(
        label_classes=LEGEND,
        label=_("How does the victim prefer to be contacted?"),
        choices=ContactMethod.choices,
        inline=True,
        error_messages={"required": _("Choose how the victim prefers to be contacted")},
    )
    language = ChoiceField(
        label_classes=LEGEND,
        label=_("Which language should letters to the victim be in?"),
        choices=Language.choices,
        inline=True,
        initial=Language.ENGLISH,
        error_messages={"required": _("Choose the language of letters to the victim")},
    )
    vulnerability_notes = TextareaField(
        label=_("Vulnerability (optional)"),
        required=False,
        rows=3,
        hint=_("Anything that makes the victim vulnerable, which the agencies should know."),
    )
    support_needs = TextareaField(
        label=_("Support needs (optional)"),
        required=False,
        rows=3,
        hint=_("For example an interpreter, large print, or an advocate."),
    )

    on_behalf = ChoiceField(
        label_classes=LEGEND,
        label=_("Is someone applying on the victim's behalf?"),
        choices=YES_NO,
        inline=True,
        error_messages={
            "required": _("Say whether someone is applying on the victim's behalf"),
        },
    )
    applicant_name = CharField(
        label=_("Applicant's name"), required=False, max_length=200, spellcheck=False
    )
    applicant_relationship = ChoiceField(
        label_classes=LEGEND,
        label=_("The applicant's relationship to the victim"),
        choices=Relationship.choices,
        required=False,
    )
    applicant_email = EmailField(
        label=_("Applicant's e-mail address"),
        required=False,
        max_length=254,
        autocomplete="off",
        error_messages={"invalid": _("Enter the applicant's e-mail address like name@example.com")},
    )
    applicant_phone = CharField(
        label=_("Applicant's phone number"),
        required=False,
        max_length=40,
        input_type="tel",
        classes="govuk-input--width-20",
    )
    applicant_address = TextareaField(label=_("Applicant's address"), required=False, rows=3)
    consent_given_how = CharField(
        label=_("How did the victim give their consent?"),
        required=False,
        max_length=200,
        hint=_(
            "For example, a signed consent form or a phone call with the victim. Not needed "
            "when a partner agency or a senior manager applies."
        ),
    )
    consent_given_on = DateField(
        label_classes=LEGEND,
        label=_("When did the victim give their consent?"),
        required=False,
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date the victim gave consent")),
        not_in_future=True,
    )

    asb_description = TextareaField(
        label=_("Describe the anti-social behaviour"),
        rows=6,
        error_messages={"required": _("Describe the anti-social behaviour")},
    )
    location = TextareaField(label=_("Where does it happen? (optional)"), required=False, rows=2)
    alleged_responsible = TextareaField(
        label=_("People alleged to be responsible (optional)"),
        required=False,
        rows=3,
        hint=_(
            "Restricted: shown to staff and partner agencies only, never in anything the victim "
            "or the applicant sees."
        ),
    )
    spoc = SelectField(
        label=_("Single point of contact (optional)"),
        required=False,
        hint=_("A coordinator of the area, who keeps the victim informed."),
    )

    # Carries the service's problems with the complaints as a whole, shown above the rows.
    complaints = forms.CharField(required=False, widget=forms.HiddenInput)

    not_suitable_reason = ChoiceField(
        label_classes=LEGEND,
        label=_(
            "Is the application one that the local policy says is not suitable for a Case Review?"
        ),
        error_messages={
            "required": _("Say whether the application is one the local policy does not review")
        },
    )
    signposting = TextareaField(
        label=_("Where is the applicant signposted instead?"),
        required=False,
        rows=5,
        hint=_(
            "Only when the application is not suitable. Leave it blank to start from the usual "
            "text for the reason, which you can then check and change."
        ),
    )

    material_change = TextareaField(
        label=_("What has materially changed since the earlier decision?"),
        required=False,
        rows=4,
        hint=_("A new application after a decision needs a material change in circumstances."),
    )
    different_victim_from = MultipleChoiceField(
        label_classes=LEGEND,
        label=_("Earlier cases that are about a different person"),
        required=False,
        hint=_("Tick a case only if you have checked it is someone else with the same details."),
    )

    def __init__(
        self,
        *args: Any,
        area: Area,
        policy: LocalPolicy | None,
        rows: int = 1,
        earlier: Sequence[Case] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.area = area
        self.earlier = list(earlier)
        self.rows = max(1, min(rows, MAX_COMPLAINT_ROWS))
        self.agencies = {str(agency.pk): agency for agency in relevant_bodies_of(area)}
        self.coordinators = {str(user.pk): user for user in coordinators_of(area)}

        _set_choices(
            self,
            "spoc",
            [(pk, user.full_name or user.email) for pk, user in self.coordinators.items()],
        )
        # Only the exclusions this area's policy lists, in the order the law names them.
        listed = policy.exclusions if policy is not None else ()
        self.exclusions = [
            NotSuitableReason(reason.value) for reason in Exclusion if reason in listed
        ]
        _set_choices(
            self,
            "not_suitable_reason",
            [
                *((reason.value, reason.label) for reason in self.exclusions),
                (SUITABLE, _("No, it can be considered for a Case Review")),
            ],
        )
        _set_choices(
            self,
            "different_victim_from",
            [
                (
                    case.reference,
                    gettext("%(reference)s is about a different person")
                    % {"reference": case.reference},
                )
                for case in self.earlier
            ],
        )
        self._add_complaint_rows()

    def _add_complaint_rows(self) -> None:
        agency_choices = [(pk, agency.name) for pk, agency in self.agencies.items()]
        for number in range(1, self.rows + 1):
            which = {"number": number}
            self.fields[_row_field(number, "agency")] = SelectField(
                label=_("Agency it was made to"),
                required=False,
                choices=agency_choices,
                error_messages={
                    "invalid_choice": gettext(
                        "Complaint %(number)s: choose one of the area's relevant bodies"
                    )
                    % which
                },
            )
            self.fields[_row_field(number, "behaviour_on")] = DateField(
                label_classes=LEGEND,
                label=_("When did the behaviour happen?"),
                required=False,
                error_name=gettext("the date of the behaviour in complaint %(number)s") % which,
                not_in_future=True,
            )
            self.fields[_row_field(number, "reported_on")] = DateField(
                label_classes=LEGEND,
                label=_("When was it reported?"),
                required=False,
                error_name=gettext("the date complaint %(number)s was reported") % which,
                not_in_future=True,
            )
            self.fields[_row_field(number, "agency_reference")] = CharField(
                label=_("Agency's reference (optional)"),
                required=False,
                max_length=100,
                classes="govuk-input--width-20",
                spellcheck=False,
            )
            self.fields[_row_field(number, "incident_key")] = CharField(
                label=_("Incident (optional)"),
                required=False,
                max_length=100,
                classes="govuk-input--width-20",
                hint=_(
                    "Give complaints about one incident the same word or number: one incident "
                    "reported to several agencies counts once."
                ),
                spellcheck=False,
            )
            self.fields[_row_field(number, "kind")] = ChoiceField(
                label_classes=LEGEND,
                label=_("What was it?"),
                required=False,
                choices=ComplaintKind.choices,
                initial=ComplaintKind.COMPLAINT,
                inline=True,
            )
        # The rows sit between the behaviour and the screening on the page, and the error
        # summary lists problems in page order.
        names = list(self.fields)
        rows = [name for name in names if name.startswith("complaint_")]
        before = names[: names.index("spoc") + 1]
        self.order_fields([*before, "complaints", *rows])

    @property
    def complaint_rows(self) -> list[ComplaintRow]:
        return [
            ComplaintRow(
                number=number,
                **{part: _row_field(number, part) for part in (*COMPLAINT_PARTS, "kind")},
            )
            for number in range(1, self.rows + 1)
        ]

    @property
    def exclusions_offered(self) -> list[tuple[str, str]]:
        """The reasons the area's policy lists, with their usual signposting (for the page)."""
        return [(str(reason.label), default_signposting(reason)) for reason in self.exclusions]

    def _row_is_blank(self, number: int) -> bool:
        return all(is_blank(self[_row_field(number, part)].value()) for part in COMPLAINT_PARTS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number in range(1, self.rows + 1):
            if self._row_is_blank(number):
                continue
            self._check_row(number, cleaned)
        reason = cleaned.get("not_suitable_reason")
        if reason and reason != SUITABLE and not cleaned.get("signposting", "").strip():
            # Start from the usual text for the reason; staff check it before it is sent.
            data = cast(Any, self.data).copy()
            data["signposting"] = default_signposting(reason)
            self.data = data
            self.add_error(
                "signposting",
                gettext(
                    "Check where the applicant is signposted instead: the usual text for the "
                    "reason is filled in, change it if you need to"
                ),
            )
        return cleaned

    def _check_row(self, number: int, cleaned: Mapping[str, Any]) -> None:
        which = {"number": number}
        agency = _row_field(number, "agency")
        behaviour = _row_field(number, "behaviour_on")
        reported = _row_field(number, "reported_on")
        if not cleaned.get(agency) and agency not in self.errors:
            self.add_error(
                agency, gettext("Complaint %(number)s: choose the agency it was made to") % which
            )
        if cleaned.get(behaviour) is None and behaviour not in self.errors:
            self.add_error(
                behaviour,
                gettext("Enter the date of the behaviour in complaint %(number)s") % which,
            )
        if cleaned.get(reported) is None and reported not in self.errors:
            self.add_error(
                reported, gettext("Enter the date complaint %(number)s was reported") % which
            )
        first, then = cleaned.get(behaviour), cleaned.get(reported)
        if first is not None and then is not None and then < first:
            self.add_error(
                reported,
                gettext(
                    "The date complaint %(number)s was reported must be the same as or after "
                    "the date of the behaviour"
                )
                % which,
            )

    # What the service functions take, from a valid form.

    def victim(self) -> Victim:
        data = self.cleaned_data
        return Victim(
            name=data["victim_name"],
            kind=data["victim_kind"],
            address=data["victim_address"],
            postcode=data["victim_postcode"],
            email=data["victim_email"],
            phone=data["victim_phone"],
            preferred_contact=data["preferred_contact"],
            language=data["language"],
            vulnerability_notes=data["vulnerability_notes"],
            support_needs=data["support_needs"],
        )

    def applicant(self) -> Applicant | None:
        data = self.cleaned_data
        if data["on_behalf"] != YES:
            return None
        return Applicant(
            name=data["applicant_name"],
            relationship=data["applicant_relationship"],
            email=data["applicant_email"],
            phone=data["applicant_phone"],
            address=data["applicant_address"],
            consent_given_how=data["consent_given_how"],
            consent_given_on=data["consent_given_on"],
        )

    def complaint_inputs(self) -> list[ComplaintInput]:
        data = self.cleaned_data
        found = []
        for number in range(1, self.rows + 1):
            if self._row_is_blank(number):
                continue
            found.append(
                ComplaintInput(
                    agency=self.agencies[data[_row_field(number, "agency")]],
                    behaviour_on=data[_row_field(number, "behaviour_on")],
                    reported_on=data[_row_field(number, "reported_on")],
                    agency_reference=data[_row_field(number, "agency_reference")],
                    incident_key=data[_row_field(number, "incident_key")],
                    kind=data[_row_field(number, "kind")] or ComplaintKind.COMPLAINT,
                )
            )
        return found

    def spoc_user(self) -> User | None:
        return self.coordinators.get(self.cleaned_data["spoc"] or "")

    def screening_reason(self) -> str:
        reason = self.cleaned_data["not_suitable_reason"]
        return "" if reason == SUITABLE else str(reason)

    def different_victims(self) -> list[Case]:
        ticked = set(self.cleaned_data["different_victim_from"])
        return [case for case in self.earlier if case.reference in ticked]


# Field names of the service functions' errors that differ from the form's.
RECEIVE_FIELD_MAP = {"repeat_of": "different_victim_from"}


class DeclineRepeatForm(DesignSystemForm):
    reasons = TextareaField(
        label=_("Why is the application declined?"),
        rows=6,
        hint=_("The applicant is told these reasons, so write them in plain English."),
        error_messages={"required": _("Give the reasons for declining the application")},
    )


LOCAL_ROUTE_PREFIX = "local:"


class DecideForm(DesignSystemForm):
    """The threshold decision, with only the routes the case's policy provides."""

    decided_on = DateField(
        label_classes=LEGEND,
        label=_("Date of the decision"),
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date of the decision")),
        not_in_future=True,
    )
    route = ChoiceField(
        label_classes=LEGEND,
        label=_("How was the decision reached?"),
        error_messages={"required": _("Choose how the decision was reached")},
    )
    met = ChoiceField(
        label_classes=LEGEND,
        label=_("Is the threshold for a Case Review met?"),
        choices=[
            (YES, _("Yes: a Case Review will be carried out")),
            (NO, _("No: the threshold is not met")),
        ],
        error_messages={"required": _("Say whether the threshold is met")},
    )
    persistence = TextareaField(
        label=_("Persistence of the behaviour (optional)"),
        required=False,
        rows=3,
        hint=_("How long and how often it has gone on."),
    )
    harm = TextareaField(
        label=_("Harm caused, or the potential for harm (optional)"),
        required=False,
        rows=3,
    )
    adequacy_of_response = TextareaField(
        label=_("Adequacy of the agencies' response (optional)"),
        required=False,
        rows=3,
    )
    reasons = TextareaField(
        label=_("Reasons for the decision"),
        rows=6,
        hint=_("In plain English: the victim is told these reasons."),
        error_messages={"required": _("Give the reasons for the decision")},
    )
    senior_manager_name = CharField(
        label=_("Senior manager's name"), required=False, max_length=200, spellcheck=False
    )
    senior_manager_decided_on = DateField(
        label_classes=LEGEND,
        label=_("When did the senior manager decide?"),
        required=False,
        hint=_("For example, 27 3 2026"),
        error_name=cast(str, _("the date of the senior manager's decision")),
        not_in_future=True,
    )
    senior_manager_reasons = TextareaField(
        label=_("The senior manager's reasons"), required=False, rows=4
    )

    SENIOR_MANAGER_FIELDS = (
        "senior_manager_name",
        "senior_manager_decided_on",
        "senior_manager_reasons",
    )

    def __init__(self, *args: Any, policy: LocalPolicy, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"decided_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        routes: list[tuple[str, str]] = [
            (DecisionRoute.THRESHOLD.value, str(DecisionRoute.THRESHOLD.label))
        ]
        if policy.routes.senior_manager_vulnerable_victim:
            routes.append(
                (
                    DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM.value,
                    str(DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM.label),
                )
            )
        else:
            for name in self.SENIOR_MANAGER_FIELDS:
                del self.fields[name]
        if policy.routes.partner_initiated:
            routes.append(
                (DecisionRoute.PARTNER_INITIATED.value, str(DecisionRoute.PARTNER_INITIATED.label))
            )
        routes += [
            (LOCAL_ROUTE_PREFIX + extra.code, extra.description) for extra in policy.routes.extra
        ]
        _set_choices(self, "route", routes)

    @property
    def offers_senior_manager(self) -> bool:
        return "senior_manager_name" in self.fields

    def route_and_code(self) -> tuple[str, str]:
        """The service's route and, for a local route, its code."""
        route = self.cleaned_data["route"]
        if route.startswith(LOCAL_ROUTE_PREFIX):
            return DecisionRoute.LOCAL_EXTRA_ROUTE.value, route[len(LOCAL_ROUTE_PREFIX) :]
        return route, ""

    def decision(self) -> dict[str, Any]:
        """The keyword arguments of ``services.case_decide_threshold`` (besides case and by)."""
        data = self.cleaned_data
        route, code = self.route_and_code()
        senior_manager = None
        if route == DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM:
            senior_manager = SeniorManagerDecision(
                name=data.get("senior_manager_name", ""),
                decided_on=data.get("senior_manager_decided_on"),
                reasons=data.get("senior_manager_reasons", ""),
            )
        decided_on: dt.date = data["decided_on"]
        return {
            "on": decided_on,
            "route": route,
            "local_route_code": code,
            "met": data["met"] == YES,
            "reasons": data["reasons"],
            "factors": Factors(
                persistence=data["persistence"],
                harm=data["harm"],
                adequacy_of_response=data["adequacy_of_response"],
            ),
            "senior_manager": senior_manager,
        }


# The service's names for the decision's problems, where they differ from the form's.
DECIDE_FIELD_MAP = {
    "on": "decided_on",
    "local_route_code": "route",
    "senior_manager": "senior_manager_name",
}
