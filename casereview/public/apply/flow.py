"""The online application as data: its questions in order, each with its slug, form, template,
the condition on earlier answers under which it is asked, where it stops the application (a
screening answer the Case Review does not cover, a victim who has not agreed), its section on
"Check your answers", and the names the case service gives its fields (so a refusal can link to
the page to fix).

One view serves every question (``views.question``); ``walk`` works out, from the answers so far,
which questions are asked, the first one not yet answered, and whether the application stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.datastructures import MultiValueDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from casereview.areas.models import Agency, Area
from casereview.public.apply import forms as f
from casereview.rules import LocalPolicy

Condition = Callable[[f.FlowContext], bool]


def always(ctx: f.FlowContext) -> bool:
    return True


def for_someone_else(ctx: f.FlowContext) -> bool:
    return not ctx.for_self


def consent_asked(ctx: f.FlowContext) -> bool:
    return f.needs_consent(ctx)


def consent_given(ctx: f.FlowContext) -> bool:
    return f.needs_consent(ctx) and ctx.answer("consent") == f.YES


def screening_asked(ctx: f.FlowContext) -> bool:
    # An area whose policy lists nothing as not suitable has nothing to screen for.
    return bool(ctx.policy.exclusions)


def applied_before(ctx: f.FlowContext) -> bool:
    return ctx.answer("applied_before") == f.YES


@dataclass(frozen=True)
class Stop:
    """An answer after which the application cannot go on: the page that explains why."""

    when: Callable[[f.FlowContext], bool]
    url_name: str


@dataclass(frozen=True)
class Question:
    slug: str
    form_class: type[f.ApplyForm]
    template: str
    section: Promise
    condition: Condition = always
    stop: Stop | None = None
    # The case service's names for what this page asks (``case_receive``'s error keys).
    service_fields: tuple[str, ...] = ()

    def applies(self, ctx: f.FlowContext) -> bool:
        return self.condition(ctx)


def _template(slug: str) -> str:
    return f"public/apply/questions/{slug}.html"


BEFORE_YOU_START = _("Before you start")
ABOUT_YOU = _("About you")
THE_VICTIM = _("The victim")
THE_BEHAVIOUR = _("The behaviour")
REPORTS = _("Reporting the behaviour")
SUPPORT = _("Support and earlier applications")
CONTACT = _("Contact")

NOT_COVERED = Stop(lambda ctx: ctx.answer("about") != f.NONE_OF_THESE, "public:apply_not_covered")
NO_CONSENT = Stop(lambda ctx: ctx.answer("consent") == f.NO, "public:apply_consent_needed")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "screening", f.ScreeningForm, _template("screening"), BEFORE_YOU_START,
        condition=screening_asked, stop=NOT_COVERED,
    ),
    Question("who", f.WhoForm, _template("who"), BEFORE_YOU_START),
    Question(
        "your-details", f.ApplicantForm, _template("your-details"), ABOUT_YOU,
        condition=for_someone_else, service_fields=("applicant_name", "applicant_relationship"),
    ),
    Question(
        "your-contact-details", f.ApplicantContactForm, _template("your-contact-details"),
        ABOUT_YOU, condition=for_someone_else, service_fields=("applicant_email",),
    ),
    Question(
        "consent", f.ConsentForm, _template("consent"), ABOUT_YOU,
        condition=consent_asked, stop=NO_CONSENT,
    ),
    Question(
        "consent-details", f.ConsentDetailsForm, _template("consent-details"), ABOUT_YOU,
        condition=consent_given, service_fields=("consent_given_how", "consent_given_on"),
    ),
    Question(
        "victim-type", f.VictimKindForm, _template("victim-type"), THE_VICTIM,
        service_fields=("victim_kind",),
    ),
    Question(
        "victim-name", f.VictimNameForm, _template("victim-name"), THE_VICTIM,
        service_fields=("victim_name",),
    ),
    Question("victim-address", f.VictimAddressForm, _template("victim-address"), THE_VICTIM),
    Question(
        "victim-contact-details", f.VictimContactForm, _template("victim-contact-details"),
        THE_VICTIM, service_fields=("victim_email",),
    ),
    Question(
        "behaviour", f.BehaviourForm, _template("behaviour"), THE_BEHAVIOUR,
        service_fields=("asb_description",),
    ),
    Question("where-and-when", f.WhereWhenForm, _template("where-and-when"), THE_BEHAVIOUR),
    Question("impact", f.ImpactForm, _template("impact"), THE_BEHAVIOUR),
    Question("responsible", f.ResponsibleForm, _template("responsible"), THE_BEHAVIOUR),
    Question(
        "reports", f.ComplaintsForm, _template("reports"), REPORTS,
        service_fields=("complaints",),
    ),
    Question("support", f.SupportForm, _template("support"), SUPPORT),
    Question("applied-before", f.AppliedBeforeForm, _template("applied-before"), SUPPORT),
    Question(
        "what-changed", f.WhatChangedForm, _template("what-changed"), SUPPORT,
        condition=applied_before, service_fields=("material_change",),
    ),
    Question(
        "contact-preference", f.ContactPreferenceForm, _template("contact-preference"),
        CONTACT, service_fields=("preferred_contact",),
    ),
    Question(
        "language", f.LanguageForm, _template("language"), CONTACT,
        service_fields=("language",),
    ),
)  # fmt: skip

BY_SLUG: dict[str, Question] = {question.slug: question for question in QUESTIONS}


def question_by_slug(slug: str) -> Question | None:
    return BY_SLUG.get(slug)


def context_for(
    area: Area, policy: LocalPolicy, bodies: list[Agency], answers: Mapping[str, Any]
) -> f.FlowContext:
    return f.FlowContext(area=area, policy=policy, bodies=bodies, answers=answers)


def bind(question: Question, ctx: f.FlowContext) -> f.ApplyForm:
    """The question's form bound to the stored answers."""
    return question.form_class(f.answers_as_data(ctx.answers), ctx=ctx)


def unbound(question: Question, ctx: f.FlowContext) -> f.ApplyForm:
    """The question's form showing the stored answers (or its defaults) with no error messages,
    for a page not yet submitted."""
    blank = question.form_class(ctx=ctx)
    stored = {key: ctx.answers[key] for key in blank.answer_keys() if key in ctx.answers}
    # A page never answered shows its defaults (the language page: the page's language).
    data = stored or blank.defaults()
    typed = question.form_class(f.answers_as_data(data), ctx=ctx)
    initial = {
        name: item.widget.value_from_datadict(typed.data, MultiValueDict(), name)
        for name, item in typed.fields.items()
    }
    form = question.form_class(ctx=ctx)
    form.initial = initial
    return form


def save_answers(
    question: Question, ctx: f.FlowContext, posted: Mapping[str, Any]
) -> dict[str, Any]:
    """The draft's answers with this page's part replaced by what was posted (as typed). Keys
    the page no longer has (a removed row) go; keys of other pages are kept."""
    form = question.form_class(posted, ctx=ctx)
    answers = {key: value for key, value in ctx.answers.items() if not form.owns_key(key)}
    for key in form.answer_keys():
        answers[key] = f.stored_text(posted.get(key, ""))
    return answers


@dataclass(frozen=True)
class Walk:
    """Where an application stands: the questions asked so far (in order, up to the first one
    not answered), that first unanswered one, and the question whose answer stopped it."""

    asked: tuple[Question, ...]
    unanswered: Question | None
    stopped_at: Question | None

    @property
    def complete(self) -> bool:
        return self.unanswered is None and self.stopped_at is None

    def reaches(self, question: Question) -> bool:
        return question in self.asked


def answered(question: Question, ctx: f.FlowContext) -> bool:
    """Whether the page has been answered: submitted at least once (a page of optional
    questions is not answered until the person has seen it) and valid."""
    form = bind(question, ctx)
    return any(key in ctx.answers for key in form.answer_keys()) and form.is_valid()


def walk(ctx: f.FlowContext) -> Walk:
    asked: list[Question] = []
    for question in QUESTIONS:
        if not question.applies(ctx):
            continue
        asked.append(question)
        if not answered(question, ctx):
            return Walk(tuple(asked), question, None)
        if question.stop is not None and question.stop.when(ctx):
            return Walk(tuple(asked), None, question)
    return Walk(tuple(asked), None, None)


def previous(question: Question, ctx: f.FlowContext) -> Question | None:
    """The question asked before ``question``, for its back link."""
    before = QUESTIONS[: QUESTIONS.index(question)]
    asked = [q for q in before if q.applies(ctx)]
    return asked[-1] if asked else None


def following(question: Question, ctx: f.FlowContext) -> Question | None:
    """The question asked after ``question`` given the answers now."""
    for later in QUESTIONS[QUESTIONS.index(question) + 1 :]:
        if later.applies(ctx):
            return later
    return None


def question_for_service_field(name: str, ctx: f.FlowContext) -> Question | None:
    """The page that asks what the case service calls ``name``, among those asked."""
    for question in QUESTIONS:
        if name in question.service_fields and question.applies(ctx):
            return question
    if name == "material_change":
        # Nobody said they applied before, but the council has an earlier decided case.
        return BY_SLUG["applied-before"]
    return None


@dataclass(frozen=True)
class Section:
    title: str
    questions: list[tuple[Question, list[f.SummaryRow]]]


def summary(ctx: f.FlowContext) -> list[Section]:
    """ "Check your answers", grouped by section, for a complete application."""
    sections: dict[str, Section] = {}
    for question in walk(ctx).asked:
        form = bind(question, ctx)
        form.is_valid()
        title = str(question.section)
        section = sections.setdefault(title, Section(title, []))
        section.questions.append((question, form.summary()))
    return list(sections.values())
