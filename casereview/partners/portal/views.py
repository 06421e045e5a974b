"""The agency portal: what an agency representative sees and does.

Every page reads through ``portal.selectors``, which keep only what the person's own agencies
are part of; another agency's request, seat or file is a 404, never a 403, so its existence is
not revealed. The object is looked up before the method is checked, so that a 405 never
confirms that someone else's object exists. Someone signed in who represents no agency is told
the portal is not for them.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from casereview.accounts.access import staff_member_required
from casereview.audit.log import record_view
from casereview.cases.step_forms import unconfirmed_complaints
from casereview.cases.views.common import add_service_errors, signed_in_user
from casereview.cases.workflow import IllegalStep, Step, is_allowed
from casereview.core.forms.mixins import summary_items
from casereview.partners.models import InformationRequest
from casereview.partners.portal import forms as portal_forms
from casereview.partners.portal import selectors
from casereview.partners.portal.presenters import group_by_agency, invitation_status, status_of
from casereview.partners.portal.services import panel_respond, why_closed
from casereview.partners.services import information_response_record
from casereview.reviews.models import PanelMember

SAFE = ("GET", "HEAD")
FORM_METHODS = ("GET", "HEAD", "POST")


def _not_a_representative(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "partners/portal/not_a_representative.html", status=403)


def portal_url() -> str:
    return reverse("partners:portal")


def request_url(info: InformationRequest) -> str:
    return reverse("partners:request", kwargs={"request_id": info.pk})


@staff_member_required
@require_safe
def portal(request: HttpRequest) -> HttpResponse:
    """Your agency: its information requests, panel seats and actions, by agency."""
    if not selectors.represents_any_agency(request.user):
        return _not_a_representative(request)
    today = timezone.localdate()
    groups = group_by_agency(
        selectors.represented_agencies(request.user),
        list(selectors.requests_for(request.user)),
        list(selectors.panel_seats_for(request.user)),
        list(selectors.actions_for(request.user)),
        today,
    )
    return TemplateResponse(request, "partners/portal/portal.html", {"groups": groups})


def _request_or_404(request: HttpRequest, request_id: int) -> InformationRequest:
    info = selectors.request_for(request.user, request_id)
    if info is None:
        raise Http404("No such information request")
    return info


def _answer_refusal(info: InformationRequest) -> str:
    """Why the request cannot be answered here now, in words; empty when it can."""
    if is_allowed(Step.RECORD_RESPONSE, info.case.status):
        return ""
    return _("%(reason)s Contact the coordinator of %(area)s if you have more to send.") % {
        "reason": IllegalStep(Step.RECORD_RESPONSE, info.case.status).message,
        "area": info.case.area.name,
    }


@staff_member_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    """The request and what the agency needs to answer it."""
    info = _request_or_404(request, request_id)
    if request.method not in SAFE:
        return HttpResponseNotAllowed(SAFE)
    record_view(request, info.case, "information request")
    return TemplateResponse(request, "partners/portal/request.html", request_page_context(info))


def request_page_context(info: InformationRequest) -> dict[str, Any]:
    """What the request page shows: also rendered by the "what will they see" preview, so the
    preview cannot drift from the page."""
    deadline = selectors.request_deadline(info)
    return {
        "info": info,
        "case": info.case,
        "status": status_of(info, timezone.localdate()),
        "deadline": deadline,
        "deadline_lines": list((deadline.explanation or {}).get("lines", [])) if deadline else [],
        "stated": selectors.stated_complaints_to(info),
        "responses": selectors.responses_to(info),
        "refusal": _answer_refusal(info),
    }


def _answer_errors(
    form: forms.BaseForm, incidents: portal_forms.IncidentRows
) -> list[dict[str, Any]]:
    items = summary_items(form)
    # Every problem with every file, not only the first: each names its file.
    files = form["attachments"]
    items.extend({"text": str(error), "href": "#" + files.auto_id} for error in files.errors[1:])
    items.extend({"text": str(error)} for error in incidents.non_form_errors())
    for number, row in enumerate(incidents.forms, start=1):
        for item in summary_items(row):
            items.append(
                {
                    **item,
                    "text": _("Incident %(number)s: %(message)s")
                    % {"number": number, "message": item["text"]},
                }
            )
    return items


@staff_member_required
def answer(request: HttpRequest, request_id: int) -> HttpResponse:
    """The structured answer: incidents, actions taken, documents, any exemption relied on."""
    info = _request_or_404(request, request_id)
    if request.method not in FORM_METHODS:
        return HttpResponseNotAllowed(FORM_METHODS)
    refusal = _answer_refusal(info)
    if refusal:
        messages.error(request, refusal)
        return HttpResponseRedirect(request_url(info))
    # Only this agency's stated complaints can be confirmed by its records.
    complaints = [c for c in unconfirmed_complaints(info.case) if c.agency_id == info.agency_id]
    form_kwargs = {"complaints": complaints}

    if request.method == "POST" and portal_forms.ADD_INCIDENT in request.POST:
        form, incidents = portal_forms.with_another_row(request.POST, form_kwargs)
        return _render_answer(request, info, form, incidents, errors=[])

    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = portal_forms.AnswerForm(data, files)
    incidents = portal_forms.incident_rows(portal_forms.step_forms.BLANK_INCIDENTS)(
        data, prefix=portal_forms.INCIDENTS_PREFIX, form_kwargs=form_kwargs
    )
    if request.method == "POST":
        form_valid = form.is_valid()
        if incidents.is_valid() and form_valid:
            try:
                information_response_record(
                    info,
                    by=signed_in_user(request),
                    received_on=timezone.localdate(),
                    incidents=incidents.given(),
                    actions_taken=form.cleaned_data["actions_taken"],
                    documents=form.cleaned_data["documents"],
                    exemption_relied_on=form.exemption_relied_on(),
                    exemption_reason=form.exemption_reason_given(),
                    files=form.uploads(),
                )
            except IllegalStep as error:
                messages.error(request, error.message)
                return HttpResponseRedirect(request_url(info))
            except ValidationError as error:
                add_service_errors(form, error, {"files": "attachments"})
            else:
                messages.success(
                    request,
                    _("Your answer to the request about case %(reference)s is sent.")
                    % {"reference": info.case.reference},
                )
                return HttpResponseRedirect(portal_url())
        return _render_answer(
            request, info, form, incidents, errors=_answer_errors(form, incidents)
        )
    return _render_answer(request, info, form, incidents, errors=[])


def _render_answer(
    request: HttpRequest,
    info: InformationRequest,
    form: portal_forms.AnswerForm,
    incidents: portal_forms.IncidentRows,
    *,
    errors: list[dict[str, Any]],
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "partners/portal/answer.html",
        {
            "info": info,
            "case": info.case,
            "form": form,
            "incidents": incidents,
            "errors": errors,
            "has_errors": bool(errors),
            "can_add_incident": incidents.total_form_count()
            < portal_forms.step_forms.MAX_INCIDENTS,
            "add_incident": portal_forms.ADD_INCIDENT,
            "accepted": portal_forms.ACCEPTED_FILES,
            "back_url": request_url(info),
        },
    )


def _seat_or_404(request: HttpRequest, member_id: int) -> PanelMember:
    member = selectors.seat_for(request.user, member_id)
    if member is None:
        raise Http404("No such panel invitation")
    return member


@staff_member_required
def panel(request: HttpRequest, member_id: int) -> HttpResponse:
    """The invitation to sit on a review panel, and the agency's answer."""
    member = _seat_or_404(request, member_id)
    if request.method not in FORM_METHODS:
        return HttpResponseNotAllowed(FORM_METHODS)
    here = reverse("partners:panel", kwargs={"member_id": member.pk})
    closed = why_closed(member)
    if closed and request.method == "POST":
        messages.error(request, closed)
        return HttpResponseRedirect(here)
    initial: dict[str, Any] = {"note": member.response_note}
    if member.response:
        initial["response"] = "accept" if member.response == "accepted" else "decline"
    form = portal_forms.PanelAnswerForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            panel_respond(
                member,
                by=signed_in_user(request),
                accepted=form.accepted,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your answer to the invitation for case %(reference)s is recorded.")
                % {"reference": member.meeting.case.reference},
            )
            return HttpResponseRedirect(portal_url())
    record_view(request, member.meeting.case, "panel invitation")
    return TemplateResponse(
        request,
        "partners/portal/panel.html",
        {
            "member": member,
            "meeting": member.meeting,
            "case": member.meeting.case,
            "status": invitation_status(member),
            "closed": closed,
            "form": form,
        },
    )


@staff_member_required
def response_file(request: HttpRequest, request_id: int, file_id: int) -> HttpResponse:
    """A file of one of the agency's responses, always downloaded (never shown inline)."""
    document = selectors.response_file_for(request.user, request_id, file_id)
    if document is None:
        raise Http404("No such file")
    if request.method not in SAFE:
        return HttpResponseNotAllowed(SAFE)
    record_view(
        request, document.response.request.case, "information response file", kind="download"
    )
    response = HttpResponse(bytes(document.data), content_type=document.content_type)
    disposition = content_disposition_header(as_attachment=True, filename=document.name)
    if disposition:
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response
