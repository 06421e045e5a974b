"""Tracking links and resume links are signed, expiring and single-purpose. The gaps left by
tests/public/track/test_refused_links.py and tests/public/apply/test_save_and_come_back_later.py
(which cover expiry, tampering, a resume link used to track, and a changed case address):
a tracking link used to resume, a link signed with another key, a resume link used in another
area or after its address changed, and a resume link after the application was sent."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public import links
from casereview.public.models import ApplicationDraft
from tests.cases.helpers import receive
from tests.public.apply.helpers import answer_all, done_url, for_myself, page_url, start, submit

pytestmark = pytest.mark.usefixtures("in_march")

REFUSED = "This link has expired or does not work"


def resume_url(area: Area, token: str) -> str:
    return reverse("public:apply_resume", kwargs={"slug": area.slug, "token": token})


def track_url(token: str) -> str:
    return reverse("public:track_open", kwargs={"token": token})


@pytest.fixture
def case(area: Area, coordinator) -> Case:
    return receive(area, coordinator)


@pytest.fixture
def draft(area: Area) -> ApplicationDraft:
    return ApplicationDraft.objects.create(area=area, resume_email="sam@example.test")


def test_a_tracking_link_does_not_open_an_application(area: Area, case: Case) -> None:
    token = links.tracking_token(case, case.victim_email)

    response = Client().get(resume_url(area, token))

    assert links.read_resume_token(token) is None
    assert response.status_code == 404
    assert REFUSED in response.content.decode()


def test_links_signed_with_another_key_open_nothing(
    area: Area, case: Case, draft: ApplicationDraft, settings
) -> None:
    genuine_track = links.tracking_token(case, case.victim_email)
    genuine_resume = links.resume_token(draft)
    this_deployment = settings.SECRET_KEY
    settings.SECRET_KEY = "another-deployment-key-" + "x" * 40
    forged_track = links.tracking_token(case, case.victim_email)
    forged_resume = links.resume_token(draft)
    settings.SECRET_KEY = this_deployment

    assert links.read_tracking_token(genuine_track) is not None
    assert links.read_resume_token(genuine_resume) is not None
    assert links.read_tracking_token(forged_track) is None
    assert links.read_resume_token(forged_resume) is None


def test_a_link_signed_without_the_links_salt_opens_nothing(
    case: Case, draft: ApplicationDraft
) -> None:
    """Django signs other things with the same key (sessions, password reset tokens): a value
    signed for one of them must not pass as a link."""
    unsalted_track = signing.TimestampSigner().sign_object(
        {"c": case.pk, "e": links.email_hash(case.victim_email)}
    )
    unsalted_resume = signing.TimestampSigner().sign_object(
        {"d": str(draft.pk), "e": links.email_hash("sam@example.test")}
    )

    assert links.read_tracking_token(unsalted_track) is None
    assert links.read_resume_token(unsalted_resume) is None


def test_a_resume_link_does_not_open_in_another_area(
    area: Area, other_area: Area, draft: ApplicationDraft
) -> None:
    response = Client().get(resume_url(other_area, links.resume_token(draft)))

    assert response.status_code == 404


def test_a_resume_link_dies_when_the_draft_is_given_another_address(
    area: Area, draft: ApplicationDraft
) -> None:
    token = links.resume_token(draft)
    ApplicationDraft.objects.filter(pk=draft.pk).update(resume_email="someone@example.test")

    response = Client().get(resume_url(area, token))

    assert response.status_code == 404
    assert REFUSED in response.content.decode()


def test_after_sending_the_application_its_resume_link_shows_no_questions(area: Area) -> None:
    applicant = Client()
    sent = start(applicant, area)
    answer_all(applicant, area, for_myself(area))
    submit(applicant, area)
    ApplicationDraft.objects.filter(pk=sent.pk).update(resume_email="sam@example.test")
    sent.refresh_from_db()

    someone = Client()
    opened = someone.get(resume_url(area, links.resume_token(sent)))
    question = someone.get(page_url(area, "who"))
    changed = someone.post(page_url(area, "who"), {"who": "someone_else"})

    assert opened["Location"] == done_url(area)
    assert question.status_code == 302
    assert question["Location"] == done_url(area)
    assert changed.status_code == 302
    assert changed["Location"] == done_url(area)
    sent.refresh_from_db()
    assert sent.is_submitted
    assert sent.answers.get("who") != "someone_else"


def test_each_kind_of_link_is_signed_for_its_purpose_alone(
    case: Case, draft: ApplicationDraft
) -> None:
    """The salt, not only the shape of what is signed, keeps the kinds apart: a resume-shaped
    value signed for tracking opens no application, and a tracking-shaped value signed for
    resuming opens no case."""
    resume_shaped = signing.TimestampSigner(salt=links.TRACK_SALT).sign_object(
        {"d": str(draft.pk), "e": links.email_hash("sam@example.test")}
    )
    track_shaped = signing.TimestampSigner(salt=links.RESUME_SALT).sign_object(
        {"c": case.pk, "e": links.email_hash(case.victim_email)}
    )

    assert links.read_resume_token(resume_shaped) is None
    assert links.read_tracking_token(track_shaped) is None
