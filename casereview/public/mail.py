"""E-mails to people without an account (links, confirmations), in their language.

``queue_email`` enqueues the sending for after the current transaction commits, so an e-mail
never goes about something that was rolled back. The message is rendered by the worker from a
pair of templates, ``public/email/<name>_subject.txt`` and ``public/email/<name>.txt``, inside
the recipient's language; the context is plain strings so that it can be stored with the task.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def render_email(name: str, context: dict[str, str], language: str) -> tuple[str, str]:
    """The subject (one line) and plain-text body of e-mail ``name`` in ``language``."""
    full = {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"public/email/{name}_subject.txt", full)
        body = render_to_string(f"public/email/{name}.txt", full)
    return " ".join(subject.split()), body


@task()
def send_email(to: str, name: str, context: dict[str, str], language: str) -> str:
    subject, body = render_email(name, context, language)
    EmailMessage(subject=subject, body=body, to=[to]).send()
    return f"Sent {name} e-mail"


def queue_email(*, to: str, name: str, context: dict[str, str], language: str) -> None:
    transaction.on_commit(
        lambda: send_email.enqueue(to=to, name=name, context=context, language=language)
    )
