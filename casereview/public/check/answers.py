"""The answers to the eligibility check, kept in the person's session and nowhere else.

Nothing is written to the database: the check is anonymous and its answers go to no one. One
check is kept at a time (for one area), so the session stays small whatever is posted. What the
session holds is read back defensively: anything that is not exactly what ``save_*`` wrote (an
old format, a tampered cookie store, another area) reads as "no answers yet", which sends the
person back to the questions instead of failing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

from casereview.core.forms.rows import MAX_ROWS
from casereview.public.check.selectors import CheckArea

SESSION_KEY = "public_check"
# The choice for a complaint made to someone who is not one of the area's relevant bodies.
SOMEONE_ELSE = "someone-else"


@dataclass(frozen=True)
class ComplaintAnswer:
    happened: dt.date
    reported: dt.date
    # A relevant body's primary key as text, or SOMEONE_ELSE.
    body: str
    diary_sheet: bool = False


@dataclass(frozen=True)
class Answers:
    complaints: tuple[ComplaintAnswer, ...]
    apply_on: dt.date | None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _complaint(value: object, place: CheckArea) -> ComplaintAnswer | None:
    if not isinstance(value, Mapping):
        return None
    happened, reported = _date(value.get("happened")), _date(value.get("reported"))
    body, diary = value.get("body"), value.get("diary_sheet", False)
    if happened is None or reported is None or reported < happened:
        return None
    # The questions accept no date after the day they were answered; a later one was not
    # written by them (and would take the rules' date arithmetic off the calendar).
    if reported > timezone.localdate():
        return None
    if not isinstance(body, str) or not isinstance(diary, bool):
        return None
    # A body the area no longer lists (or never did) cannot be explained: ask again.
    if body != SOMEONE_ELSE and place.body_name(body) is None:
        return None
    return ComplaintAnswer(happened, reported, body, diary)


def load(session: SessionBase, place: CheckArea) -> Answers | None:
    """The answers given for this area, or None when there are none that can be trusted."""
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, Mapping) or stored.get("slug") != place.area.slug:
        return None
    raw = stored.get("complaints")
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_ROWS:
        return None
    complaints = [_complaint(item, place) for item in raw]
    if any(item is None for item in complaints):
        return None
    apply_on = stored.get("apply_on")
    return Answers(
        complaints=tuple(item for item in complaints if item is not None),
        apply_on=_date(apply_on) if apply_on is not None else None,
    )


def save_complaints(
    session: SessionBase, place: CheckArea, complaints: Sequence[ComplaintAnswer]
) -> None:
    """Keep the complaints, and the date already given if the check is for the same area."""
    previous = load(session, place)
    stored: dict[str, Any] = {
        "slug": place.area.slug,
        "complaints": [
            {
                "happened": item.happened.isoformat(),
                "reported": item.reported.isoformat(),
                "body": item.body,
                "diary_sheet": item.diary_sheet,
            }
            for item in complaints
        ],
    }
    if previous is not None and previous.apply_on is not None:
        stored["apply_on"] = previous.apply_on.isoformat()
    session[SESSION_KEY] = stored


def save_apply_on(session: SessionBase, place: CheckArea, apply_on: dt.date) -> None:
    stored = session.get(SESSION_KEY)
    if isinstance(stored, Mapping):
        session[SESSION_KEY] = {**stored, "apply_on": apply_on.isoformat()}


def forget(session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)
