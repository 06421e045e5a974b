"""Sending progress e-mails (django-tasks, run by ``manage.py db_worker``).

``send_progress_email`` claims its ``ProgressEmail`` with a conditional update (which holds the
row's write lock until the transaction ends, on SQLite and PostgreSQL alike) before sending, and
marks it sent in the same transaction: a task run twice, or by two workers at once, sends once.
A failure is recorded on the row (attempts, failure) and the task ends normally: nothing is
raised into the worker, and the tracking page still shows the news.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from casereview.core.formatting import govuk_date
from casereview.letters.services import check_no_restricted_data
from casereview.public import links
from casereview.public.mail import render_email
from casereview.public.models import ProgressEmail
from casereview.public.track import selectors
from casereview.public.track.progress import STEP_SENTENCES

logger = logging.getLogger(__name__)

TEMPLATE = "progress_update"


class NotSendable(Exception):
    """A progress e-mail that must not go (its address left the case, or its text would show
    restricted data)."""


def build_message(progress: ProgressEmail) -> EmailMessage:
    """The e-mail of ``progress``, in its language: the reference, one sentence of what happened
    and when, and a fresh link to the tracking page for the address it goes to."""
    case = progress.case
    if progress.to.strip().lower() not in {e.strip().lower() for e in links.tracking_emails(case)}:
        raise NotSendable("The address is no longer the victim's or the applicant's on the case.")
    area = case.area
    link = links.absolute(
        reverse("public:track_open", kwargs={"token": links.tracking_token(case, progress.to)})
    )
    with translation.override(progress.language):
        context = {
            "reference": case.reference,
            "happened": str(STEP_SENTENCES.get(progress.event.step, "")),
            "happened_on": govuk_date(progress.event.at),
            "link": link,
            "link_days": str(settings.TRACKING_LINK_DAYS),
            "council": area.official_name or area.name,
            "contact": " / ".join(
                item for item in (area.contact_email, area.contact_phone) if item
            ),
        }
    subject, body = render_email(TEMPLATE, context, progress.language)
    check_no_restricted_data(case, f"progress:{progress.event_id}", subject, body)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[progress.to],
        reply_to=[area.contact_email] if area.contact_email else None,
    )


@task()
def send_progress_email(progress_id: int) -> str:
    """Send one progress e-mail, once (module docstring). Returns what happened."""
    with transaction.atomic():
        claimed = ProgressEmail.objects.filter(pk=progress_id, sent_at=None).update(
            attempts=F("attempts") + 1
        )
        if not claimed:
            return "skipped"
        progress = selectors.progress_email(progress_id)
        assert progress is not None  # claimed just above, inside this transaction
        try:
            build_message(progress).send(fail_silently=False)
        except Exception as error:  # the network, the mail server, or a refusal above
            logger.warning("Progress e-mail %s not sent: %s", progress_id, error)
            ProgressEmail.objects.filter(pk=progress_id).update(
                failure=f"{type(error).__name__}: {error}"[:2000]
            )
            return "failed"
        ProgressEmail.objects.filter(pk=progress_id).update(sent_at=timezone.now(), failure="")
    return "sent"
