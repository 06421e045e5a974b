"""The staff pages of the review's steps: GET shows the step's form, POST takes the step through
its service function (``casereview.reviews.services``) with ``common.take_step``.

Every page answers, in this order: 404 for a case the person may not see; 403 for someone who
may see it but not act (read-only); back to the case page with the plain-English reason when
the case's status does not allow the step; otherwise the form, shown again with the GOV.UK
error summary and everything typed when the input is wrong. Updating an action is the one step
an agency representative may take too, for an action their agency owns.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import Role
from casereview.accounts.scoping import scope
from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.audit.log import record_view
from casereview.cases.models import Case
from casereview.cases.selectors import case_for
from casereview.cases.step_support import today
from casereview.cases.views.common import (
    can_act,
    case_or_404,
    case_url,
    open_step,
    posted_data,
    refuse_illegal_step,
    signed_in_user,
    staff_navigation,
    take_step,
)
from casereview.cases.workflow import IllegalStep, Step, is_allowed
from casereview.core.forms.rows import MAX_ROWS, kept_values, rows_in
from casereview.reviews import forms as review_forms
from casereview.reviews.models import Action, Meeting, VictimVoice
from casereview.reviews.selectors import action_for_member, area_agencies
from casereview.reviews.services import (
    Scheduled,
    comment_window_end,
    latest_meeting,
    panel_minimum,
    review_change_lead_agency,
    review_circulate_minutes,
    review_finalise_plan,
    review_record_meeting,
    review_record_victim_comment,
    review_record_victim_voice,
    review_schedule_meeting,
    review_send_outcome,
    review_update_action,
)

ADD_OTHER = "add_other"
ADD_RECOMMENDATION = "add_recommendation"
ADD_ACTION = "add_action"


def _meeting(case: Case) -> Meeting:
    meeting = latest_meeting(case)
    if meeting is None:  # the transition table allows these steps only once one is arranged
        raise Http404("The case has no review meeting")
    return meeting


def _render(
    request: HttpRequest, case: Case, template: str, form: forms.BaseForm, **context: Any
) -> TemplateResponse:
    return TemplateResponse(
        request,
        template,
        {
            "case": case,
            "form": form,
            "case_url": case_url(case),
            "back_url": case_url(case),
            "navigation": staff_navigation("cases:dashboard"),
            **context,
        },
    )


def _viewed(request: HttpRequest, case: Case, what: str) -> None:
    """Showing a step page shows case data: record it (a POST that fails shows what was typed)."""
    if request.method == "GET":
        record_view(request, case, what)


# --- The victim's voice -----------------------------------------------------------------------


def _current_voice(case: Case) -> VictimVoice | None:
    try:
        return case.victim_voice
    except ObjectDoesNotExist:
        return None


@staff_member_required
@require_http_methods(["GET", "POST"])
def victim_voice(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.RECORD_VICTIM_VOICE)
    if isinstance(found, HttpResponse):
        return found
    case = found
    current = _current_voice(case)
    form = review_forms.VoiceForm(
        posted_data(request),
        request.FILES if request.method == "POST" else None,
        initial=review_forms.voice_initial(current, today()),
    )
    if request.method == "POST" and form.is_valid():
        done = take_step(
            request,
            case,
            form,
            lambda: review_record_victim_voice(
                case, by=signed_in_user(request), voice=form.voice()
            ),
            success=_("The victim's choice for the review is recorded."),
        )
        if done is not None:
            return done
    _viewed(request, case, "victim's voice form")
    return _render(
        request,
        case,
        "reviews/steps/voice.html",
        form,
        current=current,
        accepted=review_forms.ACCEPTED_UPLOADS,
    )


@staff_member_required
def statement_file(request: HttpRequest, reference: str) -> HttpResponse:
    """The victim impact statement as the victim's file (always downloaded, never shown inline:
    it is the victim's file, not ours). The case is looked up before the method is checked, so a
    case outside the caller's scope is a 404 whatever the method."""
    case = case_or_404(request, reference)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    voice = _current_voice(case)
    if voice is None or not voice.statement_file_name or voice.statement_file is None:
        raise Http404("No statement file")
    record_view(request, case, "victim impact statement file", kind="download")
    response = HttpResponse(bytes(voice.statement_file), content_type=voice.statement_file_type)
    disposition = content_disposition_header(as_attachment=True, filename=voice.statement_file_name)
    if disposition:
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- The meeting ------------------------------------------------------------------------------


def _schedule_form(case: Case, *args: Any, **kwargs: Any) -> review_forms.ScheduleForm:
    return review_forms.ScheduleForm(
        *args, bodies=relevant_bodies(case.area), agencies=area_agencies(case.area), **kwargs
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def schedule_meeting(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.SCHEDULE_MEETING)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = latest_meeting(case)
    # A meeting not yet held is arranged again; one held (a reconvened review) gives the panel
    # and chair to start from, but not its time.
    again = meeting is not None and meeting.held_on is None
    data = request.POST
    form: review_forms.ScheduleForm
    if request.method == "POST":
        rows = rows_in(data, "other_rows")
        if ADD_OTHER in data:
            typed = _schedule_form(case, data, other_rows=rows)
            form = _schedule_form(
                case,
                initial=kept_values(typed, data),
                other_rows=min(rows + 1, MAX_ROWS),
            )
        else:
            form = _schedule_form(case, data, other_rows=rows)
            if form.is_valid():
                result: list[Scheduled] = []
                plan = form.plan()
                done = take_step(
                    request,
                    case,
                    form,
                    lambda: result.append(
                        review_schedule_meeting(case, by=signed_in_user(request), plan=plan)
                    ),
                    success=_("The review meeting is arranged again: the panel is told.")
                    if again
                    else _("The review meeting is arranged: the panel is invited."),
                    field_map=form.field_map(),
                )
                if done is not None:
                    for warning in result[0].warnings if result else []:
                        messages.warning(request, warning)
                    return done
    else:
        initial, rows = review_forms.schedule_initial(meeting, with_time=again)
        form = _schedule_form(case, initial=initial, other_rows=rows)
        record_view(request, case, "meeting arrangements form")
    return _render(
        request,
        case,
        "reviews/steps/schedule.html",
        form,
        again=again,
        can_add_other=form.other_rows < MAX_ROWS,
        add_other=ADD_OTHER,
        minimum=panel_minimum(case),
    )


def _record_form(
    case: Case, meeting: Meeting, *args: Any, **kwargs: Any
) -> review_forms.RecordForm:
    return review_forms.RecordForm(
        *args, meeting=meeting, agencies=area_agencies(case.area), **kwargs
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def record_meeting(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.RECORD_MEETING)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = _meeting(case)
    correcting = meeting.held_on is not None
    data = request.POST
    form: review_forms.RecordForm
    if request.method == "POST":
        rows = {
            "recommendation_rows": rows_in(data, "recommendation_rows"),
            "action_rows": rows_in(data, "action_rows"),
        }
        adding = next((name for name in (ADD_RECOMMENDATION, ADD_ACTION) if name in data), None)
        if adding is not None:
            typed = _record_form(case, meeting, data, **rows)
            grown = "recommendation_rows" if adding == ADD_RECOMMENDATION else "action_rows"
            rows[grown] = min(rows[grown] + 1, MAX_ROWS)
            form = _record_form(case, meeting, initial=kept_values(typed, data), **rows)
        else:
            form = _record_form(case, meeting, data, **rows)
            if form.is_valid():
                record = form.record()
                done = take_step(
                    request,
                    case,
                    form,
                    lambda: review_record_meeting(case, by=signed_in_user(request), record=record),
                    success=_("The record of the meeting is corrected.")
                    if correcting
                    else _("The meeting is recorded."),
                    field_map=form.field_map(),
                )
                if done is not None:
                    return done
    else:
        initial, recommendation_rows, action_rows = review_forms.record_initial(meeting, today())
        form = _record_form(
            case,
            meeting,
            initial=initial,
            recommendation_rows=recommendation_rows,
            action_rows=action_rows,
        )
        record_view(request, case, "meeting record form")
    return _render(
        request,
        case,
        "reviews/steps/record.html",
        form,
        meeting=meeting,
        correcting=correcting,
        max_rows=MAX_ROWS,
        add_recommendation=ADD_RECOMMENDATION,
        add_action=ADD_ACTION,
    )


# --- After the meeting ------------------------------------------------------------------------


@staff_member_required
@require_http_methods(["GET", "POST"])
def send_outcome(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.SEND_OUTCOME)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = _meeting(case)
    form = review_forms.OutcomeForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        phoned_on = form.cleaned_data["phoned_on"]
        done = take_step(
            request,
            case,
            form,
            lambda: review_send_outcome(case, by=signed_in_user(request), phoned_on=phoned_on),
            success=_("The outcome and the draft action plan are sent to the victim."),
        )
        if done is not None:
            return done
    _viewed(request, case, "outcome to send to the victim")
    return _render(
        request,
        case,
        "reviews/steps/outcome.html",
        form,
        meeting=meeting,
        recommendations=list(meeting.recommendations.select_related("agency")),
        # Only what the victim may see: an action kept from them is not even listed here.
        actions=list(meeting.actions.filter(victim_may_see=True).select_related("owner")),
        comment_until=comment_window_end(case, today()),
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def circulate_minutes(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.CIRCULATE_MINUTES)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = _meeting(case)
    form = review_forms.MinutesForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        done = take_step(
            request,
            case,
            form,
            lambda: review_circulate_minutes(case, by=signed_in_user(request)),
            success=_("The minutes and the action plan are sent to the panel."),
        )
        if done is not None:
            return done
    _viewed(request, case, "panel the minutes go to")
    members = list(meeting.panel.select_related("agency"))
    return _render(
        request,
        case,
        "reviews/steps/minutes.html",
        form,
        meeting=meeting,
        with_email=[m for m in members if m.email],
        without_email=[m for m in members if not m.email],
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def victim_comment(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.RECORD_VICTIM_COMMENT)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = _meeting(case)
    form = review_forms.CommentForm(posted_data(request), initial={"received_on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = take_step(
            request,
            case,
            form,
            lambda: review_record_victim_comment(
                case,
                by=signed_in_user(request),
                received_on=data["received_on"],
                how=data["how"],
                text=data["text"],
            ),
            success=_("The victim's comments are kept with the action plan."),
        )
        if done is not None:
            return done
    _viewed(request, case, "victim comment form")
    return _render(request, case, "reviews/steps/comment.html", form, meeting=meeting)


@staff_member_required
@require_http_methods(["GET", "POST"])
def finalise_plan(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.FINALISE_PLAN)
    if isinstance(found, HttpResponse):
        return found
    case = found
    meeting = _meeting(case)
    form = review_forms.FinaliseForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        done = take_step(
            request,
            case,
            form,
            lambda: review_finalise_plan(case, by=signed_in_user(request), note=note),
            success=_("The action plan is final: its actions are now monitored."),
        )
        if done is not None:
            return done
    _viewed(request, case, "victim's comments on the action plan")
    comments = list(meeting.victim_comments.all())
    until = meeting.comment_until
    return _render(
        request,
        case,
        "reviews/steps/finalise.html",
        form,
        meeting=meeting,
        comments=comments,
        comment_until=until,
        window_open=until is not None and today() <= until and not comments,
    )


# --- Monitoring -------------------------------------------------------------------------------


def _represents(request: HttpRequest, case: Case, agency: Agency) -> bool:
    """Whether the signed-in person represents ``agency`` in the case's area."""
    grants = scope(request.user)
    return agency.pk in grants.agency_ids(case.area_id) and grants.has(
        Role.AGENCY_REPRESENTATIVE, case.area_id
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def update_action(request: HttpRequest, reference: str, action_id: int) -> HttpResponse:
    action: Action | None = action_for_member(request.user, reference, action_id)
    if action is None:
        raise Http404("No such action")
    case = action.meeting.case
    if not (can_act(request, case) or _represents(request, case, action.owner)):
        raise PermissionDenied(_("Only the case's coordinators and the owner agency can do this."))
    # An owner agency's representative may not see the case itself: they come back here.
    sees_case = case_for(request.user, case.reference) is not None
    here = reverse("reviews:action", kwargs={"reference": case.reference, "action_id": action.pk})
    refusal = ""
    if not is_allowed(Step.UPDATE_ACTION, case.status):
        error = IllegalStep(Step.UPDATE_ACTION, case.status)
        if sees_case:
            return refuse_illegal_step(request, case, error)
        refusal = error.message
    form = review_forms.ActionForm(
        posted_data(request) if not refusal else None, initial=review_forms.action_initial(action)
    )
    if request.method == "POST" and not refusal and form.is_valid():
        data = form.cleaned_data
        done = take_step(
            request,
            case,
            form,
            lambda: review_update_action(
                case,
                action,
                by=signed_in_user(request),
                status=data["status"],
                progress=data["progress"],
                completed_on=data["completed_on"],
            ),
            success=_("The action is updated."),
        )
        if done is not None:
            return done if sees_case else HttpResponseRedirect(here)
    _viewed(request, case, "action of the action plan")
    return TemplateResponse(
        request,
        "reviews/steps/action.html",
        {
            "case": case,
            "form": form,
            "action": action,
            "refusal": refusal,
            "case_url": case_url(case) if sees_case else "",
            "back_url": case_url(case) if sees_case else reverse("partners:portal"),
            "navigation": staff_navigation("cases:dashboard" if sees_case else "partners:hub"),
        },
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def change_lead_agency(request: HttpRequest, reference: str) -> HttpResponse:
    found = open_step(request, reference, Step.CHANGE_LEAD_AGENCY)
    if isinstance(found, HttpResponse):
        return found
    case = found
    current = case.lead_agency or case.area.council
    form = review_forms.LeadAgencyForm(
        posted_data(request), agencies=area_agencies(case.area), initial={"agency": str(current.pk)}
    )
    if request.method == "POST" and form.is_valid():
        agency, reason = form.chosen(), form.cleaned_data["reason"]
        done = take_step(
            request,
            case,
            form,
            lambda: review_change_lead_agency(
                case, by=signed_in_user(request), agency=agency, reason=reason
            ),
            success=_("%(agency)s now leads on the case.") % {"agency": agency.name},
        )
        if done is not None:
            return done
    _viewed(request, case, "lead agency form")
    return _render(request, case, "reviews/steps/lead_agency.html", form, current=current)
