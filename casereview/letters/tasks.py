"""Background work of letters (django-tasks, database backend, run by ``manage.py db_worker``).

- ``write_letters(case_id, step)``: write the letters a step caused, then queue each new e-mail.
- ``send_letter(letter_id)``: e-mail one letter with its PDF attached, exactly once as far as
  SMTP allows (below).

Exactly once. Sending a letter is three steps:

1. ``services.record_attempt`` counts the attempt and commits, so an attempt cut short (the
   worker killed) is still on the record (``attempts`` above the number of failures);
2. the SMTP connection is opened (connect, EHLO, log in) *before* any lock is taken;
3. in one transaction, ``services.claim_for_sending`` locks the letter's row if it is still
   unsent (a conditional UPDATE: a row lock on PostgreSQL, the write lock on SQLite), the
   message is handed to the server, and ``services.record_sent`` marks it sent; the commit
   follows at once. QUIT comes after the commit.

A second task for the same letter (two workers, a task enqueued again, a worker restarted and
recovered by ``casereview.core.tasks_recovery``) waits for that lock, then finds the letter sent
and sends nothing. A worker killed before the server's "250" for the message loses nothing: its
transaction rolls back, the server discards the unfinished message, and the task recovered later
sends the letter. The one window that remains is between the server's "250" and the commit a
few milliseconds later: a worker killed exactly there leaves a letter delivered but unrecorded,
and the recovered task sends it again. The design bounds that: the worker sends one letter at a
time, so one kill costs at most one duplicate, and every attempt of a letter carries the same
``Message-ID`` (``message_id``), so the copy is detectable as such, and mail clients that collapse
duplicates show it once. Closing the window entirely would need the mail server to take part in
the transaction (or an idempotency key of its own), which SMTP does not offer.

The e-mail itself is a short covering note: the letter is the attachment. The note names the
council and the case reference and nothing else about the case, and it is checked for
restricted data like the letter.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from casereview.cases.models import Case
from casereview.letters import services
from casereview.letters.models import DeliveryStatus, Letter

logger = logging.getLogger(__name__)


@task()
def write_letters(case_id: int, step: str) -> list[int]:
    """Write the letters ``step`` caused on the case; queue the e-mails. Returns new letter ids."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        logger.warning("Letters for step %s: case %s no longer exists", step, case_id)
        return []
    result = services.write_letters(case, step)
    # Every unsent e-mail of the step, not only those written now: a run of this task cut short
    # after storing letters but before queueing their e-mails is run again by the recovery
    # (``casereview.core.tasks_recovery``), finds the letters stored, and must still send them.
    # A letter queued twice is sent once (``send_letter``).
    for letter_id in services.unsent_emails(case, step):
        send_letter.enqueue(letter_id)
    return [letter.pk for letter in result.written]


def attachment_name(letter: Letter, extension: str) -> str:
    """``EHE-2026-0001-ct1.pdf``; letters of one kind to several recipients add the recipient's
    part of the key (``...-ct3-applicant.pdf``, ``...-information_request-hertfordshire.pdf``)."""
    suffix = letter.key.replace(":", "-")
    return f"{letter.case.reference}-{suffix}.{extension}"


def covering_note(letter: Letter) -> str:
    """The plain-text body of the e-mail that carries a letter, in the letter's language."""
    area = letter.case.area
    council = area.official_name or area.name
    with translation.override(letter.language):
        lines = [
            _("Dear %(name)s,") % {"name": letter.recipient_name},
            "",
            _(
                "Please find attached a letter from %(council)s about the ASB Case Review "
                "with reference %(reference)s."
            )
            % {"council": council, "reference": letter.case.reference},
            "",
        ]
        if area.contact_email or area.contact_phone:
            contact = " / ".join(item for item in (area.contact_email, area.contact_phone) if item)
            lines += [
                _("If you have any questions, reply to this e-mail or contact us: %(contact)s.")
                % {"contact": contact},
                "",
            ]
        lines += [council]
    return "\n".join(lines)


def message_id(letter: Letter) -> str:
    """The letter's own ``Message-ID``, the same on every attempt to send it, so a copy sent
    twice (the window in the module docstring) is recognisably the same message. The letter's
    id and the moment it was written make it unique; the service's host name makes it ours."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    written = letter.created_at.strftime("%Y%m%d%H%M%S%f")
    return f"<letter.{letter.pk}.{written}@{host}>"


def build_message(letter: Letter) -> EmailMessage:
    area = letter.case.area
    body = covering_note(letter)
    if letter.is_victim_facing:
        services.check_no_restricted_data(letter.case, letter.key, letter.subject, body)
    message = EmailMessage(
        subject=letter.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[letter.recipient_email],
        reply_to=[area.contact_email] if area.contact_email else None,
        headers={"Message-ID": message_id(letter)},
    )
    message.attach(attachment_name(letter, "pdf"), bytes(letter.pdf), "application/pdf")
    return message


@task()
def send_letter(letter_id: int) -> str:
    """E-mail one letter exactly once (module docstring). Returns what happened: the letter's
    delivery status afterwards, or "skipped" when it needed no e-mail (sent, posted, gone)."""
    if not services.record_attempt(letter_id):
        return "skipped"
    letter = Letter.objects.select_related("case__area").get(pk=letter_id)
    connection = get_connection(fail_silently=False)
    try:
        if not letter.recipient_email:
            raise ValueError(_("The letter has no e-mail address to send to."))
        message = build_message(letter)
        # Connected and greeted before the lock is taken: the lock lasts one DATA exchange.
        connection.open()
        with transaction.atomic():
            if not services.claim_for_sending(letter_id):
                # Sent by another task while this one was connecting.
                return "skipped"
            connection.send_messages([message])
            services.record_sent(letter_id)
    except Exception as error:  # any failure of the network or the server is recorded
        logger.warning("E-mailing letter %s failed: %s", letter_id, error)
        services.record_failure(letter_id, f"{type(error).__name__}: {error}")
        return DeliveryStatus.FAILED
    finally:
        close_quietly(connection)
    return DeliveryStatus.SENT


def close_quietly(connection: BaseEmailBackend) -> None:
    """QUIT after the commit; a server gone by then changes nothing about the letter."""
    try:
        connection.close()
    except Exception as error:  # the letter is recorded already: only worth a note
        logger.info("Closing the mail connection failed: %s", error)
