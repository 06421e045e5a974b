"""Background work of letters (django-tasks, database backend, run by ``manage.py db_worker``).

- ``write_letters(case_id, step)``: write the letters a step caused, then queue each new e-mail.
- ``send_letter(letter_id)``: e-mail one letter with its PDF attached. The attempt is claimed
  with a conditional update of the letter's row (``services.claim_for_sending``), which holds
  the row's lock until the send is recorded, so a letter is never sent twice, even by two
  workers at once or by a retried task after it succeeded.

The e-mail itself is a short covering note: the letter is the attachment. The note names the
council and the case reference and nothing else about the case, and it is checked for
restricted data like the letter.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
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
    for letter in result.written:
        if letter.status == DeliveryStatus.WAITING:
            send_letter.enqueue(letter.pk)
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
    )
    message.attach(attachment_name(letter, "pdf"), bytes(letter.pdf), "application/pdf")
    return message


@task()
def send_letter(letter_id: int) -> str:
    """E-mail one letter (module docstring). Returns the letter's delivery status afterwards."""
    with transaction.atomic():
        if not services.claim_for_sending(letter_id):
            # Sent already, posted, or gone: nothing to do.
            return "skipped"
        letter = Letter.objects.select_related("case__area").get(pk=letter_id)
        try:
            if not letter.recipient_email:
                raise ValueError(_("The letter has no e-mail address to send to."))
            build_message(letter).send(fail_silently=False)
        except Exception as error:  # any failure of the network or the server is recorded
            logger.warning("E-mailing letter %s failed: %s", letter_id, error)
            services.record_failure(letter_id, f"{type(error).__name__}: {error}")
            return DeliveryStatus.FAILED
        services.record_sent(letter_id)
    return DeliveryStatus.SENT
