"""Background tasks of the cases context (django-tasks, run by ``manage.py db_worker``)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django_tasks import task

from casereview.cases.models import DeadlineKind, DeadlineNotice, NoticeKind

logger = logging.getLogger(__name__)

TEMPLATES = {
    NoticeKind.REMINDER: "cases/email/deadline_reminder",
    NoticeKind.OVERDUE: "cases/email/deadline_overdue",
}
AGENCY_TEMPLATE = "cases/email/information_due_agency"
ACTION_TEMPLATE = "cases/email/action_due_agency"


def _render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject (one line) and plain-text body of an e-mail from its pair of templates."""
    subject = render_to_string(f"{template}_subject.txt", context)
    body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def _why_not_send(notice: DeadlineNotice) -> str:
    """Why a claimed notice no longer needs its e-mail, or "" when it still does."""
    deadline = notice.deadline
    if deadline.met_on is not None:
        return "The deadline was met before the e-mail went."
    if deadline.due_on != notice.due_on:
        return "The deadline was recomputed to another due date before the e-mail went."
    if deadline.case.is_final:
        return "The case ended before the e-mail went."
    if notice.kind == NoticeKind.REMINDER and timezone.localdate() > notice.due_on:
        return "The due date passed before the reminder went; the overdue alert follows."
    if not notice.recipients and not notice.agency_email:
        return "Nobody to send it to: the case has no SPOC and its area no coordinator."
    return ""


def build_messages(notice: DeadlineNotice) -> list[EmailMessage]:
    """The e-mails of ``notice``: one to each member of staff and, for a reminder that a
    relevant body's information is due, one to that body.

    The staff e-mail names the case, the step, the due date, how it was computed and the case
    page. The body's e-mail carries the case reference and the due date only: nothing about
    the victim or the people alleged responsible leaves the service this way.
    """
    deadline = notice.deadline
    case = deadline.case
    request = deadline.information_request
    action = deadline.action
    context = {
        "service_name": settings.SERVICE_NAME,
        "reference": case.reference,
        "area_name": case.area.name,
        "step": DeadlineKind(deadline.kind).label,
        "due_on": dateformat.format(notice.due_on, "l j F Y"),
        "rule": deadline.explanation.get("rule", ""),
        "explanation": deadline.explanation.get("lines", []),
        "agency_name": request.agency.name if request is not None else "",
        "action": action.description if action is not None else "",
        "overdue": notice.kind == NoticeKind.OVERDUE,
        "case_url": settings.SITE_URL.rstrip("/")
        + reverse("cases:case", kwargs={"reference": case.reference}),
    }
    from_email = settings.DEFAULT_FROM_EMAIL
    messages: list[EmailMessage] = []
    subject, body = _render(TEMPLATES[NoticeKind(notice.kind)], context)
    messages.extend(EmailMessage(subject, body, from_email, [to]) for to in notice.recipients)
    if notice.agency_email and action is not None:
        action_context = {
            key: context[key]
            for key in ("service_name", "reference", "area_name", "due_on", "action", "overdue")
        }
        action_context["agency_name"] = action.owner.name
        subject, body = _render(ACTION_TEMPLATE, action_context)
        messages.append(EmailMessage(subject, body, from_email, [notice.agency_email]))
    elif notice.agency_email:
        agency_context = {
            key: context[key]
            for key in ("service_name", "reference", "area_name", "due_on", "agency_name")
        }
        subject, body = _render(AGENCY_TEMPLATE, agency_context)
        messages.append(EmailMessage(subject, body, from_email, [notice.agency_email]))
    return messages


@task()
def send_deadline_notice(notice_id: int) -> str:
    """Send the e-mails of one claimed notice, once.

    The notice row stays locked while they are sent and is marked sent in the same transaction,
    so a second run (a duplicate task, a notice enqueued again by the sweep) waits, then finds
    it sent and sends nothing. If sending fails, nothing is marked and the task fails; a later
    sweep enqueues it again.
    """
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        notice = (
            DeadlineNotice.objects.select_for_update(of=("self",))
            .select_related(
                "deadline__case__area",
                "deadline__information_request__agency",
                "deadline__action__owner",
            )
            .filter(pk=notice_id)
            .first()
        )
        if notice is None:
            # Its deadline went (the case ended), and the notice with it.
            return "gone"
        if notice.is_settled:
            return "already sent" if notice.sent_at else "cancelled"
        reason = _why_not_send(notice)
        if reason:
            notice.cancelled_reason = reason
            notice.save(update_fields=["cancelled_reason"])
            logger.info("Deadline notice %s not sent: %s", notice.pk, reason)
            return "cancelled"
        messages = build_messages(notice)
        with get_connection() as connection:
            connection.send_messages(messages)
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return "sent"
