"""Figures in tests: cases built through the real service functions on frozen days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count

import time_machine

from casereview.areas.models import Area
from casereview.cases.services import Victim
from casereview.publishing.figures import Figures
from casereview.publishing.periods import Period
from casereview.publishing.statistics.compute import compute_figures
from tests.cases.helpers import at, victim

_numbers = count(1)


def someone() -> Victim:
    """A victim no earlier case has (a repeat of an open case of the same victim is refused)."""
    n = next(_numbers)
    return victim(f"Victim Number{n}", email=f"victim{n}@example.test", phone=f"07700 9{n:05d}")


@contextmanager
def on(day: dt.date) -> Iterator[dt.date]:
    """The clock frozen at ten in the morning of ``day``."""
    with time_machine.travel(at(day.year, day.month, day.day), tick=False):
        yield day


def figures(area: Area, slug: str) -> Figures:
    period = Period.from_slug(slug)
    assert period is not None, slug
    return compute_figures(area, period)
