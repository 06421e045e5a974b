"""An action that closes between opening its page and sending it (the council withdrew or moved
the case on meanwhile) is explained on a friendly page, with what was typed kept: never a
server error."""

from __future__ import annotations

from typing import Any

import pytest

from casereview.cases.services import case_withdraw
from casereview.public.victim import views
from casereview.reviews.models import VictimComment
from casereview.reviews.services import review_record_victim_comment
from tests.public.victim.helpers import ACTION_URLS, text_of, tracking
from tests.reviews.helpers import consulting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_march")]


def test_a_comment_sent_as_the_case_is_withdrawn_gets_the_reason_and_keeps_the_words(
    area, coordinator, monkeypatch
):
    case = consulting(area, coordinator)

    def withdrawn_first(case_: Any, **kwargs: Any) -> Any:
        case_withdraw(case_, by=coordinator, reason="The applicant phoned to withdraw.")
        return review_record_victim_comment(case_, **kwargs)

    monkeypatch.setattr(views, "review_record_victim_comment", withdrawn_first)

    response = tracking(case).post(ACTION_URLS["victim_comment"], {"text": "My late words"})

    assert response.status_code == 200
    page = text_of(response)
    assert "Your application has been withdrawn" in page
    assert "My late words" in page
    assert not VictimComment.objects.filter(meeting__case=case).exists()
