""" "What happens next" gives the council's next duty to the victim with its due date, says when
one is late, and leaves out the victim's windows that have closed."""

import datetime as dt

import time_machine

from casereview.cases.services import case_acknowledge
from tests.cases.helpers import at, receive
from tests.public.track.helpers import TRACK_URL, tracking
from tests.reviews.helpers import consulting, met_case


def test_a_new_case_says_when_it_will_be_acknowledged_and_decided(area, coordinator, in_march):
    case = receive(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    # Received Monday 16 March 2026: 3 working days, and 14 working days over the Easter
    # bank holidays (Friday 3 and Monday 6 April).
    assert "The council will acknowledge your application by 19 March 2026." in text
    assert "meets the threshold for a review by 7 April 2026." in text


def test_a_late_duty_is_flagged_in_words(area, coordinator, in_march):
    case = receive(area, coordinator)

    with time_machine.travel(at(2026, 3, 24), tick=False):
        text = tracking(case).get(TRACK_URL).content.decode()

    assert "The council will acknowledge your application by 19 March 2026." in text
    assert "This date has passed" in text


def test_a_met_duty_is_no_longer_listed(area, coordinator, in_march):
    case = receive(area, coordinator)
    case_acknowledge(case, by=coordinator, on=case.received_on)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "acknowledge your application by" not in text


def test_the_call_after_a_met_decision_is_announced(area, coordinator, in_march):
    case = met_case(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "Your contact at the council will phone you by 25 March 2026" in text


def test_the_comment_window_shows_until_it_closes(area, coordinator, in_march):
    case = consulting(area, coordinator)
    until = case.meetings.get().comment_until
    assert until is not None

    assert f"You can comment on the draft action plan until {until:%-d %B %Y}." in (
        tracking(case).get(TRACK_URL).content.decode()
    )
    after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(10), tzinfo=dt.UTC)
    with time_machine.travel(after, tick=False):
        assert "You can comment on the draft action plan until" not in (
            tracking(case).get(TRACK_URL).content.decode()
        )
