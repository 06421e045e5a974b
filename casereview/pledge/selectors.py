"""Reads of PLEDGE self-assessments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PledgeResult:
    """An area's latest completed self-assessment, as the directory shows it."""

    area_id: int
    completed_on: dt.date
    percentage: int


def completed_results(area_ids: Iterable[int]) -> dict[int, PledgeResult]:
    """The latest completed self-assessment of each of ``area_ids`` that has one."""
    return {}
