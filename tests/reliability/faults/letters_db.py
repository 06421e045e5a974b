"""The database side of the killed-worker test, run in a subprocess against a real file (or
PostgreSQL) database that the test's workers share: the pytest database is in memory.

    python -m tests.reliability.faults.letters_db seed N     # N cases acknowledged by e-mail
    python -m tests.reliability.faults.letters_db requeue [ID]  # every e-mail again (but ID's)
    python -m tests.reliability.faults.letters_db report     # the letters and tasks as JSON

``seed`` builds the cases through the real workflow: each acknowledgement's side effect queues
``write_letters``, whose run writes the CT1 and queues its e-mail, exactly as in service.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django_tasks_db.models import DBTaskResult  # noqa: E402

from casereview.accounts.models import Role  # noqa: E402
from casereview.cases.services import case_acknowledge  # noqa: E402
from casereview.letters.models import Letter  # noqa: E402
from casereview.letters.tasks import message_id, send_letter  # noqa: E402
from tests.cases.helpers import receive, victim  # noqa: E402
from tests.factories import make_area, make_policy, make_user  # noqa: E402


def recipient(n: int) -> str:
    return f"victim{n}@example.test"


def seed(count: int) -> None:
    area = make_area("Faultshire", contact_email="asb@faultshire.test")
    make_policy(area)
    coordinator = make_user("coordinator@faultshire.test", Role.COORDINATOR, area)
    for n in range(count):
        case = receive(
            area,
            coordinator,
            # Different people (name, e-mail, phone), or the screening sees a repeat application.
            victim=victim(
                f"Victim {n}",
                email=recipient(n),
                phone=f"07700 9{n:05d}",
                preferred_contact="email",
            ),
        )
        case_acknowledge(case, by=coordinator, on=case.received_on)


def requeue(leave_out: int | None) -> None:
    """Queue every letter's e-mail once more, as a task delivered twice would; all but the
    letter ``leave_out``."""
    for letter_id in Letter.objects.order_by("pk").values_list("pk", flat=True):
        if letter_id != leave_out:
            send_letter.enqueue(letter_id)


def report() -> None:
    letters = Letter.objects.select_related("case").order_by("pk")
    json.dump(
        {
            "running_tasks": DBTaskResult.objects.running().count(),
            "letters": [
                {
                    "id": letter.pk,
                    "to": letter.recipient_email,
                    "status": letter.status,
                    "attempts": letter.attempts,
                    "message_id": message_id(letter),
                }
                for letter in letters
            ],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    action = sys.argv[1]
    if action == "seed":
        seed(int(sys.argv[2]))
    elif action == "requeue":
        requeue(int(sys.argv[2]) if len(sys.argv) > 2 else None)
    elif action == "report":
        report()
    else:
        raise SystemExit(f"unknown action {action!r}: seed N, requeue or report")
