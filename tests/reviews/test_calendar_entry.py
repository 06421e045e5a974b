"""The calendar entry of a review meeting: one event with a stable UID, the meeting's time in
UTC, where it is, who organises it and who is invited, and nothing about the victim or the
people alleged responsible."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from casereview.reviews.calendar import meeting_ics
from casereview.reviews.services import MeetingPlan, review_schedule_meeting
from tests.reviews.helpers import ALLEGED, LONDON, meeting_plan, scheduled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def parsed(data: bytes):
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_the_entry_is_one_event_of_a_request_calendar(area, coordinator, settings):
    settings.SITE_URL = "https://casereview.example.gov.uk"
    meeting = scheduled(area, coordinator).meetings.get()

    calendar, event = parsed(meeting_ics(meeting, sequence=0))

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "REQUEST"
    assert "ASB Case Review" in str(calendar["PRODID"])
    assert str(event["UID"]) == f"casereview-meeting-{meeting.pk}@casereview.example.gov.uk"
    assert str(event["SUMMARY"]) == f"ASB Case Review {meeting.case.reference}"
    assert event["SEQUENCE"] == 0
    assert str(event["LOCATION"]) == "Wallfields, Pegs Lane, Hertford"
    assert "URL" not in event
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_the_meeting_time_is_in_utc_and_lasts_as_arranged(area, coordinator):
    case = scheduled(area, coordinator)
    # A summer meeting: 2pm in London is 1pm UTC (British Summer Time).
    plan = meeting_plan(area)
    summer = MeetingPlan(
        **{
            **plan.__dict__,
            "starts_at": dt.datetime(2027, 6, 14, 14, tzinfo=LONDON),
            "duration_minutes": 90,
        }
    )
    meeting = review_schedule_meeting(case, by=coordinator, plan=summer).meeting

    _, event = parsed(meeting_ics(meeting, sequence=1))

    assert event.decoded("DTSTART") == dt.datetime(2027, 6, 14, 13, tzinfo=dt.UTC)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(0)
    assert event.decoded("DTEND") == dt.datetime(2027, 6, 14, 14, 30, tzinfo=dt.UTC)
    assert event["SEQUENCE"] == 1


def test_a_video_meeting_gives_the_link_as_location_and_url(area, coordinator):
    case = scheduled(area, coordinator)
    link = "https://meet.example.org/asb-review-123"
    plan = MeetingPlan(**{**meeting_plan(area).__dict__, "place": "", "video_link": link})
    meeting = review_schedule_meeting(case, by=coordinator, plan=plan).meeting

    _, event = parsed(meeting_ics(meeting, sequence=1))

    assert str(event["LOCATION"]) == link
    assert str(event["URL"]) == link


def test_the_organiser_is_the_service_and_the_chair_and_panel_are_attendees(
    area, coordinator, settings
):
    settings.DEFAULT_FROM_EMAIL = "East Herts Case Review <asb@eastherts.example>"
    meeting = scheduled(area, coordinator).meetings.get()
    meeting.panel.filter(name="Member 2").update(email="")

    _, event = parsed(meeting_ics(meeting, sequence=0))

    assert str(event["ORGANIZER"]).lower() == "mailto:asb@eastherts.example"
    assert event["ORGANIZER"].params["CN"] == "East Herts Case Review"
    attendees = {str(a).lower().removeprefix("mailto:"): a.params for a in event["ATTENDEE"]}
    assert set(attendees) == {
        "chair@example.org",
        "member1@example.org",
        "member3@example.org",
        "fire@example.org",
    }
    assert attendees["chair@example.org"]["ROLE"] == "CHAIR"
    assert attendees["member1@example.org"]["CN"] == "Member 1"


def test_the_entry_never_names_the_victim_or_the_people_alleged_responsible(area, coordinator):
    case = scheduled(area, coordinator)
    meeting = case.meetings.get()

    text = meeting_ics(meeting, sequence=0).decode()
    unfolded = text.replace("\r\n ", "")

    assert case.reference in unfolded
    assert case.victim_name
    assert case.victim_name not in unfolded
    assert ALLEGED not in unfolded
    assert case.victim_address
    assert case.victim_address not in unfolded
    assert case.victim_postcode
    assert case.victim_postcode not in unfolded
    assert case.victim_email not in unfolded


def test_a_cancellation_is_marked_cancelled(area, coordinator):
    meeting = scheduled(area, coordinator).meetings.get()

    calendar, event = parsed(meeting_ics(meeting, sequence=2, method="cancel"))

    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 2


def test_an_unknown_method_or_a_negative_sequence_is_refused(area, coordinator):
    meeting = scheduled(area, coordinator).meetings.get()

    with pytest.raises(ValueError, match="method"):
        meeting_ics(meeting, sequence=0, method="PUBLISHED")
    with pytest.raises(ValueError, match="sequence"):
        meeting_ics(meeting, sequence=-1)
