"""``manage.py working_days --from YYYY-MM-DD --add N [--nation NATION] [--explain]``.

Prints the due date (YYYY-MM-DD) N working days after the date given, and with ``--explain``
where counting began and each day skipped, and why. Exit status 2 on bad input, with one
``error: OPTION: MESSAGE`` line per problem on standard error.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from casereview.rules import NATIONS, ContractError
from casereview.rules.contract import working_days

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "Add working days to a date, skipping weekends and the nation's bank holidays."

    def add_arguments(self, parser: ArgumentParser) -> None:
        # Read as text and checked by the rules contract, so that errors match the API's.
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="date received")
        parser.add_argument("--add", metavar="N", help="number of working days")
        parser.add_argument(
            "--nation",
            default="england-wales",
            help=f"whose bank holidays: {', '.join(NATIONS)} (default england-wales)",
        )
        parser.add_argument(
            "--explain", action="store_true", help="also print the days skipped and why"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            _, due = working_days(
                options["start"],
                options["add"],
                options["nation"],
                names={"from": "--from", "add": "--add", "nation": "--nation"},
            )
        except ContractError as exc:
            for error in exc.errors:
                self.stderr.write(f"error: {error}")
            raise SystemExit(EXIT_BAD_INPUT) from None
        self.stdout.write(due.due.isoformat())
        if options["explain"]:
            for line in due.explain():
                self.stdout.write(line)
