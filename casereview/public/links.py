"""Signed links for people without an account.

Two kinds, each signed with its own salt so that one can never be used as the other:

- a *tracking link* opens the private tracking page of one case for one e-mail address. It stops
  working after ``TRACKING_LINK_DAYS``, or at once when that address is no longer the victim's or
  the applicant's on the case;
- a *resume link* reopens one unsubmitted application draft, for the address it was sent to,
  for ``RESUME_LINK_DAYS``.

The address is carried as a keyed hash, so a link shows nothing about the person.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core import signing

from casereview.cases.models import Case
from casereview.public.models import ApplicationDraft

TRACK_SALT = "casereview.public.track"
RESUME_SALT = "casereview.public.resume"


def email_hash(email: str) -> str:
    """A keyed, case-insensitive hash of an e-mail address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:32]


def tracking_emails(case: Case) -> list[str]:
    """The addresses that may track ``case``: the victim's and the applicant's."""
    return [e for e in (case.victim_email, case.applicant_email) if e.strip()]


def tracking_token(case: Case, email: str) -> str:
    return signing.TimestampSigner(salt=TRACK_SALT).sign_object(
        {"c": case.pk, "e": email_hash(email)}
    )


def read_tracking_token(token: str) -> tuple[Case, str] | None:
    """The case and the address hash a tracking link is for, or None when the link is not
    genuine, has expired, or its address is no longer on the case."""
    max_age = settings.TRACKING_LINK_DAYS * 24 * 60 * 60
    try:
        data = signing.TimestampSigner(salt=TRACK_SALT).unsign_object(token, max_age=max_age)
        case = Case.objects.select_related("area").get(pk=int(data["c"]))
        address = str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, Case.DoesNotExist):
        return None
    if address not in {email_hash(e) for e in tracking_emails(case)}:
        return None
    return case, address


def resume_token(draft: ApplicationDraft) -> str:
    return signing.TimestampSigner(salt=RESUME_SALT).sign_object(
        {"d": str(draft.pk), "e": email_hash(draft.resume_email)}
    )


def read_resume_token(token: str) -> ApplicationDraft | None:
    """The draft a resume link is for, or None when the link is not genuine, has expired, or was
    sent to an address the draft no longer has. A submitted draft is returned too: the caller
    shows its confirmation rather than the questions."""
    max_age = settings.RESUME_LINK_DAYS * 24 * 60 * 60
    try:
        data = signing.TimestampSigner(salt=RESUME_SALT).unsign_object(token, max_age=max_age)
        draft = ApplicationDraft.objects.select_related("area").get(pk=str(data["d"]))
        address = str(data["e"])
    except (
        signing.BadSignature,
        KeyError,
        TypeError,
        ValueError,
        ApplicationDraft.DoesNotExist,
    ):
        return None
    if not draft.resume_email or address != email_hash(draft.resume_email):
        return None
    return draft


def absolute(path: str) -> str:
    """``path`` on the service's public address, for links in e-mails."""
    return settings.SITE_URL.rstrip("/") + path
