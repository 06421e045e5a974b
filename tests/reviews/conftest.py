"""Fixtures of the review tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casereview.cases import effects
from casereview.public.track.notify import PROGRESS_STEPS, queue_progress_email


@pytest.fixture
def without_progress_emails() -> Iterator[None]:
    """The applicant's progress e-mails switched off, for tests that count the panel's e-mails
    (the progress e-mails have their own tests in tests/public/track)."""
    effects.unregister(queue_progress_email)
    try:
        yield
    finally:
        effects.register(queue_progress_email, *PROGRESS_STEPS)
