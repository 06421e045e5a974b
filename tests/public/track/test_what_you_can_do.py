"""The page lists what the victim can do now, each as a link, with its date where it has one."""

from django.urls import reverse

from casereview.public.victim.actions import available_actions
from tests.letters.helpers import decided_not_met
from tests.public.track.helpers import TRACK_URL, tracking
from tests.reviews.helpers import met_case


def test_every_open_action_is_a_link_on_the_page(area, coordinator, in_march):
    case = met_case(area, coordinator)
    actions = available_actions(case)
    assert actions

    text = tracking(case).get(TRACK_URL).content.decode()

    for action in actions:
        assert f'href="{action.url}"' in text
        assert action.title in text


def test_the_request_for_a_review_shows_its_last_day(area, coordinator, in_march):
    case = decided_not_met(area, coordinator)
    [appeal] = [a for a in available_actions(case) if a.url == reverse("public:victim_appeal")]

    text = tracking(case).get(TRACK_URL).content.decode()

    assert appeal.due_on is not None
    assert f"By {appeal.due_on:%-d %B %Y}" in text


def test_a_closed_case_has_nothing_to_do(area, coordinator, in_march):
    from casereview.cases.services import case_withdraw
    from tests.cases.helpers import receive

    case = case_withdraw(receive(area, coordinator), by=coordinator, reason="Moved away.")

    text = tracking(case).get(TRACK_URL).content.decode()

    assert "There is nothing you need to do at the moment." in text
