"""The victim's actions on the tracking page: how to be involved in the review, a victim impact
statement, comments on the draft action plan, a request for a review (or an appeal), and
withdrawing.

Each page works the same way: it asks ``actions.availability`` whether the action is open (a
friendly page says why when it is not), shows a form, and on a valid POST calls the same service
function staff use, inside ``by_applicant()`` and with ``by=None``, so the case history says the
applicant acted online. Success goes back to the tracking page with a message; a refusal puts
the service's messages on the form with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from casereview.appeals.services import appeal_lodge
from casereview.audit.log import record_view
from casereview.cases.services import case_withdraw
from casereview.cases.views.common import add_service_errors
from casereview.cases.workflow import IllegalStep, by_applicant
from casereview.public.access import tracking_required
from casereview.public.victim import actions, selectors
from casereview.public.victim.forms import (
    ACCEPTED_UPLOADS,
    ONLINE,
    AppealForm,
    CommentForm,
    InvolvementForm,
    StatementForm,
    WithdrawForm,
    choice_label,
    involvement_initial,
)
from casereview.reviews.services import review_record_victim_comment, review_record_victim_voice

if TYPE_CHECKING:
    from casereview.cases.models import Case

# The involvement page's answers kept while the statement page (chosen there) is filled in.
PENDING_VOICE = "public.victim.voice"

TEMPLATES = "public/victim"
COMMENT_SENT = gettext_lazy("Your comments on the draft action plan have been sent to the council.")


def _page(request: HttpRequest, case: Case, template: str, **context: Any) -> HttpResponse:
    return render(
        request,
        f"{TEMPLATES}/{template}",
        {"case": case, "council_name": case.area.official_name, **context},
    )


def _closed(
    request: HttpRequest, case: Case, name: str, form: forms.Form | None = None
) -> HttpResponse:
    """Why the action cannot be taken now; with what was typed, so nothing is lost."""
    case.refresh_from_db()
    reason = actions.availability(case, name).reason or _("This cannot be done on your case now.")
    typed = []
    if form is not None and form.is_bound:
        for field in form:
            value = form.data.get(field.html_name, "")
            if (
                isinstance(value, str)
                and value.strip()
                and isinstance(field.field, forms.CharField)
            ):
                typed.append((str(field.label), value))
    return _page(request, case, "closed.html", reason=reason, typed=typed)


def _take(
    request: HttpRequest,
    case: Case,
    name: str,
    form: forms.Form,
    call: Callable[[], Any],
    *,
    success: str,
    field_map: Mapping[str, str] | None = None,
) -> HttpResponse | None:
    """Run ``call`` (a service function) as the applicant's own step. Success: a message and
    back to the tracking page. Refused input: the errors on ``form`` and None (the view shows
    it again). The action closed meanwhile: the page saying why."""
    try:
        with by_applicant():
            call()
    except IllegalStep:
        return _closed(request, case, name, form)
    except ValidationError as error:
        case.refresh_from_db()
        if not actions.availability(case, name).is_open:
            return _closed(request, case, name, form)
        add_service_errors(form, error, field_map)
        return None
    messages.success(request, success)
    return redirect("public:track")


def _viewed(request: HttpRequest, case: Case, what: str) -> None:
    if request.method == "GET":
        record_view(request, case, what)


# --- How to be involved -----------------------------------------------------------------------


@tracking_required
@require_http_methods(["GET", "POST"])
def involvement(request: HttpRequest, case: Case) -> HttpResponse:
    now = selectors.voice_now(case)
    form = InvolvementForm(
        request.POST if request.method == "POST" else None, initial=involvement_initial(now)
    )
    if not actions.availability(case, actions.INVOLVEMENT).is_open:
        return _closed(request, case, actions.INVOLVEMENT, form)
    if request.method == "POST" and form.is_valid():
        if form.needs_statement(now):
            request.session[PENDING_VOICE] = {
                "case": case.pk,
                "support_needs": form.cleaned_data["support_needs"],
            }
            return redirect("public:victim_statement")
        chosen = choice_label(form.cleaned_data["choice"])
        done = _take(
            request,
            case,
            actions.INVOLVEMENT,
            form,
            lambda: review_record_victim_voice(
                case, by=None, voice=form.voice(now, timezone.localdate())
            ),
            success=_(
                "Your choice is saved: %(choice)s. You can change it until the review meeting."
            )
            % {"choice": chosen},
            field_map={"contacted_on": "__all__", "contacted_how": "__all__"},
        )
        if done is not None:
            request.session.pop(PENDING_VOICE, None)
            return done
    _viewed(request, case, "public: how the victim is involved")
    return _page(
        request,
        case,
        "involvement.html",
        form=form,
        now_label=choice_label(now.choice) if now is not None else "",
        meeting_on=selectors.upcoming_meeting_on(case),
    )


# --- Victim impact statement ------------------------------------------------------------------


def _pending(request: HttpRequest, case: Case) -> dict[str, str] | None:
    """The involvement page's answers when the victim has just chosen a statement there."""
    held = request.session.get(PENDING_VOICE)
    if isinstance(held, dict) and held.get("case") == case.pk:
        return {"support_needs": str(held.get("support_needs") or "")}
    return None


@tracking_required
@require_http_methods(["GET", "POST"])
def statement(request: HttpRequest, case: Case) -> HttpResponse:
    now = selectors.voice_now(case)
    pending = _pending(request, case)
    form = StatementForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial={"statement": now.statement if now is not None else ""},
        keeps_file=now is not None and bool(now.statement_file_name),
    )
    if not actions.availability(case, actions.STATEMENT).is_open:
        return _closed(request, case, actions.STATEMENT, form)
    if request.method == "POST" and form.is_valid():
        voice = form.voice(
            now,
            timezone.localdate(),
            chose_statement=pending is not None,
            support_needs=pending["support_needs"] if pending is not None else None,
        )
        done = _take(
            request,
            case,
            actions.STATEMENT,
            form,
            lambda: review_record_victim_voice(case, by=None, voice=voice),
            success=_(
                "Your victim impact statement is saved. The review panel will read it before "
                "the meeting."
            ),
            field_map={"contacted_on": "__all__", "contacted_how": "__all__"},
        )
        if done is not None:
            request.session.pop(PENDING_VOICE, None)
            return done
    _viewed(request, case, "public: victim impact statement")
    return _page(
        request,
        case,
        "statement.html",
        form=form,
        now=now,
        chose_statement=pending is not None,
        accepted=ACCEPTED_UPLOADS,
        meeting_on=selectors.upcoming_meeting_on(case),
    )


# --- Comments on the draft action plan --------------------------------------------------------


@tracking_required
@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, case: Case) -> HttpResponse:
    form = CommentForm(request.POST if request.method == "POST" else None)
    if not actions.availability(case, actions.COMMENT).is_open:
        return _closed(request, case, actions.COMMENT, form)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        if selectors.already_commented(case, text, timezone.localdate()):
            # Sent twice: the first is kept, and the person sees the same success.
            messages.success(request, str(COMMENT_SENT))
            return redirect("public:track")
        done = _take(
            request,
            case,
            actions.COMMENT,
            form,
            lambda: review_record_victim_comment(
                case, by=None, received_on=timezone.localdate(), how=ONLINE, text=text
            ),
            success=str(COMMENT_SENT),
            field_map={"received_on": "__all__", "how": "__all__"},
        )
        if done is not None:
            return done
    _viewed(request, case, "public: draft action plan")
    return _page(request, case, "comment.html", form=form, plan=selectors.draft_plan(case))


# --- Asking for a review, or appealing --------------------------------------------------------


@tracking_required
@require_http_methods(["GET", "POST"])
def appeal(request: HttpRequest, case: Case) -> HttpResponse:
    state = actions.availability(case, actions.APPEAL)
    windows = selectors.appeal_windows(case) if state.is_open else []
    if not windows:
        return _closed(request, case, actions.APPEAL, AppealForm(request.POST or None, late=True))
    window = windows[0]
    late = timezone.localdate() > window.ends_on
    form = AppealForm(request.POST if request.method == "POST" else None, late=late)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _take(
            request,
            case,
            actions.APPEAL,
            form,
            lambda: appeal_lodge(
                case,
                by=None,
                ground=window.ground,
                received_on=timezone.localdate(),
                what_the_victim_says=data["what_the_victim_says"],
                late_reason=data.get("late_reason", ""),
            ),
            success=_(
                "Your request has been sent. The council will write to you to say what happens "
                "next."
            ),
            field_map={"ground": "__all__", "received_on": "__all__"},
        )
        if done is not None:
            return done
    _viewed(request, case, "public: ask for a review")
    return _page(request, case, "appeal.html", form=form, window=window, late=late)


# --- Withdrawing ------------------------------------------------------------------------------


@tracking_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, case: Case) -> HttpResponse:
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if not actions.availability(case, actions.WITHDRAW).is_open:
        return _closed(request, case, actions.WITHDRAW, form)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        done = _take(
            request,
            case,
            actions.WITHDRAW,
            form,
            lambda: case_withdraw(case, by=None, reason=reason),
            success=_(
                "Your application has been withdrawn. The council will write to you to confirm it."
            ),
            field_map={"on": "__all__"},
        )
        if done is not None:
            return done
    _viewed(request, case, "public: withdraw the application")
    return _page(request, case, "withdraw.html", form=form)
