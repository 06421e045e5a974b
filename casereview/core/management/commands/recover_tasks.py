"""``manage.py recover_tasks [--stale-after MINUTES]``: put back in the queue the tasks a killed
worker left "running" (see ``casereview.core.tasks_recovery``).

Run it before each worker starts (the worker's service unit: ``ExecStartPre``); the sweep runs
it too. ``--stale-after 0`` takes every running task for abandoned: use it only when no worker
is running, as when the one worker of a small deployment is being restarted.
"""

from __future__ import annotations

import math
from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from casereview.core.tasks_recovery import recover_abandoned_tasks


class Command(BaseCommand):
    help = "Queue again (or mark lost) the background tasks a stopped worker left running."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--stale-after",
            metavar="MINUTES",
            help=(
                "Take a task running for longer than this for abandoned "
                "(default: TASKS_STALE_AFTER_MINUTES, 15)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        older_than = self._minutes(options["stale_after"])
        recovery = recover_abandoned_tasks(older_than)
        self.stdout.write(f"Recovery: {recovery.summary()}.")

    def _minutes(self, value: str | None) -> timedelta | None:
        if value is None:
            return None
        try:
            minutes = float(value)
        except ValueError:
            minutes = -1.0
        if not (math.isfinite(minutes) and minutes >= 0):
            raise CommandError(f"--stale-after: {value!r} is not a number of minutes (0 or more).")
        return timedelta(minutes=minutes)
