"""Dates and times written the GOV.UK way: "1 January 2026", "9am", "2:30pm", "midday".

Month names come from Django's translations, so Welsh pages read "1 Ionawr 2026".
Aware datetimes are shown in the service's time zone (Europe/London).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def govuk_date(value: dt.date | dt.datetime | None) -> str:
    """``1 January 2026``; an empty string for no date, so templates need no guard."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return _date_in(value, get_language())


@lru_cache(maxsize=8192)
def _date_in(value: dt.date, language: str | None) -> str:
    """One date written in one language, kept: a case page writes some hundred dates, many of
    them the same few days, and Django's ``dateformat`` costs some 15 µs a call. The month
    name depends only on the language, which is part of the key (the active one: the caller
    runs with it active), so a kept string is the one ``dateformat`` would give again."""
    return dateformat.format(value, "j F Y")


def govuk_time(value: dt.datetime | dt.time | None) -> str:
    """``9am``, ``2:30pm``, ``midday`` or ``midnight`` (the GOV.UK style guide's forms)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).time()
    if value.hour == 0 and value.minute == 0:
        return gettext("midnight")
    if value.hour == 12 and value.minute == 0:
        return gettext("midday")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.minute:
        return f"{hour}:{value.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def govuk_datetime(value: dt.datetime | None) -> str:
    """``1 January 2026 at 2:30pm``."""
    if value is None:
        return ""
    return gettext("%(date)s at %(time)s") % {
        "date": govuk_date(value),
        "time": govuk_time(value),
    }
