"""Progress e-mails: after each step the applicant should hear about, one short e-mail saying
what happened, with a fresh link to the tracking page.

The handler runs after the step's transaction has committed (``casereview.cases.effects``). It
writes one ``ProgressEmail`` for the step's event (unique on the event, so a handler run twice
writes nothing the second time) and queues ``tasks.send_progress_email`` to send it. Letters
still go separately, from the letters app: the e-mail only says there is news.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from casereview.cases.effects import handles
from casereview.public.models import ProgressEmail
from casereview.public.track import selectors
from casereview.public.track.progress import STEP_SENTENCES

# The steps the applicant hears about by e-mail. Not ``receive``: the application's own receipt
# e-mail says that. Not the steps that only record what the victim said or did with staff (their
# voice, their comment, a call), nor those about partners, the panel's minutes or single actions
# (an update to an action the victim may not see must not reveal that it exists).
PROGRESS_STEPS: tuple[str, ...] = tuple(STEP_SENTENCES)


@handles(*PROGRESS_STEPS)
def queue_progress_email(case_id: int, step: str) -> None:
    # Imported here: the tasks module's worker imports this one's app at start-up.
    from casereview.public.track.tasks import send_progress_email

    case = selectors.case_by_id(case_id)
    if case is None:
        return
    event = selectors.latest_event(case, step)
    to = selectors.progress_address(case)
    if event is None or not to:
        return
    try:
        with transaction.atomic():
            progress, created = ProgressEmail.objects.get_or_create(
                event=event, defaults={"case": case, "to": to, "language": case.language}
            )
            if created:
                # In the same transaction as the row, so a row is never left without its task.
                send_progress_email.enqueue(progress.pk)
    except IntegrityError:
        # Another run of this handler wrote the row (and queued its task) first.
        return
