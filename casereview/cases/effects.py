"""The hook point for side effects of a step (letters, e-mails, notifications).

Service functions schedule ``after_step(case_id, step)`` with ``transaction.on_commit``, so a
handler runs only once the step is safely stored, and never for a step that was rolled back.
Apps register handlers for the steps they care about::

    @handles(Step.ACKNOWLEDGE)
    def send_acknowledgement(case_id: int, step: str) -> None: ...

A handler receives the case's id, not the object, and reads what it needs afresh. A handler that
fails is logged and does not stop the others: the step has already happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)

Handler = Callable[[int, str], None]

# Step value -> handlers, in registration order. ``None`` holds handlers for every step.
_handlers: dict[str | None, list[Handler]] = {}


def register(handler: Handler, *steps: str) -> Handler:
    """Run ``handler`` after each of ``steps`` (after every step when none are given).
    Registering the same handler for a step twice has no further effect."""
    for step in steps or (None,):
        found = _handlers.setdefault(step, [])
        if handler not in found:
            found.append(handler)
    return handler


def unregister(handler: Handler) -> None:
    """Stop running ``handler`` for any step."""
    for found in _handlers.values():
        while handler in found:
            found.remove(handler)


def handles(*steps: str) -> Callable[[Handler], Handler]:
    """Decorator form of ``register``."""

    def decorate(handler: Handler) -> Handler:
        return register(handler, *steps)

    return decorate


def handlers_for(step: str) -> list[Handler]:
    return [*_handlers.get(step, []), *_handlers.get(None, [])]


def after_step(case_id: int, step: str) -> None:
    """Run every handler registered for ``step`` (called after the step's transaction commits)."""
    for handler in handlers_for(step):
        try:
            handler(case_id, step)
        except Exception:
            logger.exception("Side effect %r of step %s on case %s failed", handler, step, case_id)


def schedule_after_step(case_id: int, step: str) -> None:
    """Arrange for ``after_step`` to run when the current transaction commits."""
    transaction.on_commit(partial(after_step, case_id, step))
