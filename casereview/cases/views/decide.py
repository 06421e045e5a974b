"""Deciding the threshold (step 4 of the process), with the rules engine's evaluation of the
case as it stands, and declining a vexatious repeat application."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import User
from casereview.audit.log import record_view
from casereview.cases import services
from casereview.cases.evaluation import case_policy, evaluate_case
from casereview.cases.intake_forms import DECIDE_FIELD_MAP, DecideForm, DeclineRepeatForm
from casereview.cases.models import Case
from casereview.cases.presenters import complaint_verdicts, result_summary
from casereview.cases.views.common import (
    can_act,
    case_or_404,
    case_url,
    refuse_illegal_step,
    staff_navigation,
    take_step,
)
from casereview.cases.workflow import IllegalStep, Step, is_allowed


def _acting_user(request: HttpRequest, case: Case) -> User:
    """The signed-in person, if they may take steps on ``case``; 403 for someone who may only
    read it."""
    if not can_act(request, case):
        raise PermissionDenied(_("You can read this case but not act on it."))
    user = request.user
    assert isinstance(user, User)
    return user


def _decision_message(met: bool) -> str:
    if met:
        return _(
            "Decision recorded: the threshold is met. The CT4 letter goes to the victim, and "
            "every relevant body is told the decision."
        )
    return _(
        "Decision recorded: the threshold is not met. The CT3 letter, with the CT3a form to ask "
        "for a review, goes to the victim, and every relevant body is told the decision."
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_or_404(request, reference)
    user = _acting_user(request, case)
    if not is_allowed(Step.DECIDE_THRESHOLD_MET, case.status):
        return refuse_illegal_step(
            request, case, IllegalStep(Step.DECIDE_THRESHOLD_MET, case.status)
        )
    policy = case_policy(case)
    form = DecideForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        decision = form.decision()
        done = take_step(
            request,
            case,
            form,
            lambda: services.case_decide_threshold(case, by=user, **decision),
            success=_decision_message(decision["met"]),
            field_map=DECIDE_FIELD_MAP,
        )
        if done is not None:
            return done

    evaluation = evaluate_case(case)
    result = evaluation.to_json(case)
    verdicts = complaint_verdicts(case, result)
    record_view(request, case, "threshold decision page")
    return TemplateResponse(
        request,
        "cases/decide.html",
        {
            "case": case,
            "form": form,
            "policy": policy,
            "result": result,
            "summary": result_summary(result),
            "verdicts": verdicts,
            "unconfirmed_count": len(evaluation.unconfirmed),
            "if_all_confirmed": result["if_all_confirmed"],
            "case_url": case_url(case),
            "navigation": staff_navigation(current="cases:dashboard"),
        },
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def decline_repeat(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_or_404(request, reference)
    user = _acting_user(request, case)
    if not is_allowed(Step.DECLINE_REPEAT, case.status):
        return refuse_illegal_step(request, case, IllegalStep(Step.DECLINE_REPEAT, case.status))
    earlier = case.repeat_of
    if earlier is None:
        messages.error(
            request,
            _(
                "Only a repeat of an earlier decided application can be declined as vexatious: "
                "%(reference)s is not a repeat."
            )
            % {"reference": case.reference},
        )
        return HttpResponseRedirect(case_url(case))
    form = DeclineRepeatForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = take_step(
            request,
            case,
            form,
            lambda: services.case_decline_repeat(
                case, by=user, reasons=form.cleaned_data["reasons"]
            ),
            success=_(
                "Application %(reference)s declined as a repeat. A letter with the reasons "
                "goes to the applicant."
            )
            % {"reference": case.reference},
        )
        if done is not None:
            return done
    record_view(request, case, "decline repeat page")
    record_view(request, earlier, "earlier case on the decline repeat page")
    return TemplateResponse(
        request,
        "cases/decline.html",
        {
            "case": case,
            "form": form,
            "earlier": earlier,
            "case_url": case_url(case),
            "navigation": staff_navigation(current="cases:dashboard"),
        },
    )
