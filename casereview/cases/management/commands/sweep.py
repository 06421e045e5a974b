"""``manage.py sweep [--date YYYY-MM-DD] [--every SECONDS]``: queue the deadline reminders and
overdue alerts due today (see ``casereview.cases.sweep``). Safe to run twice and in parallel.

Production runs it once a day from a timer; ``make run`` runs it every few minutes with
``--every`` beside the development server.
"""

from __future__ import annotations

import math
import time
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from casereview.cases.sweep import sweep
from casereview.core.health import record_sweep_run
from casereview.core.tasks_recovery import recover_abandoned_tasks
from casereview.privacy.services import apply_retention
from casereview.rules import CalendarError, parse_iso_date


class Command(BaseCommand):
    help = "Queue the e-mail reminders and overdue alerts for the deadlines of open cases."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--date",
            help="Sweep as if today were this date, written YYYY-MM-DD (default: today).",
        )
        parser.add_argument(
            "--every",
            type=str,
            metavar="SECONDS",
            help="Keep running, sweeping again every SECONDS seconds (for development).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"] is not None:
            try:
                day = parse_iso_date(options["date"].strip())
            except ValueError as exc:
                raise CommandError(
                    f"--date: {exc}. Write the date as YYYY-MM-DD, for example 2026-12-24."
                ) from None
        every = self._interval(options["every"])
        if every is not None and day is not None:
            raise CommandError("--date and --every cannot be used together.")
        if every is None:
            self._sweep_once(day)
            return
        try:
            while True:
                try:
                    self._sweep_once(None)
                except (CommandError, DatabaseError) as exc:
                    # A busy database (SQLite locked by a long write) is tried again next
                    # time rather than ending the loop beside the development server.
                    self.stderr.write(f"Sweep failed, trying again in {every:g}s: {exc}")
                time.sleep(every)
        except KeyboardInterrupt:
            self.stdout.write("Sweep loop stopped.")

    def _interval(self, value: str | None) -> float | None:
        if value is None:
            return None
        try:
            seconds = float(value)
        except ValueError:
            seconds = 0.0
        if not (math.isfinite(seconds) and seconds >= 1):
            raise CommandError(f"--every: {value!r} is not a number of seconds (1 or more).")
        return seconds

    def _sweep_once(self, day: date | None) -> None:
        today = day or timezone.localdate()
        try:
            result = sweep(today)
        except CalendarError as exc:
            raise CommandError(f"Cannot sweep for {today.isoformat()}: {exc}.") from None
        self.stdout.write(f"Sweep for {today.isoformat()}: {result.summary()}")
        # Tasks a killed worker left running are queued again (or marked lost) on every sweep.
        recovery = recover_abandoned_tasks()
        if recovery.requeued or recovery.lost:
            self.stdout.write(f"Recovery: {recovery.summary()}.")
        # Closed cases past their area's retention period are anonymised, stale drafts deleted.
        retention = apply_retention(today)
        if retention.cases or retention.drafts_deleted:
            self.stdout.write(
                f"Retention: {len(retention.cases)} case(s) anonymised, "
                f"{retention.drafts_deleted} unsubmitted application(s) deleted."
            )
        # The health check reports when the sweep last ran.
        record_sweep_run()
        # Seen at once in a log when the loop runs in the background.
        self.stdout.flush()
