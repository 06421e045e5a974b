"""Someone gives their case reference and e-mail address, receives a link over real SMTP, and the
link opens their case's tracking page."""

from django.urls import reverse

from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, body_of, link_in
from tests.tasks import run_tasks


def test_a_link_asked_for_arrives_by_email_and_opens_the_case(
    area, coordinator, client, smtp_server, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("public:track_start"),
            {"reference": case.reference.lower(), "email": "  SAM@example.test "},
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("public:track_sent")
    run_tasks()

    [message] = smtp_server.messages
    assert smtp_server.recipients == [["sam@example.test"]]
    assert message["Subject"] == f"Your link to track ASB Case Review {case.reference}"
    assert "The link works for 90 days." in body_of(message)

    opened = client.get(link_in(message))
    assert opened.status_code == 302
    assert opened["Location"] == TRACK_URL

    page = client.get(TRACK_URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert case.reference in text
    assert "Your application has been received" in text


def test_the_check_your_email_page_says_a_link_was_sent_if_the_details_match(client, db):
    page = client.get(reverse("public:track_sent"))

    assert page.status_code == 200
    assert "If the case reference and e-mail address you gave match a case" in page.content.decode()
