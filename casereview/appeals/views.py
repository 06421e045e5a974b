"""The appeal pages of a case: record an appeal, show one, record its hearing, send its outcome.

They answer like the case's step pages (``casereview.cases.views.steps``), in this order: 404
for a case the person may not see (or an appeal that is not that case's); 403 for someone who
may see it but not act; back to the case page with the plain-English reason when the case's
status does not allow the step; otherwise the form, shown again with the GOV.UK error summary
and everything typed when the input is wrong. The appeal's own page only reads.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.appeals import forms as appeal_forms
from casereview.appeals import selectors
from casereview.appeals.models import Appeal, AppealStatus, Ground, Outcome
from casereview.appeals.services import (
    appeal_hear,
    appeal_lodge,
    appeal_send_outcome,
    default_reviewer,
    open_appeal,
)
from casereview.audit.log import record_view
from casereview.cases.dashboard import deadline_urgency
from casereview.cases.models import Case, DeadlineKind
from casereview.cases.views.common import (
    can_act,
    case_or_404,
    case_url,
    posted_data,
    refuse_illegal_step,
    signed_in_user,
    staff_navigation,
    take_step,
)
from casereview.cases.workflow import IllegalStep, Step, is_allowed
from casereview.core.formatting import govuk_date
from casereview.rules import policy_from_dict


def appeal_url(appeal: Appeal) -> str:
    return reverse(
        "appeals:appeal", kwargs={"reference": appeal.case.reference, "appeal_id": appeal.pk}
    )


def _acting_case(request: HttpRequest, reference: str) -> Case:
    """The case, if the signed-in person may act on it (404 out of scope, 403 read-only)."""
    case = case_or_404(request, reference)
    if not can_act(request, case):
        raise PermissionDenied(_("You can see this case but not act on it."))
    return case


def _appeal_or_404(case: Case, appeal_id: int) -> Appeal:
    appeal = selectors.appeal_of(case, appeal_id)
    if appeal is None:
        raise Http404("No such appeal of this case")
    return appeal


def _render(
    request: HttpRequest, case: Case, template: str, what: str, **context: Any
) -> TemplateResponse:
    record_view(request, case, what)
    return TemplateResponse(
        request,
        template,
        {
            "case": case,
            "case_url": case_url(case),
            "navigation": staff_navigation("cases:dashboard"),
            **context,
        },
    )


def upheld_means(case: Case, ground: str) -> str:
    """What upholding an appeal on ``ground`` does to the case, in one sentence."""
    if ground == Ground.THRESHOLD_DECISION:
        days = policy_from_dict(case.policy.rules).timescales.decision_working_days
        return _(
            "Upheld: the decision that the threshold was not met is set aside. The case goes "
            "back to gathering information, and the threshold must be decided again within "
            "%(days)s working days of the hearing."
        ) % {"days": days}
    return _(
        "Upheld: the review is reconvened. The case goes back to having its review meeting "
        "arranged, and a new meeting is held."
    )


def not_upheld_means() -> str:
    return _("Not upheld: the case stays where it is.")


# --- Lodge --------------------------------------------------------------------------------------


@staff_member_required
@require_http_methods(["GET", "POST"])
def lodge(request: HttpRequest, reference: str) -> HttpResponse:
    case = _acting_case(request, reference)
    if not is_allowed(Step.LODGE_APPEAL, case.status):
        return refuse_illegal_step(request, case, IllegalStep(Step.LODGE_APPEAL, case.status))
    waiting = open_appeal(case)
    if waiting is not None:
        messages.error(request, _("This case already has an appeal waiting for its outcome."))
        return HttpResponseRedirect(appeal_url(waiting))
    windows = selectors.open_windows(case)
    if not windows:
        messages.error(request, _("This case has no decision or review that can be appealed."))
        return HttpResponseRedirect(case_url(case))

    today = timezone.localdate()
    ask_late_reason = today > min(window.ends_on for window in windows)
    form = appeal_forms.LodgeForm(
        posted_data(request),
        grounds=[(window.ground, window.label) for window in windows],
        ask_late_reason=ask_late_reason,
        initial={"received_on": today, "reviewer_kind": default_reviewer(case)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = take_step(
            request,
            case,
            form,
            lambda: appeal_lodge(
                case,
                by=signed_in_user(request),
                ground=data["ground"],
                received_on=data["received_on"],
                what_the_victim_says=data["what_the_victim_says"],
                late_reason=data.get("late_reason", ""),
                reviewer_kind=data["reviewer_kind"],
                reviewer_name=data["reviewer_name"],
                reviewer_organisation=data["reviewer_organisation"],
            ),
            success=_("The appeal is recorded."),
        )
        if done is not None:
            return done
    return _render(
        request,
        case,
        "appeals/lodge.html",
        "record an appeal page",
        form=form,
        windows=windows,
        window_ended=ask_late_reason,
    )


# --- One appeal ---------------------------------------------------------------------------------


@staff_member_required
def appeal(request: HttpRequest, reference: str, appeal_id: int) -> HttpResponse:
    # The case and the appeal are looked up before the method is checked, so that a reference
    # outside the caller's scope is 404 whatever the method (a 405 would confirm it exists).
    case = case_or_404(request, reference)
    found = _appeal_or_404(case, appeal_id)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    acting = can_act(request, case)
    today = timezone.localdate()
    deadlines = [
        {
            "what": str(DeadlineKind(deadline.kind).label),
            "deadline": deadline,
            "urgency": deadline_urgency(deadline, today, case.area.nation),
            "lines": list((deadline.explanation or {}).get("lines", [])),
        }
        for deadline in selectors.deadlines_of(case, found)
    ]
    return _render(
        request,
        case,
        "appeals/appeal.html",
        f"appeal {found.pk}",
        appeal=found,
        deadlines=deadlines,
        can_act=acting,
        hear_url=reverse(
            "appeals:hear", kwargs={"reference": case.reference, "appeal_id": found.pk}
        )
        if acting and found.status == AppealStatus.LODGED
        else "",
        outcome_url=reverse(
            "appeals:outcome", kwargs={"reference": case.reference, "appeal_id": found.pk}
        )
        if acting and found.status == AppealStatus.HEARD
        else "",
        upheld_means=upheld_means(case, found.ground),
    )


# --- Hear ---------------------------------------------------------------------------------------


@staff_member_required
@require_http_methods(["GET", "POST"])
def hear(request: HttpRequest, reference: str, appeal_id: int) -> HttpResponse:
    case = _acting_case(request, reference)
    found = _appeal_or_404(case, appeal_id)
    if found.status != AppealStatus.LODGED:
        messages.error(request, _("This appeal has already been heard."))
        return HttpResponseRedirect(appeal_url(found))
    if not is_allowed(Step.DISMISS_APPEAL, case.status):
        return refuse_illegal_step(request, case, IllegalStep(Step.DISMISS_APPEAL, case.status))
    form = appeal_forms.HearForm(
        posted_data(request),
        initial={"heard_on": timezone.localdate(), "reviewer_name": found.reviewer_name},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upheld = data["outcome"] == Outcome.UPHELD
        done = take_step(
            request,
            case,
            form,
            lambda: appeal_hear(
                found,
                by=signed_in_user(request),
                heard_on=data["heard_on"],
                outcome=data["outcome"],
                reasons=data["reasons"],
                reviewer_name=data["reviewer_name"],
            ),
            success=_("The hearing is recorded: the appeal is upheld.")
            if upheld
            else _("The hearing is recorded: the appeal is not upheld."),
        )
        if done is not None:
            return done
    return _render(
        request,
        case,
        "appeals/hear.html",
        f"hearing page of appeal {found.pk}",
        form=form,
        appeal=found,
        appeal_url=appeal_url(found),
        upheld_means=upheld_means(case, found.ground),
        not_upheld_means=not_upheld_means(),
    )


# --- Outcome ------------------------------------------------------------------------------------


@staff_member_required
@require_http_methods(["GET", "POST"])
def send_outcome(request: HttpRequest, reference: str, appeal_id: int) -> HttpResponse:
    case = _acting_case(request, reference)
    found = _appeal_or_404(case, appeal_id)
    if found.status == AppealStatus.LODGED:
        messages.error(request, _("Record the appeal's hearing before sending its outcome."))
        return HttpResponseRedirect(appeal_url(found))
    if found.status == AppealStatus.CONCLUDED:
        messages.info(
            request,
            _("The outcome of this appeal was sent on %(day)s.")
            % {"day": govuk_date(found.outcome_sent_on)},
        )
        return HttpResponseRedirect(appeal_url(found))
    if not is_allowed(Step.SEND_APPEAL_OUTCOME, case.status):
        return refuse_illegal_step(
            request, case, IllegalStep(Step.SEND_APPEAL_OUTCOME, case.status)
        )
    form = appeal_forms.OutcomeForm(posted_data(request), initial=appeal_forms.initial_today())
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["on"]
        done = take_step(
            request,
            case,
            form,
            lambda: appeal_send_outcome(found, by=signed_in_user(request), on=on),
            success=_("The outcome of the appeal is sent to the victim."),
        )
        if done is not None:
            return done
    return _render(
        request,
        case,
        "appeals/outcome.html",
        f"outcome page of appeal {found.pk}",
        form=form,
        appeal=found,
        appeal_url=appeal_url(found),
    )
