"""The calendar entry (iCalendar, RFC 5545) sent with the invitations to a review meeting.

One entry per meeting: its UID never changes, and its SEQUENCE rises each time the meeting is
arranged again, so the calendars that accepted the first invitation move the entry instead of
adding a second one (RFC 5546, iTIP ``REQUEST``).

The entry goes to people outside the council's systems and sits in their calendars for good,
so it says only what they need to turn up: the case reference, the area, when and where. Never
the victim's name or address, and never restricted data about the people alleged responsible.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from casereview.reviews.models import Meeting

PRODID = "-//ASB Case Review//casereview//EN"
METHODS = frozenset({"REQUEST", "CANCEL", "PUBLISH"})


def meeting_uid(meeting: Meeting) -> str:
    """The entry's UID: the same for every invitation to this meeting, unique to this service."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"casereview-meeting-{meeting.pk}@{host}"


def meeting_summary(meeting: Meeting) -> str:
    return f"ASB Case Review {meeting.case.reference}"


def meeting_location(meeting: Meeting) -> str:
    """The place, or the link to join by video when there is no place."""
    return meeting.place or meeting.video_link


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(address or settings.DEFAULT_FROM_EMAIL, cn=name or None)


def _attendees(meeting: Meeting) -> list[vCalAddress]:
    attendees = []
    if meeting.chair_email:
        attendees.append(
            vCalAddress.new(
                meeting.chair_email,
                cn=meeting.chair_name,
                role="CHAIR",
                partstat="NEEDS-ACTION",
                rsvp=True,
            )
        )
    for member in meeting.panel.all():
        if member.email:
            attendees.append(
                vCalAddress.new(
                    member.email,
                    cn=member.name,
                    role="REQ-PARTICIPANT",
                    partstat="NEEDS-ACTION",
                    rsvp=True,
                )
            )
    return attendees


def _description(meeting: Meeting) -> str:
    lines = [
        f"ASB Case Review panel meeting for case {meeting.case.reference} "
        f"({meeting.case.area.name}).",
        f"Chair: {meeting.chair_name}, {meeting.chair_organisation}.",
    ]
    if meeting.video_link:
        lines.append(f"Join by video: {meeting.video_link}")
    lines.append("The briefing note and the papers for the meeting come by e-mail.")
    return "\n".join(lines)


def _utc(value: dt.datetime) -> dt.datetime:
    # UTC ("...Z") needs no VTIMEZONE block, and every calendar shows it in the reader's zone.
    return value.astimezone(dt.UTC)


def meeting_ics(meeting: Meeting, *, sequence: int, method: str = "REQUEST") -> bytes:
    """The calendar entry for ``meeting`` as the bytes of an ``.ics`` file.

    ``sequence`` is how many times the meeting was arranged before this arrangement (0 the
    first time). ``method`` is the iTIP method: ``REQUEST`` to invite, ``CANCEL`` to take the
    entry out of the calendars it is in.
    """
    method = method.upper()
    if method not in METHODS:
        raise ValueError(f"Unknown iTIP method {method!r}")
    if sequence < 0:
        raise ValueError("The sequence of a calendar entry cannot be negative")
    event = Event.new(
        uid=meeting_uid(meeting),
        sequence=sequence,
        stamp=_utc(timezone.now()),
        start=_utc(meeting.starts_at),
        end=_utc(meeting.ends_at),
        summary=meeting_summary(meeting),
        description=_description(meeting),
        location=meeting_location(meeting),
        url=meeting.video_link or None,
        organizer=_organizer(),
        attendees=_attendees(meeting),
    )
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    calendar = Calendar.new(prodid=PRODID, method=method, subcomponents=[event])
    return calendar.to_ical()
