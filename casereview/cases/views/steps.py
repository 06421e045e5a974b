"""The coordinator's step pages of a case: GET shows the step's form, POST takes the step through
its service function (``common.take_step``).

Every page answers, in this order: 404 for a case the person may not see; 403 for someone who
may see it but not act (read-only); back to the case page with the plain-English reason when
the case's status does not allow the step; otherwise the form, shown again with the GOV.UK
error summary and everything typed when the input is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import User
from casereview.cases import step_forms
from casereview.cases.models import Case
from casereview.cases.services import (
    ComplaintInput,
    case_acknowledge,
    case_add_complaint,
    case_assign_spoc,
    case_close,
    case_record_victim_contact,
    case_request_information,
    case_withdraw,
)
from casereview.cases.views.common import (
    case_url,
    open_step,
    posted_data,
    signed_in_user,
    staff_navigation,
    take_step,
)
from casereview.cases.workflow import Step
from casereview.core.forms.mixins import summary_items
from casereview.partners.services import (
    IncidentInput,
    information_response_record,
    relevant_bodies_to_ask,
)

INCIDENTS_PREFIX = "incidents"
ADD_INCIDENT = "add_incident"


def _render(
    request: HttpRequest,
    case: Case,
    template: str,
    form: forms.BaseForm,
    **context: Any,
) -> TemplateResponse:
    return TemplateResponse(
        request,
        template,
        {
            "case": case,
            "form": form,
            "case_url": case_url(case),
            "navigation": staff_navigation("cases:dashboard"),
            **context,
        },
    )


def _simple_step(
    request: HttpRequest,
    reference: str,
    step: str,
    *,
    make_form: Callable[[Case, Any], forms.Form],
    act: Callable[[Case, User, Mapping[str, Any]], object],
    success: str,
    template: str,
    field_map: Mapping[str, str] | None = None,
    context: Callable[[Case], dict[str, Any]] | None = None,
) -> HttpResponse:
    """A step page with one form: show it, or take the step with its cleaned data."""
    found = open_step(request, reference, step)
    if isinstance(found, HttpResponse):
        return found
    case = found
    form = make_form(case, posted_data(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = take_step(
            request,
            case,
            form,
            lambda: act(case, signed_in_user(request), data),
            success=success,
            field_map=field_map,
        )
        if done is not None:
            return done
    return _render(request, case, template, form, **(context(case) if context else {}))


@staff_member_required
@require_http_methods(["GET", "POST"])
def acknowledge(request: HttpRequest, reference: str) -> HttpResponse:
    return _simple_step(
        request,
        reference,
        Step.ACKNOWLEDGE,
        make_form=lambda case, data: step_forms.AcknowledgeForm(
            data, initial=step_forms.initial_today()
        ),
        act=lambda case, user, data: case_acknowledge(case, by=user, on=data["on"]),
        success=_("The application is recorded as acknowledged."),
        template="cases/steps/acknowledge.html",
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def assign_spoc(request: HttpRequest, reference: str) -> HttpResponse:
    def act(case: Case, user: User, data: Mapping[str, Any]) -> Case:
        chosen = {str(p.pk): p for p in step_forms.coordinators_of(case)}[data["spoc"]]
        return case_assign_spoc(case, by=user, spoc=chosen)

    return _simple_step(
        request,
        reference,
        Step.ASSIGN_SPOC,
        make_form=lambda case, data: step_forms.AssignSpocForm(
            data, case=case, initial={"spoc": str(case.spoc_id or "")}
        ),
        act=act,
        success=_("The single point of contact is recorded."),
        template="cases/steps/assign_spoc.html",
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def add_complaint(request: HttpRequest, reference: str) -> HttpResponse:
    def act(case: Case, user: User, data: Mapping[str, Any]) -> object:
        agency = {str(a.pk): a for a in step_forms.relevant_bodies_of(case)}[data["agency"]]
        return case_add_complaint(
            case,
            by=user,
            complaint=ComplaintInput(
                agency=agency,
                reported_on=data["reported_on"],
                behaviour_on=data["behaviour_on"],
                agency_reference=data["agency_reference"],
                incident_key=data["incident_key"],
                kind=data["kind"],
                summary=data["summary"],
            ),
        )

    return _simple_step(
        request,
        reference,
        Step.ADD_COMPLAINT,
        make_form=lambda case, data: step_forms.AddComplaintForm(data, case=case),
        act=act,
        success=_("The complaint is added to the case."),
        template="cases/steps/add_complaint.html",
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def request_information(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.REQUEST_INFORMATION)
    if isinstance(found, HttpResponse):
        return found
    case = found
    to_ask = relevant_bodies_to_ask(case)
    already_asked = [r.agency for r in case.information_requests.select_related("agency")]
    if not to_ask and request.method == "POST":
        messages.error(request, _("Every relevant body of the area has already been asked."))
        return HttpResponseRedirect(case_url(case))
    form = step_forms.RequestInformationForm(
        posted_data(request), initial=step_forms.initial_today()
    )
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["on"]
        done = take_step(
            request,
            case,
            form,
            lambda: case_request_information(case, by=signed_in_user(request), on=on),
            success=ngettext(
                "Information is requested from %(count)s relevant body.",
                "Information is requested from %(count)s relevant bodies.",
                len(to_ask),
            )
            % {"count": len(to_ask)},
        )
        if done is not None:
            return done
    return _render(
        request,
        case,
        "cases/steps/request_information.html",
        form,
        to_ask=to_ask,
        already_asked=already_asked,
    )


def _typed_values(form: forms.BaseForm, data: Mapping[str, Any]) -> dict[str, Any]:
    """What was typed into ``form``'s fields, as the widgets read it, to show again as initial
    values without validating (the "Add another incident" button is not a submission)."""
    files: MultiValueDict[str, Any] = MultiValueDict()
    return {
        name: field.widget.value_from_datadict(data, files, form.add_prefix(name))
        for name, field in form.fields.items()
    }


class IncidentRows(forms.BaseFormSet[step_forms.IncidentForm]):
    """Incident rows; ``row_initial`` refills rows when another is added, without making them
    "initial" forms (which Django would refuse to leave blank)."""

    row_initial: list[dict[str, Any]] = []

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = dict(super().get_form_kwargs(index))
        if index is not None and index < len(self.row_initial):
            kwargs["initial"] = self.row_initial[index]
        return kwargs


def _incident_formset(rows: int) -> type[IncidentRows]:
    formset = forms.formset_factory(
        step_forms.IncidentForm,
        formset=IncidentRows,
        extra=rows,
        max_num=step_forms.MAX_INCIDENTS,
        absolute_max=step_forms.MAX_INCIDENTS,
        validate_max=True,
    )
    assert issubclass(formset, IncidentRows)
    return formset


def _response_errors(form: forms.BaseForm, incidents: IncidentRows) -> list[dict[str, Any]]:
    """One error summary for the response and each incident, in page order."""
    items = summary_items(form)
    items.extend({"text": str(error)} for error in incidents.non_form_errors())
    for number, incident in enumerate(incidents.forms, start=1):
        for item in summary_items(incident):
            items.append(
                {
                    **item,
                    "text": _("Incident %(number)s: %(message)s")
                    % {"number": number, "message": item["text"]},
                }
            )
    return items


@staff_member_required
@require_http_methods(["GET", "POST"])
def record_response(request: HttpRequest, reference: str, request_id: int) -> HttpResponse:
    found = open_step(request, reference, Step.RECORD_RESPONSE)
    if isinstance(found, HttpResponse):
        return found
    case = found
    info_request = (
        case.information_requests.select_related("agency", "case").filter(pk=request_id).first()
    )
    if info_request is None:
        raise Http404("No such information request for this case")
    complaints = step_forms.unconfirmed_complaints(case)
    form_kwargs = {"complaints": complaints}

    form: forms.BaseForm
    incidents: IncidentRows
    if request.method == "POST" and ADD_INCIDENT in request.POST:
        posted = _incident_formset(0)(
            request.POST, prefix=INCIDENTS_PREFIX, form_kwargs=form_kwargs
        )
        count = min(posted.total_form_count() + 1, step_forms.MAX_INCIDENTS)
        form = step_forms.ResponseForm(
            initial=_typed_values(step_forms.ResponseForm(), request.POST)
        )
        rows_class = _incident_formset(count)
        rows_class.row_initial = [_typed_values(row, request.POST) for row in posted.forms]
        incidents = rows_class(prefix=INCIDENTS_PREFIX, form_kwargs=form_kwargs)
        return _render_response(request, case, info_request, form, incidents, errors=[])

    incidents = _incident_formset(step_forms.BLANK_INCIDENTS)(
        posted_data(request), prefix=INCIDENTS_PREFIX, form_kwargs=form_kwargs
    )
    form = step_forms.ResponseForm(posted_data(request))
    if request.method == "POST":
        form_valid = form.is_valid()
        incidents_valid = incidents.is_valid()
        if form_valid and incidents_valid:
            data = form.cleaned_data
            given = [
                IncidentInput(
                    behaviour_on=row.cleaned_data["behaviour_on"],
                    reported_on=row.cleaned_data["reported_on"],
                    agency_reference=row.cleaned_data["agency_reference"],
                    incident_key=row.cleaned_data["incident_key"],
                    kind=row.cleaned_data["kind"],
                    summary=row.cleaned_data["summary"],
                    confirms=row.confirmed_complaint(),
                )
                for row in incidents.forms
                if isinstance(row, step_forms.IncidentForm) and row.has_changed()
            ]
            done = take_step(
                request,
                case,
                form,
                lambda: information_response_record(
                    info_request,
                    by=signed_in_user(request),
                    received_on=data["received_on"],
                    incidents=given,
                    actions_taken=data["actions_taken"],
                    documents=data["documents"],
                    exemption_relied_on=data["exemption_relied_on"],
                ),
                success=_("The response from %(agency)s is recorded.")
                % {"agency": info_request.agency.name},
            )
            if done is not None:
                return done
        return _render_response(
            request, case, info_request, form, incidents, errors=_response_errors(form, incidents)
        )
    return _render_response(request, case, info_request, form, incidents, errors=[])


def _render_response(
    request: HttpRequest,
    case: Case,
    info_request: Any,
    form: forms.BaseForm,
    incidents: IncidentRows,
    *,
    errors: list[dict[str, Any]],
) -> TemplateResponse:
    return _render(
        request,
        case,
        "cases/steps/record_response.html",
        form,
        info_request=info_request,
        incidents=incidents,
        errors=errors,
        has_errors=bool(errors),
        can_add_incident=incidents.total_form_count() < step_forms.MAX_INCIDENTS,
        add_incident=ADD_INCIDENT,
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def victim_contact(request: HttpRequest, reference: str) -> HttpResponse:
    return _simple_step(
        request,
        reference,
        Step.RECORD_VICTIM_CONTACT,
        make_form=lambda case, data: step_forms.VictimContactForm(
            data, initial=step_forms.initial_today()
        ),
        act=lambda case, user, data: case_record_victim_contact(
            case, by=user, on=data["on"], note=data["note"]
        ),
        success=_("The call to the victim is recorded."),
        template="cases/steps/victim_contact.html",
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    return _simple_step(
        request,
        reference,
        Step.WITHDRAW,
        make_form=lambda case, data: step_forms.EndForm(
            data,
            initial=step_forms.initial_today(),
            reason_label=_("Why is the application withdrawn?"),
            date_label=_("When was it withdrawn?"),
        ),
        act=lambda case, user, data: case_withdraw(
            case, by=user, reason=data["reason"], on=data["on"]
        ),
        success=_("The case is withdrawn."),
        template="cases/steps/withdraw.html",
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, reference: str) -> HttpResponse:
    return _simple_step(
        request,
        reference,
        Step.CLOSE,
        make_form=lambda case, data: step_forms.EndForm(
            data,
            initial=step_forms.initial_today(),
            reason_label=_("Why is the case closed?"),
            date_label=_("When was it closed?"),
        ),
        act=lambda case, user, data: case_close(
            case, by=user, reason=data["reason"], on=data["on"]
        ),
        success=_("The case is closed."),
        template="cases/steps/close.html",
    )
