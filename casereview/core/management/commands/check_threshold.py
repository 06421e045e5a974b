"""``manage.py check_threshold FILE``: the threshold-check contract from the command line.

Reads the request JSON from FILE (``-`` for standard input) and prints the result JSON. Exit
status 0 on success; 2 on bad input, with one ``error: FIELD (complaint ID): MESSAGE`` line per
problem on standard error. The exit is a SystemExit(2) rather than a CommandError so that the
error lines are printed exactly as the contract gives them, without Django's prefix.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from casereview.areas.selectors import current_local_policy
from casereview.rules import AreaLookupFailed, ContractError, LocalPolicy
from casereview.rules.contract import check_threshold

EXIT_BAD_INPUT = 2


def policy_for_area(gss_code: str) -> LocalPolicy | None:
    try:
        return current_local_policy(gss_code)
    except DatabaseError as exc:
        # A database that is missing or not migrated is a set-up problem, not a traceback.
        raise AreaLookupFailed("the area directory is not available (run migrate?)") from exc


class Command(BaseCommand):
    help = (
        "Check complaints against the Case Review threshold. FILE holds the request JSON "
        "(see the threshold-check contract); '-' reads standard input."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE", help="request JSON file, or - for stdin")

    def _fail(self, lines: list[str]) -> NoReturn:
        for line in lines:
            self.stderr.write(f"error: {line}")
        raise SystemExit(EXIT_BAD_INPUT)

    def _read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        try:
            return Path(name).read_text(encoding="utf-8")
        except FileNotFoundError:
            self._fail([f"{name}: no such file"])
        except IsADirectoryError:
            self._fail([f"{name}: is a directory, not a file"])
        except UnicodeDecodeError:
            self._fail([f"{name}: is not UTF-8 text"])
        except OSError as exc:
            self._fail([f"{name}: cannot be read ({exc.strerror})"])

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["file"]
        text = self._read(name)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            source = "standard input" if name == "-" else name
            self._fail([f"{source}: not valid JSON ({exc})"])
        try:
            result = check_threshold(data, policy_for_area=policy_for_area)
        except ContractError as exc:
            self._fail([str(error) for error in exc.errors])
        self.stdout.write(json.dumps(result, indent=2))
