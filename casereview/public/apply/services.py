"""Writing the online application: starting a draft, keeping each page's answers, and
submitting it through the same ``case_receive`` as staff entry, exactly once.

Exactly once: the request that submits first claims the draft with a conditional UPDATE
(``submitting_at`` from empty to now) in the same transaction as ``case_receive``. A second
press of the button, or a request re-sent after a dropped connection, finds the draft claimed,
waits for the first to commit, and returns the case it made. If ``case_receive`` refuses the
application the transaction rolls back, claim included, so the person can fix it and try again.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from casereview.areas.models import Area
from casereview.audit.log import record_batch
from casereview.cases.models import Case, Channel, Language
from casereview.cases.services import Applicant, Victim, case_receive
from casereview.core.formatting import govuk_date
from casereview.public import links
from casereview.public.apply import flow
from casereview.public.apply import forms as f
from casereview.public.apply.selectors import ApplyArea
from casereview.public.mail import queue_email
from casereview.public.models import ApplicationDraft
from casereview.rules import policy_from_dict

# How long a second submission waits for the first one's transaction to finish.
WAIT_SECONDS = 10.0
WAIT_STEP = 0.1


class NotComplete(Exception):
    """The application has a question still to answer (or stopped at a screening answer)."""

    def __init__(self, walk: flow.Walk) -> None:
        super().__init__("The application is not complete")
        self.walk = walk


class StillSubmitting(Exception):
    """Another request is submitting this draft and has not finished yet."""


def start_draft(area: Area, language: str) -> ApplicationDraft:
    return ApplicationDraft.objects.create(area=area, language=language)


def save_page(draft: ApplicationDraft, answers: Mapping[str, Any]) -> None:
    """Keep the answers, as typed. A submitted draft is never changed."""
    draft.answers = dict(answers)
    draft.updated_at = timezone.now()
    if ApplicationDraft.objects.filter(pk=draft.pk, case__isnull=True).update(
        answers=draft.answers, updated_at=draft.updated_at
    ):  # a queryset update sends no signal: recorded here, by field name only
        record_batch(
            None,
            draft.area_id,
            f"public.applicationdraft {draft.pk} changed: answers",
            "public.applicationdraft",
        )


def set_resume_email(draft: ApplicationDraft, email: str) -> None:
    """Tie the draft's resume link to ``email``, and to the language the person is using now,
    which the link's pages and e-mail are then in."""
    draft.resume_email = email.strip()
    language = (translation.get_language() or draft.language).split("-")[0]
    if language in Language.values:
        draft.language = language
    ApplicationDraft.objects.filter(pk=draft.pk).update(
        resume_email=draft.resume_email, language=draft.language
    )
    record_batch(
        None,
        draft.area_id,
        f"public.applicationdraft {draft.pk} changed: resume_email, language",
        "public.applicationdraft",
    )


def flow_context(where: ApplyArea, draft: ApplicationDraft) -> f.FlowContext:
    return flow.context_for(where.area, where.policy, where.bodies, draft.answers or {})


def _cleaned(ctx: f.FlowContext) -> tuple[dict[str, Any], f.ComplaintsForm | None]:
    """Every asked question's cleaned answers, and the complaints form; NotComplete unless
    every question is answered and none stopped the application."""
    walk = flow.walk(ctx)
    if not walk.complete:
        raise NotComplete(walk)
    cleaned: dict[str, Any] = {}
    complaints = None
    for question in walk.asked:
        form = flow.bind(question, ctx)
        form.is_valid()
        cleaned.update(form.cleaned_data)
        if isinstance(form, f.ComplaintsForm):
            complaints = form
    return cleaned, complaints


def _description(cleaned: Mapping[str, Any], complaints: f.ComplaintsForm | None) -> str:
    """The behaviour as the person described it, with when it started, its impact and the
    reports they could not date underneath, each under a heading."""
    parts = [str(cleaned["asb_description"]).strip()]
    if str(cleaned.get("started") or "").strip():
        parts.append(gettext("When it started: %(when)s") % {"when": cleaned["started"].strip()})
    if str(cleaned.get("impact") or "").strip():
        parts.append(gettext("How it is affecting the victim:") + "\n" + cleaned["impact"].strip())
    undated = complaints.undated() if complaints is not None else []
    if undated:
        lines = [gettext("Also reported (dates not known):")]
        for agency, reference, behaviour, reported in undated:
            facts = [agency.name]
            if behaviour:
                facts.append(gettext("happened on %(date)s") % {"date": govuk_date(behaviour)})
            if reported:
                facts.append(gettext("reported on %(date)s") % {"date": govuk_date(reported)})
            if reference:
                facts.append(gettext("reference %(reference)s") % {"reference": reference})
            lines.append("- " + ", ".join(facts))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def application(ctx: f.FlowContext) -> dict[str, Any]:
    """``case_receive``'s keyword arguments (besides area, by, channel and received_on) from a
    complete application's answers."""
    cleaned, complaints = _cleaned(ctx)
    language = cleaned.get("language") or f.default_language()
    victim = Victim(
        name=cleaned["victim_name"],
        kind=cleaned["victim_kind"],
        address=cleaned.get("victim_address", ""),
        postcode=cleaned.get("victim_postcode", ""),
        email=cleaned.get("victim_email", ""),
        phone=cleaned.get("victim_phone", ""),
        preferred_contact=cleaned["preferred_contact"],
        language=language,
        vulnerability_notes=cleaned.get("vulnerability_notes", ""),
        support_needs=cleaned.get("support_needs", ""),
    )
    applicant = None
    if not ctx.for_self:
        applicant = Applicant(
            name=cleaned["applicant_name"],
            relationship=cleaned["applicant_relationship"],
            email=cleaned.get("applicant_email", ""),
            phone=cleaned.get("applicant_phone", ""),
            address=cleaned.get("applicant_address", ""),
            consent_given_how=cleaned.get("consent_given_how", ""),
            consent_given_on=cleaned.get("consent_given_on"),
        )
    # The headings go into the case in the person's language, beside their own words.
    with translation.override(language):
        description = _description(cleaned, complaints)
    return {
        "victim": victim,
        "applicant": applicant,
        "asb_description": description,
        "location": cleaned.get("location", ""),
        "alleged_responsible": cleaned.get("alleged_responsible", ""),
        "complaints": complaints.complaint_inputs() if complaints is not None else [],
        "material_change": cleaned.get("material_change", ""),
    }


def submit(where: ApplyArea, draft: ApplicationDraft) -> Case:
    """Store the application as a case, once. Raises ``NotComplete`` for an unfinished
    application, ``ValidationError`` (from ``case_receive``) for one the service refuses, and
    ``StillSubmitting`` when another request is still storing it."""
    if draft.case_id is not None:
        return _case_of(draft)
    inputs = application(flow_context(where, draft))
    with transaction.atomic():
        claimed = ApplicationDraft.objects.filter(pk=draft.pk, submitting_at__isnull=True).update(
            submitting_at=timezone.now()
        )
        if claimed:
            case = case_receive(
                where.area,
                by=None,
                channel=Channel.ONLINE,
                received_on=timezone.localdate(),
                **inputs,
            )
            ApplicationDraft.objects.filter(pk=draft.pk).update(
                case=case, updated_at=timezone.now()
            )
            record_batch(
                None,
                case.area_id,
                f"public.applicationdraft {draft.pk} submitted as {case.reference}",
                "public.applicationdraft",
                case=case,
            )
            draft.case = case
            _queue_received_email(case)
            return case
    return _wait_for_case(draft)


def _case_of(draft: ApplicationDraft) -> Case:
    case = draft.case
    assert case is not None
    return case


def _wait_for_case(draft: ApplicationDraft) -> Case:
    """The case another request made of ``draft``, once its transaction commits."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        fresh = ApplicationDraft.objects.select_related("case").get(pk=draft.pk)
        if fresh.case is not None:
            draft.case = fresh.case
            return fresh.case
        if fresh.submitting_at is None:
            # The other request was refused and rolled back: this one may try again.
            raise StillSubmitting()
        if time.monotonic() > deadline:
            raise StillSubmitting()
        time.sleep(WAIT_STEP)


def receipt_address(case: Case) -> str:
    """Where the receipt goes: the applicant's e-mail, or the victim's when they applied."""
    if case.applicant_is_victim:
        return case.victim_email.strip()
    return case.applicant_email.strip()


def timescales(case: Case) -> tuple[int, int]:
    """Working days to acknowledge and to decide, from the case's policy."""
    t = policy_from_dict(case.policy.rules).timescales
    return t.acknowledge_working_days, t.decision_working_days


def _queue_received_email(case: Case) -> None:
    to = receipt_address(case)
    if not to:
        return
    acknowledge, decide = timescales(case)
    track = reverse("public:track_open", kwargs={"token": links.tracking_token(case, to)})
    area = case.area
    queue_email(
        to=to,
        name="apply_received",
        language=case.language,
        context={
            "reference": case.reference,
            "area_name": area.name,
            "council_name": area.official_name,
            "acknowledge_days": str(acknowledge),
            "decision_days": str(decide),
            "tracking_url": links.absolute(track),
            "tracking_days": str(settings.TRACKING_LINK_DAYS),
            "contact_email": area.contact_email,
            "contact_phone": area.contact_phone,
        },
    )


def send_resume_link(draft: ApplicationDraft, email: str) -> None:
    """E-mail a link that reopens ``draft``, to ``email`` (which the link is then tied to)."""
    set_resume_email(draft, email)
    path = reverse(
        "public:apply_resume",
        kwargs={"slug": draft.area.slug, "token": links.resume_token(draft)},
    )
    queue_email(
        to=draft.resume_email,
        name="apply_resume",
        language=draft.language,
        context={
            "area_name": draft.area.name,
            "council_name": draft.area.official_name,
            "resume_url": links.absolute(path),
            "days": str(settings.RESUME_LINK_DAYS),
        },
    )
