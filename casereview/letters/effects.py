"""The letters' side effect of a case's steps: queue the writing of the letters a step caused.

Rendering a letter (PDF and Word) takes a moment, so it never happens inside the web request
that took the step: the handler only queues ``tasks.write_letters`` for a worker.
"""

from __future__ import annotations

from casereview.cases.effects import handles
from casereview.letters.services import LETTER_STEPS
from casereview.letters.tasks import write_letters


@handles(*LETTER_STEPS)
def queue_letters(case_id: int, step: str) -> None:
    write_letters.enqueue(case_id, str(step))
