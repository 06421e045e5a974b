"""Background work of the review (django-tasks, database backend, run by ``manage.py db_worker``).

- ``send_invitations(meeting_id)``: invite the chair and each panel member with an e-mail
  address to the meeting: a briefing note on the purpose and format of the review (reference
  procedure section 12), the calendar entry (``calendar.meeting_ics``) and, when it can be
  rendered, the panel's agenda.
- ``send_minutes(meeting_id)``: send the chair and each panel member the minutes and the action
  plan (the panel's versions, as PDF).

Invitations go once per arrangement of the meeting. Arranging the meeting again replaces its
panel rows (``services.review_schedule_meeting``), so a member's ``invited_at`` says whether
they have had the invitation for the arrangement as it stands. The meeting's row stays locked
while the e-mails go and each member's result is written in the same transaction, so a second
run of the task (a duplicate, a retry) waits, then finds them invited and sends nothing again.

Every recipient is someone on the panel, who may see restricted data; even so the e-mails name
only the case reference and the area, never the victim or the people alleged responsible:
the papers carry the case, marked OFFICIAL-SENSITIVE.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from casereview.cases.models import Case, CaseEvent
from casereview.cases.workflow import Step
from casereview.core.formatting import govuk_date, govuk_datetime
from casereview.reviews.calendar import meeting_ics
from casereview.reviews.models import Meeting, PanelMember
from casereview.rules import policy_from_dict

logger = logging.getLogger(__name__)

ICS_CONTENT_TYPE = "text/calendar; method=REQUEST"
PDF = "application/pdf"
INVITATION_TEMPLATE = "reviews/email/invitation"
MINUTES_TEMPLATE = "reviews/email/minutes"
NO_EMAIL = "No e-mail address: invite them another way."


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    is_chair: bool = False


def arrangement_sequence(meeting: Meeting) -> int:
    """How many times ``meeting`` was arranged before its current arrangement (0 the first
    time): the SEQUENCE of its calendar entry, from the case's ``schedule_meeting`` events."""
    arranged = CaseEvent.objects.filter(
        case_id=meeting.case_id, step=Step.SCHEDULE_MEETING, data__meeting=meeting.number
    ).count()
    return max(arranged - 1, 0)


def panel_document(case: Case, kind: str) -> Attachment | None:
    """The panel's version of a document of the case as a PDF, or None when it cannot be had
    (the documents module is not deployed, or the document does not exist yet)."""
    try:
        from casereview.reviews.documents import (
            DocumentNotAvailable,
            document_filename,
            render_document,
        )
    except ImportError:
        logger.info("Documents are not available: %s of %s not attached", kind, case.reference)
        return None
    try:
        content = render_document(case, kind, "panel", "pdf")
    except DocumentNotAvailable:
        logger.info("The %s of %s is not available yet", kind, case.reference)
        return None
    return Attachment(document_filename(case, kind, "panel", "pdf"), content, PDF)


def _render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject (one line) and plain-text body of an e-mail from its pair of templates."""
    subject = render_to_string(f"{template}_subject.txt", context)
    body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def _sender_context(case: Case) -> dict[str, Any]:
    area = case.area
    return {
        "reference": case.reference,
        "area_name": area.name,
        "council": area.official_name or area.name,
        "contact": " / ".join(item for item in (area.contact_email, area.contact_phone) if item),
    }


def _message(
    case: Case, recipient: Recipient, subject: str, body: str, attachments: list[Attachment]
) -> EmailMessage:
    contact = case.area.contact_email
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        reply_to=[contact] if contact else None,
    )
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def _send(connection: BaseEmailBackend, message: EmailMessage) -> str:
    """Send one message; the error as text when it fails ("" when it went)."""
    try:
        connection.send_messages([message])
    except Exception as error:  # any failure of the network or the server is recorded
        return f"{type(error).__name__}: {error}"[:300]
    return ""


def invitation(
    meeting: Meeting,
    recipient: Recipient,
    *,
    sequence: int,
    attachments: list[Attachment],
) -> EmailMessage:
    """The invitation of one person to ``meeting``: the briefing note, with the attachments."""
    case = meeting.case
    timescales = policy_from_dict(case.policy.rules).timescales
    context = {
        **_sender_context(case),
        "recipient_name": recipient.name,
        "is_chair": recipient.is_chair,
        "rearranged": sequence > 0,
        "when": govuk_datetime(meeting.starts_at),
        "duration_minutes": meeting.duration_minutes,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "chair_name": meeting.chair_name,
        "chair_organisation": meeting.chair_organisation,
        "victim_invited": meeting.victim_invited,
        "victim_part_minutes": meeting.victim_part_minutes,
        "agenda_attached": any(a.mimetype == PDF for a in attachments),
        "minutes_working_days": timescales.minutes_working_days,
        "outcome_working_days": timescales.outcome_working_days,
    }
    subject, body = _render(INVITATION_TEMPLATE, context)
    return _message(case, recipient, subject, body, attachments)


def _locked_meeting(meeting_id: int) -> Meeting | None:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("case__area", "case__policy")
        .filter(pk=meeting_id)
        .first()
    )


@task()
def send_invitations(meeting_id: int) -> dict[str, int]:
    """Invite the chair and the panel to the meeting as it is now arranged, each person once
    (module docstring). Returns how many invitations went, failed and were skipped."""
    result = {"sent": 0, "failed": 0, "skipped": 0}
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        meeting = _locked_meeting(meeting_id)
        if meeting is None or meeting.held_on is not None or meeting.case.is_final:
            # Gone, already held, or the case ended: an invitation would only confuse.
            return result
        case = meeting.case
        members = list(meeting.panel.select_related("agency"))
        for member in members:
            if not member.email and not member.invitation_error:
                member.invitation_error = NO_EMAIL
                member.save(update_fields=["invitation_error"])
                result["skipped"] += 1
        recipients: list[tuple[Recipient, PanelMember | None]] = []
        if meeting.chair_email and meeting.chair_invited_at is None:
            recipients.append((Recipient(meeting.chair_name, meeting.chair_email, True), None))
        recipients += [
            (Recipient(m.name, m.email), m) for m in members if m.email and m.invited_at is None
        ]
        if not recipients:
            return result

        sequence = arrangement_sequence(meeting)
        attachments = [
            Attachment(
                f"{case.reference}-meeting-{meeting.number}.ics",
                meeting_ics(meeting, sequence=sequence),
                ICS_CONTENT_TYPE,
            )
        ]
        agenda = panel_document(case, "agenda")
        if agenda is not None:
            attachments.append(agenda)
        # Each send opens its own connection, so a server that is down fails each recipient
        # (recorded against them) rather than the whole task.
        connection = get_connection()
        for recipient, row in recipients:
            message = invitation(meeting, recipient, sequence=sequence, attachments=attachments)
            error = _send(connection, message)
            result["failed" if error else "sent"] += 1
            if error:
                logger.warning(
                    "Invitation to %s for meeting %s failed: %s",
                    recipient.email,
                    meeting_id,
                    error,
                )
            if row is not None:
                row.invited_at = None if error else timezone.now()
                row.invitation_error = error
                row.save(update_fields=["invited_at", "invitation_error"])
            else:
                meeting.chair_invited_at = None if error else timezone.now()
                meeting.chair_invitation_error = error
                meeting.save(update_fields=["chair_invited_at", "chair_invitation_error"])
    return result


@task()
def send_minutes(meeting_id: int) -> dict[str, int]:
    """E-mail the chair and every panel member with an address the minutes and the action plan
    of the meeting (the panel's versions, as PDF). Nothing goes unless both documents can be
    rendered: minutes without their action plan would be half the record."""
    result = {"sent": 0, "failed": 0}
    with translation.override(settings.LANGUAGE_CODE):
        meeting = (
            Meeting.objects.select_related("case__area", "case__policy")
            .filter(pk=meeting_id)
            .first()
        )
        if meeting is None or meeting.held_on is None:
            return result
        case = meeting.case
        documents = [panel_document(case, "minutes"), panel_document(case, "action-plan")]
        attachments = [document for document in documents if document is not None]
        if len(attachments) < len(documents):
            logger.error(
                "Minutes of %s not sent: the minutes or the action plan cannot be rendered",
                case.reference,
            )
            return result
        recipients = []
        if meeting.chair_email:
            recipients.append(Recipient(meeting.chair_name, meeting.chair_email, True))
        recipients += [Recipient(m.name, m.email) for m in meeting.panel.all() if m.email]
        base = {
            **_sender_context(case),
            "held_on": govuk_date(meeting.held_on),
            "plan_final": meeting.plan_finalised_on is not None,
        }
        connection = get_connection()
        for recipient in recipients:
            subject, body = _render(MINUTES_TEMPLATE, {**base, "recipient_name": recipient.name})
            error = _send(connection, _message(case, recipient, subject, body, attachments))
            result["failed" if error else "sent"] += 1
            if error:
                logger.warning(
                    "Minutes of %s to %s failed: %s", case.reference, recipient.email, error
                )
    return result
