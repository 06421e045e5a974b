"""The online application: the start page, one view for every question page (see ``flow``),
check your answers, the confirmation, save and come back later, and the pages that explain why
an application cannot go on.

Every page works without JavaScript. Each Continue saves the page's answers to the draft before
checking them, so nothing typed is ever lost; a page with errors is shown again as it was typed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from casereview.areas.models import Area, Nation
from casereview.areas.presenters import AreaPagePresenter
from casereview.core.forms.rows import MAX_ROWS, rows_in
from casereview.core.language import remember_language
from casereview.public import links, page_cache, ratelimit
from casereview.public.apply import flow, selectors, services
from casereview.public.apply import forms as f
from casereview.public.apply.selectors import ApplyArea
from casereview.public.models import ApplicationDraft

TEMPLATES = "public/apply"


def _area(slug: str) -> Area:
    area = selectors.area_by_slug(slug)
    if area is None:
        raise Http404("No such area")
    return area


def _base(area: Area, **extra: Any) -> dict[str, Any]:
    return {"area": area, "council_name": area.official_name, **extra}


def _url(name: str, area: Area, **kwargs: str) -> str:
    return reverse(f"public:{name}", kwargs={"slug": area.slug, **kwargs})


def question_url(area: Area, question: flow.Question, *, change: bool = False) -> str:
    url = _url("apply_question", area, question=question.slug)
    return url + "?change=1" if change else url


def _where_next(area: Area, walk: flow.Walk) -> str:
    """Where someone picks up: the first question not answered, the page that says why the
    application stopped, or check your answers."""
    if walk.unanswered is not None:
        return question_url(area, walk.unanswered)
    if walk.stopped_at is not None and walk.stopped_at.stop is not None:
        return reverse(walk.stopped_at.stop.url_name, kwargs={"slug": area.slug})
    return _url("apply_check", area)


class Loaded:
    """The area (taking applications online) and this session's draft for it."""

    def __init__(self, where: ApplyArea, draft: ApplicationDraft) -> None:
        self.where = where
        self.draft = draft

    @property
    def area(self) -> Area:
        return self.where.area

    def ctx(self) -> f.FlowContext:
        return services.flow_context(self.where, self.draft)


def _load(request: HttpRequest, slug: str) -> Loaded | HttpResponse:
    """The session's draft, or a redirect to the start page (no draft, or the area no longer
    takes applications online)."""
    area = _area(slug)
    where = selectors.taking_applications(area)
    draft = selectors.draft_in_session(request, area) if where else None
    if where is None or draft is None:
        return HttpResponseRedirect(_url("apply", area))
    return Loaded(where, draft)


def _load_unsent(request: HttpRequest, slug: str) -> Loaded | HttpResponse:
    """As ``_load``, but a draft already sent goes to its confirmation: its answers are the
    case's now and are not asked or changed again."""
    loaded = _load(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    if loaded.draft.is_submitted:
        return HttpResponseRedirect(_url("apply_done", loaded.area))
    return loaded


def _too_many(request: HttpRequest, area: Area) -> HttpResponse:
    return render(request, f"{TEMPLATES}/too_many.html", _base(area), status=429)


@require_http_methods(["GET", "POST"])
@page_cache.cached_public_page
def start(request: HttpRequest, slug: str) -> HttpResponse:
    area = _area(slug)
    where = selectors.taking_applications(area)
    if where is not None and request.method == "POST":
        draft = services.start_draft(area, f.default_language())
        request.session[selectors.session_key(area)] = str(draft.pk)
        ctx = services.flow_context(where, draft)
        return HttpResponseRedirect(_where_next(area, flow.walk(ctx)))
    existing = selectors.draft_in_session(request, area) if where else None
    continue_url = None
    if existing is not None and where is not None:
        continue_url = (
            _url("apply_done", area)
            if existing.is_submitted
            else _where_next(area, flow.walk(services.flow_context(where, existing)))
        )
    presenter = AreaPagePresenter(area, policy=where.policy if where else None)
    return render(
        request,
        f"{TEMPLATES}/start.html",
        _base(
            area,
            where=where,
            continue_url=continue_url,
            submitted=existing is not None and existing.is_submitted,
            fallback=presenter.fallback(),
            timescales=where.policy.timescales if where else None,
        ),
    )


def _change_rows(answers: dict[str, Any], posted: Any) -> dict[str, Any]:
    """The answers after "Add another report" or a row's "Remove"."""
    rows = rows_in(answers, f.ROWS_FIELD, prefix=f.ROW_PREFIX)
    if "add_complaint" in posted:
        answers[f.ROWS_FIELD] = str(min(rows + 1, MAX_ROWS))
        return answers
    removed = str(posted.get("remove_complaint", ""))
    if not (removed.isascii() and removed.isdigit()) or not 1 <= int(removed) <= rows:
        # No such row (a forged button): nothing is removed, nothing typed is lost.
        return {**answers, f.ROWS_FIELD: str(rows)}
    if rows == 1:
        # Removing the only row empties it.
        return {k: v for k, v in answers.items() if not k.startswith(f.row_field(1, ""))}
    gone = int(removed)
    kept: dict[str, Any] = {}
    for key, value in answers.items():
        number, _, part = key.removeprefix("complaint_").partition("_")
        if not key.startswith("complaint_") or not number.isdigit() or int(number) < gone:
            kept[key] = value
        elif int(number) > gone:
            kept[f.row_field(int(number) - 1, part)] = value
    kept[f.ROWS_FIELD] = str(rows - 1)
    return kept


def _render_question(
    request: HttpRequest,
    loaded: Loaded,
    question: flow.Question,
    form: f.ApplyForm,
    ctx: f.FlowContext,
    *,
    change: bool,
) -> HttpResponse:
    area = loaded.area
    before = flow.previous(question, ctx)
    if change:
        back = _url("apply_check", area)
    elif before is not None:
        back = question_url(area, before)
    else:
        back = _url("apply", area)
    return render(
        request,
        question.template,
        _base(area, form=form, question=question, back_url=back, change=change),
    )


@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, slug: str, question: str) -> HttpResponse:
    asked = flow.question_by_slug(question)
    if asked is None:
        raise Http404("No such question")
    loaded = _load_unsent(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    area, draft = loaded.area, loaded.draft
    ctx = loaded.ctx()
    walk = flow.walk(ctx)
    if not walk.reaches(asked):
        # Not asked, or not yet: earlier questions come first.
        return HttpResponseRedirect(_where_next(area, walk))
    change = request.GET.get("change") == "1" or request.POST.get("change") == "1"

    if request.method != "POST":
        return _render_question(
            request, loaded, asked, flow.unbound(asked, ctx), ctx, change=change
        )

    posted = request.POST
    answers = flow.save_answers(asked, ctx, posted)
    if isinstance(asked.form_class(ctx=ctx), f.ComplaintsForm) and (
        "add_complaint" in posted or "remove_complaint" in posted
    ):
        # Not a submission: the page again with a row more or less and no error messages.
        answers = _change_rows(answers, posted)
        services.save_page(draft, answers)
        ctx = loaded.ctx()
        return _render_question(
            request, loaded, asked, flow.unbound(asked, ctx), ctx, change=change
        )
    services.save_page(draft, answers)
    ctx = loaded.ctx()
    if "save_for_later" in posted:
        return HttpResponseRedirect(_url("apply_save", area) + f"?from={asked.slug}")

    form = flow.bind(asked, ctx)
    if not form.is_valid():
        return _render_question(request, loaded, asked, form, ctx, change=change)
    if asked.stop is not None and asked.stop.when(ctx):
        return HttpResponseRedirect(reverse(asked.stop.url_name, kwargs={"slug": area.slug}))
    if change:
        return HttpResponseRedirect(_where_next(area, flow.walk(ctx)))
    after = flow.following(asked, ctx)
    return HttpResponseRedirect(
        question_url(area, after) if after is not None else _url("apply_check", area)
    )


def _service_problems(
    error: ValidationError, ctx: f.FlowContext, area: Area
) -> list[dict[str, str]]:
    """``case_receive``'s refusal as error-summary items, each linking to the page to fix."""
    found: list[dict[str, str]] = []
    errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    for name, messages in errors.items():
        if name == "repeat_of":
            # The earlier case's reference is not for whoever typed these details to see.
            found.append(
                {
                    "text": gettext(
                        "There is already an application about this victim that is still open, "
                        "so a new one cannot be started. Contact %(council)s about it."
                    )
                    % {"council": area.official_name}
                }
            )
            continue
        page = flow.question_for_service_field(name, ctx)
        for message in messages:
            if name == "material_change":
                message = gettext(
                    "An earlier application about this victim has been decided. Tell us what "
                    "has changed since then."
                )
            item = {"text": message}
            if page is not None:
                item["href"] = question_url(area, page, change=True)
            found.append(item)
    return found


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    loaded = _load_unsent(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    area, draft = loaded.area, loaded.draft
    ctx = loaded.ctx()
    walk = flow.walk(ctx)
    if not walk.complete:
        return HttpResponseRedirect(_where_next(area, walk))

    problems: list[dict[str, str]] = []
    form = f.SubmitForm(request.POST if request.method == "POST" else None, for_self=ctx.for_self)
    if request.method == "POST" and form.is_valid():
        if form.is_robot:
            form.add_error(
                f.HONEYPOT,
                gettext("The box labelled 'Leave this empty' must be left empty"),
            )
        elif not ratelimit.allow(request, ratelimit.SUBMIT):
            return _too_many(request, area)
        else:
            try:
                services.submit(loaded.where, draft)
            except ValidationError as error:
                problems = _service_problems(error, ctx, area)
            except services.NotComplete as incomplete:
                return HttpResponseRedirect(_where_next(area, incomplete.walk))
            except services.StillSubmitting:
                return render(
                    request, f"{TEMPLATES}/still_submitting.html", _base(area), status=409
                )
            else:
                return HttpResponseRedirect(_url("apply_done", area))
    return render(
        request,
        f"{TEMPLATES}/check.html",
        _base(
            area,
            form=form,
            sections=[
                (
                    section.title,
                    [
                        (row, question_url(area, question, change=True))
                        for question, rows in section.questions
                        for row in rows
                    ],
                )
                for section in flow.summary(ctx)
            ],
            problems=problems,
            has_errors=bool(problems),
            back_url=question_url(area, walk.asked[-1]) if walk.asked else _url("apply", area),
            for_self=ctx.for_self,
        ),
    )


def done(request: HttpRequest, slug: str) -> HttpResponse:
    loaded = _load(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    case = loaded.draft.case
    if case is None:
        return HttpResponseRedirect(_url("apply_check", loaded.area))
    acknowledge, decide = services.timescales(case)
    return render(
        request,
        f"{TEMPLATES}/done.html",
        _base(
            loaded.area,
            reference=case.reference,
            acknowledge_days=acknowledge,
            decision_days=decide,
            emailed_to=services.receipt_address(case),
        ),
    )


def _known_email(ctx: f.FlowContext, draft: ApplicationDraft) -> str:
    for candidate in (
        draft.resume_email,
        ctx.answer("applicant_email"),
        ctx.answer("victim_email"),
    ):
        if candidate and "@" in candidate:
            return candidate
    return ""


@require_http_methods(["GET", "POST"])
def save(request: HttpRequest, slug: str) -> HttpResponse:
    loaded = _load_unsent(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    area, draft = loaded.area, loaded.draft
    ctx = loaded.ctx()
    came_from = flow.question_by_slug(str(request.GET.get("from", "")))
    back = (
        question_url(area, came_from)
        if came_from is not None
        else _where_next(area, flow.walk(ctx))
    )
    if request.method == "POST":
        form = f.ResumeEmailForm(request.POST)
        if form.is_valid():
            if not ratelimit.allow(request, ratelimit.SEND_LINK):
                return _too_many(request, area)
            services.send_resume_link(draft, form.cleaned_data["email"])
            return HttpResponseRedirect(_url("apply_saved", area))
    else:
        form = f.ResumeEmailForm(initial={"email": _known_email(ctx, draft)})
    return render(request, f"{TEMPLATES}/save.html", _base(area, form=form, back_url=back))


def saved(request: HttpRequest, slug: str) -> HttpResponse:
    loaded = _load(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    return render(
        request,
        f"{TEMPLATES}/saved.html",
        _base(
            loaded.area,
            email=loaded.draft.resume_email,
            days=settings.RESUME_LINK_DAYS,
            continue_url=_where_next(loaded.area, flow.walk(loaded.ctx())),
        ),
    )


def resume(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    area = _area(slug)
    draft = links.read_resume_token(token)
    where = selectors.taking_applications(area)
    if draft is None or draft.area_id != area.pk or where is None:
        return render(request, f"{TEMPLATES}/resume_invalid.html", _base(area), status=404)
    request.session[selectors.session_key(area)] = str(draft.pk)
    # The link may be opened in a browser that has never seen the service: it carries on in
    # the language the person was using when they asked for it.
    if draft.is_submitted:
        return remember_language(HttpResponseRedirect(_url("apply_done", area)), draft.language)
    next_page = _where_next(area, flow.walk(services.flow_context(where, draft)))
    return remember_language(HttpResponseRedirect(next_page), draft.language)


def _stopped(
    request: HttpRequest, slug: str, stop: flow.Stop
) -> tuple[Loaded, f.FlowContext] | HttpResponse:
    loaded = _load(request, slug)
    if isinstance(loaded, HttpResponse):
        return loaded
    ctx = loaded.ctx()
    walk = flow.walk(ctx)
    if walk.stopped_at is None or walk.stopped_at.stop is not stop:
        return HttpResponseRedirect(_where_next(loaded.area, walk))
    return loaded, ctx


def not_covered(request: HttpRequest, slug: str) -> HttpResponse:
    found = _stopped(request, slug, flow.NOT_COVERED)
    if isinstance(found, HttpResponse):
        return found
    loaded, ctx = found
    area = loaded.area
    return render(
        request,
        f"{TEMPLATES}/not_covered.html",
        _base(
            area,
            reason=ctx.answer("about"),
            change_url=question_url(area, flow.BY_SLUG["screening"]),
            police_force=area.police_force,
            in_wales=area.nation == Nation.WALES,
        ),
    )


def consent_needed(request: HttpRequest, slug: str) -> HttpResponse:
    found = _stopped(request, slug, flow.NO_CONSENT)
    if isinstance(found, HttpResponse):
        return found
    loaded, _ctx = found
    area = loaded.area
    return render(
        request,
        f"{TEMPLATES}/consent_needed.html",
        _base(area, change_url=question_url(area, flow.BY_SLUG["consent"])),
    )
