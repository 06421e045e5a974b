"""Synthetic complaint sets shaped like real ones: most complaints about separate days, some
incidents reported to several agencies, some late reports, some diary sheets, spread over
eighteen months before the application."""

from __future__ import annotations

import random
from datetime import date, timedelta

from casereview.rules import Complaint, ComplaintKind

APPLICATION_DATE = date(2026, 3, 1)
AGENCIES = ("council", "police", "housing", "health")


def complaints(n: int, *, seed: int = 2014) -> list[Complaint]:
    """``n`` complaints, the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    first_day = APPLICATION_DATE - timedelta(days=540)
    items: list[Complaint] = []
    for index in range(n):
        behaviour = first_day + timedelta(days=rng.randrange(540))
        # Mostly prompt reports, with a long tail of late ones.
        delay = min(int(rng.expovariate(1 / 6)), (APPLICATION_DATE - behaviour).days)
        # About one in five complaints shares an incident with others.
        incident = f"i{rng.randrange(n // 10 + 1)}" if rng.random() < 0.2 else ""
        items.append(
            Complaint(
                id=f"c{index}",
                behaviour_date=behaviour,
                reported_date=behaviour + timedelta(days=delay),
                agency=rng.choice(AGENCIES),
                incident=incident,
                kind=ComplaintKind.DIARY_SHEET if rng.random() < 0.1 else ComplaintKind.COMPLAINT,
            )
        )
    return items
