"""The case page answers from what it has read (bench/fixes/b4.toml, session 10): whether an
appeal can be recorded comes from the meetings and appeals the page shows, not from a second
reading of them; the victim's voice comes with the case; the victim's earlier cases are not
filtered by the scope again for someone who sees the whole area. Counts, not timings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casereview.accounts.models import User
from casereview.appeals.models import Ground, Outcome
from casereview.appeals.selectors import can_lodge
from casereview.appeals.services import open_appeal
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.cases.views.case_page import can_lodge_now, letter_links
from tests.appeals.helpers import hear, lodge
from tests.cases.helpers import close_after_window, gathering, receive, sent_letter
from tests.cases.views.pages import case_page, someone
from tests.letters.helpers import decided_not_met
from tests.reviews.helpers import consulting, held, scheduled, voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]

MEETINGS = 'FROM "reviews_meeting"'
APPEALS = 'FROM "appeals_appeal"'
VOICE = 'FROM "reviews_victimvoice"'


def _from(queries: CaptureQueriesContext, table: str) -> int:
    """Queries reading ``table`` itself (not joining it)."""
    return sum(1 for query in queries.captured_queries if table + " " in query["sql"])


def _cases(area: Area, coordinator: User) -> dict[str, Case]:
    not_met_appealed = decided_not_met(area, coordinator, victim=someone(1))
    lodge(not_met_appealed, coordinator)
    conduct_heard = consulting(area, coordinator, victim=someone(2))
    hear(
        lodge(conduct_heard, coordinator, ground=Ground.REVIEW_CONDUCT),
        coordinator,
        Outcome.NOT_UPHELD,
    )
    return {
        "received": receive(area, coordinator, victim=someone(3)),
        "gathering": gathering(area, coordinator, victim=someone(4)),
        "not met": decided_not_met(area, coordinator, victim=someone(5)),
        "not met, appeal open": not_met_appealed,
        "voice recorded": voiced(area, coordinator, victim=someone(6)),
        "meeting arranged": scheduled(area, coordinator, victim=someone(7)),
        "meeting held": held(area, coordinator, victim=someone(8)),
        "consulting the victim": consulting(area, coordinator, victim=someone(9)),
        "conduct appeal heard": conduct_heard,
    }


def test_whether_an_appeal_can_be_recorded_is_what_can_lodge_says_in_every_state(
    area: Area, coordinator: User
) -> None:
    cases = _cases(area, coordinator)
    answers = {}
    for name, case in cases.items():
        held_meeting = case.meetings.exclude(held_on=None).exists()
        answers[name] = (
            can_lodge_now(case, meeting_held=held_meeting, waiting=open_appeal(case)),
            can_lodge(case),
        )

    assert all(ours == theirs for ours, theirs in answers.values()), answers
    # Both answers occur, so the comparison means something.
    assert {ours for ours, _ in answers.values()} == {True, False}


def test_the_case_page_reads_its_meetings_and_appeals_once_and_offers_the_same_appeal_button(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    client = staff_client(coordinator)
    for name, case in _cases(area, coordinator).items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(case_page(case))

        assert response.status_code == 200, name
        assert _from(queries, MEETINGS) == 1, name
        assert _from(queries, APPEALS) == 1, name
        assert _from(queries, VOICE) == 0, name  # read with the case
        offered = "Record an appeal" in response.content.decode()
        assert offered == can_lodge(case), name


def test_the_case_page_of_a_held_meeting_stays_within_its_query_count(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = held(area, coordinator)
    client = staff_client(coordinator)
    client.get(case_page(case))  # the session's first request may write it

    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_page(case))

    assert response.status_code == 200
    # 26 before session 10 (one more each for the meetings, the appeals and the victim's voice,
    # which now come from what the page has read); the audit record's statements included.
    assert len(queries.captured_queries) <= 24


def test_earlier_cases_of_the_victim_are_listed_without_filtering_by_the_scope_again(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    first = close_after_window(
        decided_not_met(area, coordinator, victim=someone(1)),
        by=coordinator,
        reason="Closed after the decision",
    )
    second = receive(
        area,
        coordinator,
        victim=someone(1),
        repeat_of=first,
        material_change="The behaviour has moved to the early hours",
    )
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_page(second))

    assert response.status_code == 200
    assert first.reference in response.content.decode()
    earlier = [
        q["sql"]
        for q in queries.captured_queries
        if "victim_name_key" in q["sql"].partition(" WHERE ")[2]
    ]
    assert len(earlier) == 1
    assert "IN (SELECT" not in earlier[0]


def test_the_case_page_lists_the_letters_without_reading_their_files(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = receive(area, coordinator, victim=someone(1))
    letter = sent_letter(case, pdf=b"%PDF" + b"0" * 50_000, docx=b"PK" + b"0" * 50_000)
    client = staff_client(coordinator)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_page(case))

    assert response.status_code == 200
    read = [q["sql"] for q in queries.captured_queries if 'FROM "letters_letter"' in q["sql"]]
    assert len(read) == 1
    assert '"letters_letter"."pdf"' not in read[0]
    assert '"letters_letter"."docx"' not in read[0]
    assert '"letters_letter"."html"' not in read[0]
    page = response.content.decode()
    address = reverse("letters:pdf", kwargs={"reference": case.reference, "pk": letter.pk})
    assert f'href="{address}"' in page
    assert "Councillor Jane Brown" in page


def test_each_letters_addresses_are_those_reverse_gives(area: Area, coordinator: User) -> None:
    case = receive(area, coordinator, victim=someone(1))
    letters = [sent_letter(case, f"letter:{number}") for number in range(3)]

    links = letter_links(case, letters)

    for letter in letters:
        kwargs = {"reference": case.reference, "pk": letter.pk}
        assert links[letter.pk] == {
            "view": reverse("letters:letter", kwargs=kwargs),
            "pdf": reverse("letters:pdf", kwargs=kwargs),
            "docx": reverse("letters:docx", kwargs=kwargs),
        }
