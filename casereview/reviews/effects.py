"""The review's side effects of a case's steps: queue the e-mails to the panel.

Building the e-mails (a calendar entry, the papers as PDF) and talking to the mail server take
a while and can fail, so the handlers only queue the tasks in ``casereview.reviews.tasks``
for a worker; the step itself is already stored when they run.
"""

from __future__ import annotations

from casereview.cases.effects import handles
from casereview.cases.workflow import Step
from casereview.reviews.models import Meeting
from casereview.reviews.tasks import send_invitations, send_minutes


def _latest_meeting_id(case_id: int) -> int | None:
    return (
        Meeting.objects.filter(case_id=case_id)
        .order_by("-number")
        .values_list("pk", flat=True)
        .first()
    )


@handles(Step.SCHEDULE_MEETING)
def queue_invitations(case_id: int, step: str) -> None:
    meeting_id = _latest_meeting_id(case_id)
    if meeting_id is not None:
        send_invitations.enqueue(meeting_id)


@handles(Step.CIRCULATE_MINUTES)
def queue_minutes(case_id: int, step: str) -> None:
    meeting_id = _latest_meeting_id(case_id)
    if meeting_id is not None:
        send_minutes.enqueue(meeting_id)
