"""Once a review meeting is arranged the page gives its date, time and place."""

from tests.public.track.helpers import TRACK_URL, tracking
from tests.reviews.helpers import scheduled


def test_an_arranged_meeting_shows_when_and_where(area, coordinator, in_march):
    case = scheduled(area, coordinator)

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "The review meeting" in text
    assert "16 March 2026 at 2pm" in text
    assert "Wallfields, Pegs Lane, Hertford" in text
    # The outcome and the plan come only once they have been sent to the victim.
    assert "The draft action plan" not in text
